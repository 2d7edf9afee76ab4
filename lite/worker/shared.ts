/**
 * `worker.js` started as a SharedWorker (`<gradio-lite shared-worker>`): one
 * Pyodide for every such app of the page. Each app connects with its own
 * port and sends the usual boot message; the apps are started one after
 * another, each with its files in a folder of its own, its own copy of the
 * core's bridge (so its own session) and its entrypoint run as a fresh
 * `__main__` module, so that no app sees another's globals. What they do
 * share is the interpreter: installed packages, imported modules
 * (`sys.modules`) and the working directory, which is the folder of the app
 * that started last.
 */
import { describe } from "../fetch";
import { isBootMessage, isMemoryRequest, STAGE_LABELS, type BootMessage, type BootStage, type FromWorker } from "../messages";
import { assetUrl, fetchAsset } from "./fetch-asset";
import { ASSETS } from "./manifest";
import { fromPython, installWheel, startBridge, writeAppFiles, BootError } from "./python";
import { installPlanned, planRequirements } from "./requirements";
import { loadRuntime, type Pyodide } from "./runtime";
import { registerTransformers } from "./transformers";
import { memoryUsage } from "./memory";

const APPS_DIR = "/home/pyodide/apps";

/** A fresh module object of the bridge: its globals (the session) belong to one app. */
const NEW_BRIDGE = `
import importlib.util
spec = importlib.util.find_spec("pagelet.worker_bridge")
bridge = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bridge)
bridge
`;

/** Start serving; the result takes each app's connection (see `acceptConnections`). */
export function serveSharedWorker(scope: SharedWorkerGlobalScope): (port: MessagePort) => void {
  const ports = new Set<MessagePort>();
  let runtime: Promise<Pyodide> | undefined;
  let loadedRuntime: Pyodide | undefined;
  let micropip: Promise<void> | undefined;
  let started = 0;
  // One app at a time: starting one sets the working directory, sys.path and `__main__`.
  let queue: Promise<void> = Promise.resolve();

  /** Python, with the core installed, loaded once for all apps. */
  function python(pageUrl: string): Promise<Pyodide> {
    runtime ??= Promise.all([loadRuntime(), fetchAsset(ASSETS.core)]).then(([pyodide, core]) => {
      installWheel(pyodide, core);
      loadedRuntime = pyodide;
      // Model progress goes to every app: any of them may have asked for the model.
      registerTransformers(pyodide, pageUrl, (message) => ports.forEach((port) => port.postMessage(message)));
      return pyodide;
    });
    return runtime;
  }

  async function startApp(port: MessagePort, message: BootMessage): Promise<void> {
    const startedAt = performance.now();
    const post = (reply: FromWorker): void => port.postMessage(reply);
    let stage: BootStage = "runtime";
    const enter = (next: BootStage): void => {
      stage = next;
      post({ kind: "stage", stage, elapsedMs: Math.round(performance.now() - startedAt) });
    };
    let pyodide: Pyodide | undefined;
    try {
      enter("runtime");
      const loaded = await python(message.pageUrl ?? scope.location.href);
      pyodide = loaded;
      enter("core");
      started += 1;
      writeAppFiles(loaded, message.files, `${APPS_DIR}/${started}`);
      if (message.requirements.length > 0) {
        enter("requirements");
        const plan = await planRequirements(message.requirements, message.indexUrls);
        await installPlanned(loaded, plan, message.indexUrls, () => {
          micropip ??= Promise.all(ASSETS.micropip.map(fetchAsset)).then((wheels) => wheels.forEach((wheel) => installWheel(loaded, wheel)));
          return micropip;
        });
      }
      enter("app");
      const bridge = loaded.runPython(NEW_BRIDGE) as Parameters<typeof startBridge>[4];
      await startBridge(loaded, message.entrypoint, message.port, message.packageBaseUrl ?? assetUrl("pyodide/"), bridge);
      post({ kind: "started", elapsedMs: Math.round(performance.now() - startedAt), warm: false });
    } catch (error) {
      const cause = fromPython(pyodide, error);
      const traceback = cause instanceof BootError ? cause.traceback : undefined;
      post({ kind: "failed", message: `${STAGE_LABELS[stage]} failed: ${describe(cause)}`, ...(traceback !== undefined ? { traceback } : {}) });
    }
  }

  return (port: MessagePort) => {
    ports.add(port);
    port.onmessage = (message: MessageEvent<unknown>) => {
      const data = message.data;
      if (isBootMessage(data)) queue = queue.then(() => startApp(port, data));
      // Memory is the one interpreter's, shared by all its apps.
      else if (isMemoryRequest(data)) data.port.postMessage(memoryUsage(loadedRuntime));
    };
  };
}
