import type { ControlReply, ControlRequest } from "../control-messages";
import { withDeadline } from "../deadline";
import { describe } from "../fetch";
import { fetchAsset } from "./fetch-asset";
import { ASSETS } from "./manifest";
import { appPath, APP_DIR, BootError, fromPython, installWheel, type AppBridge } from "./python";
import type { Pyodide } from "./runtime";

const INSTALL_DEADLINE_MS = 300_000;

/** What the control requests act on: the booted runtime, with the app's bridge started. */
export interface RunningApp {
  pyodide: Pyodide;
  bridge: AppBridge;
}

// One request at a time, in the order sent: a `write` then a `run` must see the written file.
let queue: Promise<void> = Promise.resolve();

/** Answer `request` on its port once the boot is done and the requests before it are answered. */
export function answerControl(app: Promise<RunningApp>, request: ControlRequest): void {
  queue = queue.then(async () => {
    let reply: ControlReply;
    try {
      const running = await app.catch((error: unknown) => {
        throw new Error(`The app's Python runtime did not start: ${describe(error)}`);
      });
      reply = await perform(running, request);
    } catch (error) {
      reply = failure(error);
    }
    request.port.postMessage(reply);
    request.port.close();
  });
}

async function perform({ pyodide, bridge }: RunningApp, request: ControlRequest): Promise<ControlReply> {
  try {
    switch (request.kind) {
      case "run":
        return await run(bridge, request.code, request.path);
      case "write":
        write(pyodide, request.path, request.data);
        break;
      case "rename": {
        const target = appPath(request.newPath);
        makeParent(pyodide, target);
        pyodide.FS.rename(appPath(request.oldPath), target);
        break;
      }
      case "unlink":
        pyodide.FS.unlink(appPath(request.path));
        break;
      case "install":
        await install(pyodide, request.requirements, request.indexUrls);
        break;
    }
  } catch (error) {
    return failure(fromPython(pyodide, error), request);
  }
  return { ok: true };
}

/**
 * Replace the running app with `code`, or the file at `path`, in this same
 * Python. The bridge sends the new config, or the fatal error, on the app port
 * before this resolves; the reply repeats the error for the caller.
 */
async function run(bridge: AppBridge, code: string | undefined, path: string | undefined): Promise<ControlReply> {
  if (path !== undefined) appPath(path);
  // Only the given one: a JS null would reach Python as JsNull, not None.
  const kwargs = code !== undefined ? { code } : { entrypoint: path };
  const error = (await bridge.run.callKwargs(kwargs)) as string | undefined;
  if (typeof error !== "string") return { ok: true };
  const sent = JSON.parse(error) as { message: string; traceback?: string };
  return { ok: false, message: sent.message, ...(sent.traceback ? { traceback: sent.traceback } : {}) };
}

function write(pyodide: Pyodide, name: string, data: string | Uint8Array): void {
  const path = appPath(name);
  makeParent(pyodide, path);
  pyodide.FS.writeFile(path, data);
}

function makeParent(pyodide: Pyodide, path: string): void {
  pyodide.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")) || APP_DIR);
}

async function install(pyodide: Pyodide, requirements: string[], indexUrls: string[]): Promise<void> {
  if (requirements.length === 0) return;
  const hasMicropip = pyodide.runPython("import importlib.util; importlib.util.find_spec('micropip') is not None") as boolean;
  if (!hasMicropip) for (const wheel of await Promise.all(ASSETS.micropip.map(fetchAsset))) installWheel(pyodide, wheel);
  // The requirements code is a chunk of its own (see worker.ts), fetched only when needed.
  const { installRequirements } = await import("./requirements");
  await withDeadline(installRequirements(pyodide, requirements, indexUrls), INSTALL_DEADLINE_MS, "Installing requirements");
  pyodide.runPython("import importlib; importlib.invalidate_caches()");
}

/** A failure as the page receives it; file-system errors name the request's paths. */
function failure(error: unknown, request?: ControlRequest): ControlReply {
  const traceback = error instanceof BootError ? error.traceback : undefined;
  let message = describe(error);
  if (request?.kind === "write" || request?.kind === "unlink") message = `Could not ${request.kind} ${request.path}: ${message}`;
  if (request?.kind === "rename") message = `Could not rename ${request.oldPath} to ${request.newPath}: ${message}`;
  return { ok: false, message, ...(traceback !== undefined ? { traceback } : {}) };
}
