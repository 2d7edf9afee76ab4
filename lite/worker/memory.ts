import type { MemoryUsage } from "../messages";
import type { Pyodide } from "./runtime";

/** How much memory a runtime holds; zero before it has loaded. */
export function memoryUsage(pyodide: Pyodide | undefined): MemoryUsage {
  // Pyodide has no public API for its memory size; its Emscripten module does.
  const module = (pyodide as unknown as { _module?: { HEAP8?: Int8Array } } | undefined)?._module;
  return { wasmBytes: module?.HEAP8?.length ?? 0 };
}
