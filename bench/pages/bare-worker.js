// Boot Pyodide from dist/pyodide/ and run one line of Python, then report.
const indexURL = new URL("../../dist/pyodide/", import.meta.url).href;
try {
  const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
  const pyodide = await loadPyodide({ indexURL });
  pyodide.runPython("1 + 1");
  postMessage({ ok: true, wasmBytes: pyodide._module.HEAP8.length });
} catch (error) {
  postMessage({ ok: false, error: String(error) });
}
