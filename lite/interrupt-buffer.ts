/**
 * The buffer Pyodide polls for signals, shared with the worker; only a
 * cross-origin isolated page may share memory with it. The page's Stop
 * (`interrupt.ts`) writes SIGINT into it.
 */
export function makeInterruptBuffer(): Uint8Array | undefined {
  return globalThis.crossOriginIsolated === true ? new Uint8Array(new SharedArrayBuffer(1)) : undefined;
}
