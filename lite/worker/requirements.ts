import { describe, fetchBytes } from "../fetch";
import { BootError, fromPython } from "./python";
import type { Pyodide } from "./runtime";

const PROBE_TIMEOUT_MS = 10_000;

/**
 * Install requirements with micropip, which must already be unpacked.
 * `indexUrls` empty means micropip's default index. A failure is a
 * `BootError` that names the requirements and the index it used.
 */
export async function installRequirements(pyodide: Pyodide, requirements: string[], indexUrls: string[]): Promise<void> {
  const micropip = pyodide.pyimport("micropip");
  try {
    const kwargs = indexUrls.length > 0 ? { index_urls: pyodide.toPy(indexUrls) } : {};
    await micropip.install.callKwargs(pyodide.toPy(requirements), kwargs);
  } catch (error) {
    const failure = fromPython(pyodide, error);
    const traceback = failure instanceof BootError ? failure.traceback : undefined;
    const cause = (await missingWheel(requirements)) ?? describe(failure);
    const index = indexUrls.length > 0 ? indexUrls.join(", ") : "micropip's default (PyPI)";
    const list = requirements.map((requirement) => JSON.stringify(requirement)).join(", ");
    throw new BootError(`${cause}\n(requirements: ${list}; index: ${index})`, traceback);
  } finally {
    micropip.destroy();
  }
}

/**
 * micropip reads whatever body a wheel URL answers with, so a 404 surfaces as
 * "File is not a zip file". Ask for each wheel URL to name the one missing.
 */
async function missingWheel(requirements: string[]): Promise<string | undefined> {
  for (const requirement of requirements) {
    if (!/^https?:\/\/.*\.whl$/i.test(requirement)) continue;
    try {
      await fetchBytes(requirement, PROBE_TIMEOUT_MS, { method: "HEAD", cache: "no-store" });
    } catch (error) {
      return describe(error);
    }
  }
  return undefined;
}
