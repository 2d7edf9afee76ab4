/**
 * Page side of warm starts: after an app booted fresh, build the snapshot for
 * the next visit in a short-lived worker, when the page is idle, once per page.
 * See `lite/worker/snapshot.ts` for what the snapshot is.
 */
import { SNAPSHOT_WORKER_NAME } from "./worker/snapshot-name";

/** Give the visitor's first interactions the CPU before a second Python boots. */
const IDLE_TIMEOUT_MS = 5_000;

let scheduled = false;

/** Build this build's snapshot in the background; `startWorker` creates a module worker of `worker.js`. */
export function scheduleSnapshot(startWorker: (name: string) => Worker): void {
  if (scheduled || typeof caches === "undefined") return;
  scheduled = true;
  const run = (): void => {
    let worker: Worker;
    try {
      worker = startWorker(SNAPSHOT_WORKER_NAME);
    } catch {
      return; // No snapshot then; the next visit boots fresh as this one did.
    }
    worker.onmessage = () => worker.terminate();
    worker.onerror = () => worker.terminate();
  };
  if (typeof requestIdleCallback === "function") requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(run, IDLE_TIMEOUT_MS);
}
