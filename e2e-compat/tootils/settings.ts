/**
 * Where the compatibility runner finds things, from the environment that
 * `make e2e-compat` sets (see the Makefile), with the repository's defaults.
 */
import path from "node:path";
import url from "node:url";

const here = path.dirname(url.fileURLToPath(import.meta.url));
const repository = path.resolve(here, "../..");
const outputDir = process.env.E2E_COMPAT_OUT ?? path.join(repository, "build", "e2e-compat");

export type Runtime = "pagelet" | "gradio";

function runtime(): Runtime {
  const baseline = process.env.BASELINE ?? "";
  if (baseline === "" || baseline === "pagelet") return "pagelet";
  if (baseline === "gradio") return "gradio";
  throw new Error(`BASELINE=${baseline}: expected BASELINE=gradio, or nothing for Pagelet`);
}

export const settings = {
  runtime: runtime(),
  /** The copy of Gradio's demos, test files and specs the run works in. */
  gradioRoot: process.env.E2E_COMPAT_GRADIO_ROOT ?? path.join(outputDir, "gradio"),
  outputDir,
  demoRunner: path.join(here, "..", "run_demo.py"),
  pageletPython: process.env.E2E_COMPAT_PAGELET_PYTHON ?? path.join(repository, ".venv", "bin", "python"),
  gradioPython: process.env.E2E_COMPAT_GRADIO_PYTHON ?? path.join(repository, ".venv-bench", "bin", "python"),
  /**
   * The runner's main process: the config is read there first and hands this to
   * its workers (whose own parent it is), so every demo watches the same process.
   */
  runnerPid: Number((process.env.E2E_COMPAT_RUNNER_PID ??= String(process.pid))),
  /** The demo now serving, shared by the workers of the run (a worker is replaced after each failure). */
  demoFile: path.join(outputDir, `serving-${runtime()}.json`),
};
