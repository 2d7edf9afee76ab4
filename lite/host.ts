import type { Transport } from "../js/transport/transport";

/** The JS host's entry point as lite uses it (`mountApp` in `js/index.ts`). */
export interface AppHandle {
  destroy(): void;
  /** Resolves when the app's config has been rendered. */
  ready: Promise<void>;
}

export interface MountOptions {
  /** The core reported an error it cannot recover from, e.g. the app file raised. */
  onFatal?: (message: string, traceback?: string) => void;
  /** Called after each config is rendered, the first and any later one. */
  onRender?: () => void;
  /** Offer a Stop button on an event still running after this many milliseconds. */
  stopAfterMs?: number;
}

export type MountApp = (root: HTMLElement, transport: Transport, options?: MountOptions) => AppHandle;

/** Mount the host on the page's end of the app port; `wrap` lets lite listen in on the transport. */
export type MountOnPort = (root: HTMLElement, port: MessagePort, options?: MountOptions, wrap?: (transport: Transport) => Transport) => AppHandle;

/**
 * Load the host and its port transport. They are separate chunks, fetched
 * while Pyodide boots: `lite.js` imports nothing up front, so the worker
 * starts one round trip sooner.
 */
export async function loadHost(): Promise<MountOnPort> {
  const [host, { PortTransport }] = await Promise.all([import("../js/index"), import("../js/transport/port")]);
  // Assigning to the declared type checks, at build time, that the host keeps the agreed signature.
  const mountApp: MountApp = host.mountApp;
  return (root, port, options, wrap = (transport) => transport) => mountApp(root, wrap(new PortTransport(port)), options);
}
