/**
 * The Pagelet host: renders an app from the config its Python core sends,
 * and passes the person's events back over a `Transport`.
 */
import "./styles.css";

export { mountApp, type AppHandle, type MountOptions } from "./app";
export { isRegistered, register } from "./renderers/registry";
export type { ChildView, ComponentView, RenderContext, Renderer, RendererLoader } from "./renderers/types";
export type { Transport } from "./transport/transport";
