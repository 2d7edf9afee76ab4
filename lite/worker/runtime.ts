import type { loadPyodide as LoadPyodide, PyodideAPI } from "pyodide";
import { withDeadline } from "../deadline";
import { describe, fetchBytes } from "../fetch";
import { assetUrl } from "./fetch-asset";
import { ASSETS } from "./manifest";

export type Pyodide = PyodideAPI;

const RUNTIME_DEADLINE_MS = 120_000;
const PROBE_TIMEOUT_MS = 10_000;

const PYODIDE_MODULE = "pyodide.mjs";
/** The files of the runtime, relative to its index URL: its module, then what it fetches itself. */
const RUNTIME_FILES = [PYODIDE_MODULE, "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"];

/**
 * Load the Pyodide runtime from `dist/pyodide/`, next to this worker: never from
 * the page's URL and never from a CDN. Pyodide's own module is imported at run
 * time, so that it is not bundled into `worker.js` and stays the one copy.
 */
export interface RuntimeOptions {
  /** Restore this memory snapshot instead of booting Python from scratch. */
  snapshot?: Uint8Array;
  /** Boot so that a memory snapshot can be taken later (see `snapshot.ts`). */
  makeSnapshot?: boolean;
}

export async function loadRuntime(options: RuntimeOptions = {}): Promise<Pyodide> {
  const indexURL = assetUrl("pyodide/");
  const moduleUrl = indexURL + PYODIDE_MODULE;
  let loadPyodide: typeof LoadPyodide;
  try {
    ({ loadPyodide } = (await import(/* @vite-ignore */ moduleUrl)) as { loadPyodide: typeof LoadPyodide });
  } catch (error) {
    throw new Error(await explainRuntimeFailure(indexURL, error));
  }
  const wasmFailure = watchWasmFailure();
  try {
    const loading = loadPyodide({
      indexURL,
      // The lock comes with the build rather than as one more request at boot.
      lockFileContents: ASSETS.lockFile,
      packageBaseUrl: indexURL,
      ...(options.snapshot !== undefined ? { _loadSnapshot: options.snapshot } : {}),
      ...(options.makeSnapshot === true ? { _makeSnapshot: true } : {}),
    });
    return await withDeadline(Promise.race([loading, wasmFailure.failed]), RUNTIME_DEADLINE_MS, "Loading the Python runtime");
  } catch (error) {
    throw new Error(await explainRuntimeFailure(indexURL, error));
  } finally {
    wasmFailure.stop();
  }
}

const WASM_FAILURE_WARNING = "wasm instantiation failed!";

/**
 * Pyodide reports a failed WebAssembly instantiation (a missing or corrupt
 * `pyodide.asm.wasm`) only as two `console.warn` calls, the text then the
 * error, and never settles. Watch for them while the runtime loads, so that
 * boot fails at once rather than at the deadline.
 */
function watchWasmFailure(): { failed: Promise<never>; stop(): void } {
  const warn = console.warn;
  let fail!: (error: unknown) => void;
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failed.catch(() => undefined);
  let announced = false;
  console.warn = (...args: unknown[]) => {
    warn.apply(console, args);
    if (announced) fail(args[0] instanceof Error ? args[0] : new Error(String(args[0])));
    announced = args[0] === WASM_FAILURE_WARNING;
  };
  return { failed, stop: () => void (console.warn = warn) };
}

/**
 * Pyodide reports a missing file as a failed wasm compile or a bare status
 * code; ask for each file it needs so the message can name the one at fault.
 */
async function explainRuntimeFailure(indexURL: string, error: unknown): Promise<string> {
  for (const file of RUNTIME_FILES) {
    try {
      await fetchBytes(indexURL + file, PROBE_TIMEOUT_MS, { method: "HEAD", cache: "no-store" });
    } catch (probeError) {
      return `Could not load the Python runtime: ${describe(probeError)}`;
    }
  }
  return `Could not load the Python runtime from ${indexURL}: ${describe(error)}`;
}
