/**
 * The module worker that runs a Pagelet app: it loads Pyodide, installs the
 * core archive (and micropip plus the requirements, only when there are some),
 * writes the app's files and hands the app port to the core's bridge.
 * The page talks to it with the messages of `lite/messages.ts`. The boot
 * itself is `worker/boot-app.ts`, which the shared worker runs too. Started
 * under the snapshot worker's name, it builds the warm-start snapshot instead.
 */
import { describe } from "./fetch";
import { isBootMessage, isMemoryRequest, isPersistRequest, type BootMessage, type FromWorker } from "./messages";
import { fetchAsset } from "./worker/fetch-asset";
import { ASSETS } from "./worker/manifest";
import { installCore, installWheel } from "./worker/python";
import type { RequirementsPlan } from "./worker/requirements";
import { isControlRequest } from "./control-messages";
import { forwardOutput } from "./worker/output";
import { watchForCrash } from "./worker/crash";
import { PersistFolder } from "./worker/persist";
import { loadRuntime, type Pyodide } from "./worker/runtime";
import { buildSnapshot, dropSnapshot, readSnapshot, SNAPSHOT_WORKER_NAME } from "./worker/snapshot";
import { registerTransformers } from "./worker/transformers";
import { memoryUsage } from "./worker/memory";
import { acceptConnections, isSharedWorkerScope } from "./worker/shared-scope";
import { bootApp, during, requirementsCode, StageReporter, type BootedApp, type PythonHost, type Runtime } from "./worker/boot-app";

const scope = self as unknown as DedicatedWorkerGlobalScope;

function post(message: FromWorker): void {
  scope.postMessage(message);
}

/** Mark a promise as handled now, for one that is awaited only later or never. */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** The page's boot message, the first message it sends. */
function bootMessage(): Promise<BootMessage> {
  return new Promise<BootMessage>((resolve) => {
    scope.onmessage = (event: MessageEvent<unknown>) => {
      if (!isBootMessage(event.data)) return;
      scope.onmessage = null;
      resolve(event.data);
    };
  });
}

/** A warm start from this build's snapshot when there is one, else a fresh boot. */
async function bootRuntime(): Promise<Runtime> {
  const snapshot = await readSnapshot();
  if (snapshot !== undefined) {
    try {
      return { pyodide: await loadRuntime({ snapshot }), warm: true };
    } catch (error) {
      console.warn(`Pagelet: the saved snapshot did not load (${describe(error)}); booting afresh`);
      await dropSnapshot();
    }
  }
  return { pyodide: await loadRuntime(), warm: false };
}

/** micropip's wheels; one download however often asked (a frozen set may fall back to resolving). */
let micropipDownload: Promise<ArrayBuffer[]> | undefined;
function fetchMicropip(): Promise<ArrayBuffer[]> {
  micropipDownload ??= Promise.all(ASSETS.micropip.map(fetchAsset));
  return micropipDownload;
}

/**
 * A dedicated worker: one Python for its one app. The slow downloads start at
 * once, before the page has even said what to run: none of them depends on the
 * app; the requirements are planned, and micropip fetched if needed, as soon
 * as the boot message is there.
 */
function dedicatedHost(message: Promise<BootMessage>): PythonHost {
  const plan = quiet(
    during(
      "requirements",
      message.then(async (boot) =>
        boot.requirements.length > 0 ? (await requirementsCode()).planRequirements(boot.requirements, boot.indexUrls) : undefined,
      ),
    ),
  );
  // micropip is fetched only when something is left to resolve, as soon as that is known.
  void quiet(plan.then(async (planned) => (planned && (await requirementsCode()).needsMicropip(planned) ? fetchMicropip() : [])));
  return {
    runtime: quiet(bootRuntime()),
    coreArchive: quiet(fetchAsset(ASSETS.core)),
    prepare(pyodide: Pyodide, core: ArrayBuffer, boot: BootMessage): void {
      forwardOutput(pyodide, post);
      // Also after a warm start: the snapshot holds Python's memory, not the files.
      installCore(pyodide, core);
      // Only a name for Python to import: transformers.js is fetched when the app first uses it.
      registerTransformers(pyodide, boot.pageUrl ?? scope.location.href, post);
    },
    appDir: () => undefined,
    requirementsPlan: () => plan,
    async loadMicropip(pyodide: Pyodide): Promise<void> {
      for (const wheel of await fetchMicropip()) installWheel(pyodide, wheel);
    },
    openPersist: (pyodide, key) => PersistFolder.open(pyodide, key),
  };
}

if (isSharedWorkerScope(self)) {
  // `<gradio-lite shared-worker>`: one interpreter for all such apps of the page.
  const shared = self as unknown as SharedWorkerGlobalScope;
  acceptConnections(shared, () => import("./worker/shared").then(({ serveSharedWorker }) => serveSharedWorker(shared)));
} else if (scope.name === SNAPSHOT_WORKER_NAME) {
  // The page starts a second, short-lived worker of this script, by name, to
  // build the snapshot for the next visit (see `lite/snapshot-schedule.ts`).
  buildSnapshot().then(
    () => scope.postMessage({ kind: "snapshot-saved" }),
    (error: unknown) => scope.postMessage({ kind: "snapshot-failed", message: describe(error) }),
  );
} else {
  // The worker's first message marks when its script began to run.
  const stages = new StageReporter(post);
  stages.enter("runtime");
  const message = bootMessage();
  const host = dedicatedHost(message);
  let booted: BootedApp | undefined;
  const booting = quiet(message.then((boot) => bootApp(host, boot, post, stages)));
  booting.then((app) => (booted = app), () => undefined);
  let pyodide: Pyodide | undefined;
  host.runtime.then((runtime) => (pyodide = runtime.pyodide), () => undefined);
  scope.addEventListener("message", (event: MessageEvent<unknown>) => {
    if (isMemoryRequest(event.data)) event.data.port.postMessage(memoryUsage(pyodide));
    // The JS API's changes are rare: their code is a chunk of its own. Requests keep their order, as the chunk's promise resolves for each in turn.
    else if (isControlRequest(event.data)) {
      const request = event.data;
      void import("./worker/control").then(({ answerControl }) => answerControl(booting, request));
    }
    // The page asks when it is hidden; the worker saves after each event by itself.
    else if (isPersistRequest(event.data)) void booted?.persist?.save();
  });
  watchForCrash(scope, () => pyodide, (crash) => post({ kind: "crashed", message: crash }));
}
