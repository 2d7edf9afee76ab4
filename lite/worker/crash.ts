/**
 * Telling the page that Python died. After a fatal error (wasm memory
 * exhausted, an abort in C code) Pyodide is unusable: every member of its
 * API throws "Pyodide already fatally failed". The error surfaces as an
 * uncaught error or, more often, an unhandled rejection in the worker, which
 * the page never sees; so the worker watches for them and reports once.
 */
import { describe } from "../fetch";
import type { Pyodide } from "./runtime";

/** True once Pyodide has fatally failed (its API then throws on use). */
export function hasFailed(pyodide: Pyodide): boolean {
  try {
    void pyodide.FS;
    return false;
  } catch {
    return true;
  }
}

export function watchForCrash(scope: WorkerGlobalScope, current: () => Pyodide | undefined, report: (message: string) => void): void {
  let reported = false;
  const check = (reason: unknown): void => {
    const pyodide = current();
    if (reported || pyodide === undefined || !hasFailed(pyodide)) return;
    reported = true;
    report(`Python stopped after a fatal error (${describe(reason)}).`);
  };
  scope.addEventListener("error", (event) => check(event.error ?? event.message));
  scope.addEventListener("unhandledrejection", (event) => check(event.reason));
}
