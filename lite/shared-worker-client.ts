/**
 * The page's end of `<gradio-lite shared-worker>`: every app asking for the
 * shared worker joins one SharedWorker running `worker.js` (see
 * `lite/worker/shared.ts`), through a port of its own. The app sees it as it
 * sees a dedicated worker. Where SharedWorker is missing (some mobile
 * browsers), or `worker.js` is on another origin (a CDN, where a shared
 * worker cannot start), each app gets a dedicated worker as usual.
 */
import { SHARED_WORKER_NAME } from "./worker/shared-name";

/** What an app uses of its worker, whether dedicated or shared. */
export interface AppWorker {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export function canShareWorker(url: string): boolean {
  return typeof SharedWorker !== "undefined" && new URL(url).origin === location.origin;
}

export function joinSharedWorker(url: string): AppWorker {
  const worker = new SharedWorker(url, { type: "module", name: SHARED_WORKER_NAME });
  const port = worker.port;
  const app: AppWorker = {
    postMessage: (message, transfer) => port.postMessage(message, transfer),
    onmessage: null,
    onerror: null,
    // The other apps keep the worker; this one only lets go of its port.
    terminate: () => port.close(),
  };
  port.onmessage = (event: MessageEvent<unknown>) => app.onmessage?.(event);
  // A shared worker that fails to load reports a bare event, without a message.
  worker.onerror = () => app.onerror?.(new ErrorEvent("error", { message: "" }));
  return app;
}
