/**
 * `worker.js` started as a SharedWorker (`<gradio-lite shared-worker>`): one
 * Pyodide for every such app of the page. Each app connects with its own
 * port and sends the usual boot message; the apps boot one after another by
 * the same path as in a dedicated worker (`boot-app.ts`), each with its files
 * in a folder of its own, its own bridge (so its own session) and its
 * entrypoint run as a fresh `__main__` module, so that no app sees another's
 * globals. What they do share is the interpreter: installed packages,
 * imported modules (`sys.modules`) and the working directory, which is the
 * folder of the app that started last.
 */
import { isBootMessage, isMemoryRequest, type BootMessage, type FromWorker } from "../messages";
import { fetchAsset } from "./fetch-asset";
import { ASSETS } from "./manifest";
import { installCore, installWheel } from "./python";
import { loadRuntime, type Pyodide } from "./runtime";
import { registerTransformers } from "./transformers";
import { memoryUsage } from "./memory";
import { bootApp, requirementsCode, StageReporter, type PythonHost, type Runtime } from "./boot-app";

const APPS_DIR = "/home/pyodide/apps";

/** Start serving; the result takes each app's connection (see `acceptConnections`). */
export function serveSharedWorker(scope: SharedWorkerGlobalScope): (port: MessagePort) => void {
  const ports = new Set<MessagePort>();
  let runtime: Promise<Runtime> | undefined;
  let coreArchive: Promise<ArrayBuffer> | undefined;
  let loadedRuntime: Pyodide | undefined;
  let prepared = false;
  let micropip: Promise<void> | undefined;
  let started = 0;
  // One app at a time: starting one sets the working directory, sys.path and `__main__`.
  let queue: Promise<void> = Promise.resolve();

  /** What every app of this worker shares: one Python, the core installed in it once. */
  function host(): PythonHost {
    runtime ??= loadRuntime().then((pyodide) => {
      loadedRuntime = pyodide;
      return { pyodide, warm: false };
    });
    coreArchive ??= fetchAsset(ASSETS.core);
    // Retried by the next app when it failed for this one.
    runtime.catch(() => (runtime = undefined));
    coreArchive.catch(() => (coreArchive = undefined));
    started += 1;
    const appDir = `${APPS_DIR}/${started}`;
    return {
      runtime,
      coreArchive,
      prepare(pyodide: Pyodide, core: ArrayBuffer, message: BootMessage): void {
        if (prepared) return;
        installCore(pyodide, core);
        // Model progress goes to every app: any of them may have asked for the model.
        registerTransformers(pyodide, message.pageUrl ?? scope.location.href, (progress) => ports.forEach((port) => port.postMessage(progress)));
        prepared = true;
      },
      appDir: () => appDir,
      requirementsPlan: async (message) =>
        message.requirements.length > 0 ? (await requirementsCode()).planRequirements(message.requirements, message.indexUrls) : undefined,
      loadMicropip(pyodide: Pyodide): Promise<void> {
        micropip ??= Promise.all(ASSETS.micropip.map(fetchAsset)).then((wheels) => wheels.forEach((wheel) => installWheel(pyodide, wheel)));
        return micropip;
      },
      // One IndexedDB store per app would need one interpreter per app: the shared worker keeps none.
      openPersist: () => Promise.resolve(undefined),
    };
  }

  function startApp(port: MessagePort, message: BootMessage): Promise<void> {
    const post = (reply: FromWorker): void => port.postMessage(reply);
    // The boot posts its own failure; the next app boots all the same.
    return bootApp(host(), message, post, new StageReporter(post)).then(
      () => undefined,
      () => undefined,
    );
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
