/**
 * Starts and stops the demos of Gradio's end-to-end suite for `make e2e-compat`,
 * under Pagelet (`pagelet run`) or, for the baseline, under real Gradio.
 *
 * The names `launchGradioApp`, `killGradioApp` and `hasTestcase` are the ones
 * Gradio's specs import from `@self/tootils/app-launcher`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { settings } from "./settings.ts";

export interface GradioApp {
  port: number;
  process: ChildProcess;
}

/** A demo may come as `demo/<name>/<case>_testcase.py` beside its `run.py`. */
export function hasTestcase(demoName: string, testcaseName: string): boolean {
  return fs.existsSync(demoFile(demoName, testcaseName));
}

function demoFile(demoName: string, testcaseName?: string): string {
  const file = testcaseName ? `${testcaseName}_testcase.py` : "run.py";
  return path.join(settings.gradioRoot, "demo", demoName, file);
}

/** A port the system has just handed out, so two runs cannot pick the same one. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("no port"));
      });
    });
  });
}

/** Resolves once the server answers any HTTP request on its root. */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get({ host: "127.0.0.1", port, path: "/", timeout: 2000 }, (response) => {
      response.resume();
      resolve(true);
    });
    request.on("error", () => resolve(false));
    request.on("timeout", () => {
      request.destroy();
      resolve(false);
    });
  });
}

/**
 * Starts `demo/<demoName>/run.py` (or the named testcase) on a free loopback
 * port and resolves when its page answers. The demo's output goes to
 * `build/e2e-compat/logs/<runtime>/`, which is where to look when a spec fails
 * before its first step.
 */
export async function launchGradioApp(
  demoName: string,
  _workerIndex = 0,
  timeout = 60_000,
  testcaseName?: string,
): Promise<GradioApp> {
  const file = demoFile(demoName, testcaseName);
  if (!fs.existsSync(file)) throw new Error(`no demo at ${file}`);
  const port = await freePort();
  const runtime = settings.runtime;
  const logDir = path.join(settings.outputDir, "logs", runtime);
  fs.mkdirSync(logDir, { recursive: true });
  const logName = testcaseName ? `${demoName}__${testcaseName}.log` : `${demoName}.log`;
  const log = fs.openSync(path.join(logDir, logName), "w");
  const scratch = path.join(settings.outputDir, "scratch", runtime, `${demoName}_${port}`);
  const python = runtime === "gradio" ? settings.gradioPython : settings.pageletPython;
  // The demo watches the runner's main process, which outlives the workers (see run_demo.py).
  const child = spawn(python, [settings.demoRunner, runtime, file, String(port), String(settings.runnerPid)], {
    cwd: settings.gradioRoot,
    stdio: ["ignore", log, log],
    // Its own process group, so that stopping it stops what it started.
    detached: true,
    env: {
      ...process.env,
      PYTHONUNBUFFERED: "1",
      GRADIO_ANALYTICS_ENABLED: "False",
      GRADIO_IS_E2E_TEST: "1",
      GRADIO_RESET_EXAMPLES_CACHE: "True",
      GRADIO_EXAMPLES_CACHE: path.join(scratch, "cached_examples"),
      GRADIO_TEMP_DIR: path.join(scratch, "temp"),
      HF_HUB_OFFLINE: "1",
      PYTHONPATH: "",
    },
  });
  fs.closeSync(log);
  child.unref();
  let exited: number | null | undefined;
  child.once("exit", (code) => {
    exited = code;
  });
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      throw new Error(`${demoName} exited (code ${exited}) before serving; see ${path.join(logDir, logName)}`);
    }
    if (await answers(port)) return { port, process: child };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  killGradioApp(child);
  throw new Error(`${demoName} did not serve within ${timeout} ms; see ${path.join(logDir, logName)}`);
}

/** Stops the demo and everything it started (uvicorn workers, subprocesses). */
export function killGradioApp(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  killDemoGroup(child.pid);
}

/** Stops a demo that another worker may have started, by the id of its process group. */
export function killDemoGroup(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
}
