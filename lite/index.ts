/**
 * `lite.js`, the one script a page includes: it defines `<gradio-lite>` and
 * exports the JS API. Everything else it needs (the host chunk, `lite.css`,
 * `worker.js` and the Python assets) is found next to it, by its own URL.
 */
import { createGradioApp } from "./controller";
import { GradioLiteElement } from "./element";
import { injectStyles, loadStylesheet } from "./styles";

export {
  createPageletApp,
  STATE_EVENT,
  type PageletApp,
  type PageletAppOptions,
  type PageletState,
  type PageletStateDetail,
} from "./app";
export { GradioLiteElement };
export {
  createGradioApp,
  GradioAppController,
  type GradioAppEvents,
  type GradioAppOptions,
  type GradioFile,
} from "./controller";
export type { ErrorDetail } from "./control";
export { readShareLink, type SharedApp } from "./share-link";

/** Built from the host's styles by `vite.config.ts`. A variable, so the bundler leaves the URL alone. */
const STYLESHEET_FILE = "lite.css";

// Gradio Lite put its entry point on the global object; pages written for it call it from there.
Object.assign(globalThis, { createGradioApp });

injectStyles();
loadStylesheet(new URL(STYLESHEET_FILE, import.meta.url).href);
// The script may be included twice (two copies of a page fragment); the first definition wins.
if (!customElements.get("gradio-lite")) customElements.define("gradio-lite", GradioLiteElement);
