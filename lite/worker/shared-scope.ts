/** True when `worker.js` runs as the SharedWorker of `<gradio-lite shared-worker>` (see `shared.ts`, loaded only then). */
export function isSharedWorkerScope(scope: typeof globalThis): boolean {
  return typeof SharedWorkerGlobalScope !== "undefined" && scope instanceof SharedWorkerGlobalScope;
}

/**
 * Take the connections of the shared worker at once (the first comes right
 * after the script runs, before any lazily loaded code could listen), and hand
 * them to `serve` once `load` has given it. A port keeps its messages until it
 * is listened to, so nothing is lost in between.
 */
export function acceptConnections(scope: SharedWorkerGlobalScope, load: () => Promise<(port: MessagePort) => void>): void {
  const waiting: MessagePort[] = [];
  let serve: ((port: MessagePort) => void) | undefined;
  scope.onconnect = (event: MessageEvent<unknown>) => {
    const port = event.ports[0];
    if (port === undefined) return;
    if (serve) serve(port);
    else waiting.push(port);
  };
  void load().then((loaded) => {
    serve = loaded;
    waiting.splice(0).forEach(loaded);
  });
}
