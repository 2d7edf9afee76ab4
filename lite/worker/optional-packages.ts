import { describe } from "../fetch";
import type { Pyodide } from "./runtime";

/**
 * The wheels of the optional libraries a component may convert to, by import
 * name, dependencies first. File names are those of Pyodide's own lock for
 * the bundled version (`node_modules/pyodide/pyodide-lock.json`; a test keeps
 * them in step). The build ships a trimmed lock, so `loadPackage("numpy")`
 * would not know them: each is loaded by URL instead.
 */
export const OPTIONAL_WHEELS: Readonly<Record<string, readonly string[]>> = {
  numpy: ["numpy-2.4.6-cp314-cp314-pyemscripten_2026_0_wasm32.whl"],
  PIL: ["pillow-12.2.0-cp314-cp314-pyemscripten_2026_0_wasm32.whl"],
  pandas: [
    "numpy-2.4.6-cp314-cp314-pyemscripten_2026_0_wasm32.whl",
    "six-1.17.0-py2.py3-none-any.whl",
    "python_dateutil-2.9.0.post0-py2.py3-none-any.whl",
    "pytz-2026.1.post1-py2.py3-none-any.whl",
    "pandas-3.0.2-cp314-cp314-pyemscripten_2026_0_wasm32.whl",
  ],
};

// A package that cannot be fetched is reported at once; a stalled fetch must
// not leave the person waiting either.
const LOAD_DEADLINE_MS = 20_000;

/**
 * Load the wheels of import `name` from `baseUrl`. Resolves with "" once they
 * are loaded, or with a sentence naming the URL that failed; never rejects.
 */
export async function loadOptionalPackage(pyodide: Pyodide, baseUrl: string, name: string): Promise<string> {
  const wheels = OPTIONAL_WHEELS[name];
  if (wheels === undefined) return `no Pyodide package is known for ${name}`;
  for (const wheel of wheels) {
    const url = new URL(wheel, baseUrl).href;
    const problem = await probe(url);
    if (problem !== "") return `${problem} (${url})`;
    const errors: string[] = [];
    try {
      await pyodide.loadPackage(url, { messageCallback: () => undefined, errorCallback: (message) => errors.push(message) });
    } catch (error) {
      errors.push(describe(error));
    }
    if (errors.length > 0) return `${errors.join("; ")} (${url})`;
  }
  return "";
}

/**
 * Pyodide's loader reports a missing wheel only in the console; ask the
 * server first, so the page can say what is wrong with which URL.
 */
async function probe(url: string): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), LOAD_DEADLINE_MS);
  try {
    const response = await fetch(url, { method: "HEAD", signal: controller.signal });
    return response.ok ? "" : `the server answered ${response.status} ${response.statusText}`.trimEnd();
  } catch (error) {
    return controller.signal.aborted ? `no answer within ${LOAD_DEADLINE_MS / 1000} s` : `the download failed: ${describe(error)}`;
  } finally {
    clearTimeout(timer);
  }
}
