/**
 * The module worker that runs a Pagelet app: it loads Pyodide, installs the
 * core wheel (and micropip plus the requirements, only when there are some),
 * writes the app's files and hands the app port to the core's bridge.
 * The page talks to it with the messages of `lite/messages.ts`. Started under
 * the snapshot worker's name, it builds the warm-start snapshot instead.
 */
import { withDeadline } from "./deadline";
import { describe } from "./fetch";
import { isBootMessage, isMemoryRequest, isPersistRequest, STAGE_LABELS, type BootMessage, type BootStage, type FromWorker } from "./messages";
import { assetUrl, fetchAsset } from "./worker/fetch-asset";
import { ASSETS } from "./worker/manifest";
import { BootError, fromPython, installWheel, startBridge, writeAppFiles } from "./worker/python";
import type { RequirementsPlan } from "./worker/requirements";
import { isControlRequest } from "./control-messages";
import { answerControl, type RunningApp } from "./worker/control";
import { forwardOutput } from "./worker/output";
import { watchForCrash } from "./worker/crash";
import { PersistFolder } from "./worker/persist";
import { loadRuntime, type Pyodide } from "./worker/runtime";
import { buildSnapshot, dropSnapshot, readSnapshot, SNAPSHOT_WORKER_NAME } from "./worker/snapshot";
import { registerTransformers } from "./worker/transformers";
import { memoryUsage } from "./worker/memory";
import { acceptConnections, isSharedWorkerScope } from "./worker/shared-scope";

const REQUIREMENTS_DEADLINE_MS = 300_000;

const scope = self as unknown as DedicatedWorkerGlobalScope;
const startedAt = performance.now();

function post(message: FromWorker): void {
  scope.postMessage(message);
}

function elapsedMs(): number {
  return Math.round(performance.now() - startedAt);
}

let currentStage: BootStage = "runtime";
function enter(stage: BootStage): void {
  currentStage = stage;
  post({ kind: "stage", stage, elapsedMs: elapsedMs() });
}

/** An error tagged with the stage it belongs to, which may differ from the current one. */
class StageError extends Error {
  constructor(readonly stage: BootStage, readonly reason: unknown) {
    super(describe(reason));
  }
}

function during<T>(stage: BootStage, promise: Promise<T>): Promise<T> {
  return promise.catch((error: unknown) => {
    throw new StageError(stage, error);
  });
}

/** Mark a promise as handled now, for one that is awaited only later or never. */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** What a boot waits for; all of it starts downloading at once. */
interface Downloads {
  runtime: Promise<Runtime>;
  coreWheel: Promise<ArrayBuffer>;
  bootMessage: Promise<BootMessage>;
  micropipWheels: Promise<ArrayBuffer[]>;
  /** Which requirements are pinned, frozen or left to micropip; undefined when there are none. */
  requirementsPlan: Promise<RequirementsPlan | undefined>;
}

// The slow downloads start at once, before the page has even said what to run:
// none of them depends on the app.
function startDownloads(): Downloads {
  enter("runtime");
  const bootMessage = new Promise<BootMessage>((resolve) => {
    scope.onmessage = (event: MessageEvent<unknown>) => {
      if (!isBootMessage(event.data)) return;
      scope.onmessage = null;
      resolve(event.data);
    };
  });
  const requirementsPlan = quiet(
    during(
      "requirements",
      bootMessage.then(async (message) =>
        message.requirements.length > 0 ? (await requirementsCode()).planRequirements(message.requirements, message.indexUrls) : undefined,
      ),
    ),
  );
  return {
    runtime: quiet(during("runtime", bootRuntime())),
    coreWheel: quiet(during("core", fetchAsset(ASSETS.core))),
    bootMessage,
    // micropip is fetched only when something is left to resolve, as soon as that is known.
    micropipWheels: quiet(
      requirementsPlan.then(async (plan) =>
        plan && (await requirementsCode()).needsMicropip(plan) ? during("requirements", fetchMicropip()) : [],
      ),
    ),
    requirementsPlan,
  };
}

let pyodide: Pyodide | undefined;
let persistFolder: PersistFolder | undefined;

interface Runtime {
  pyodide: Pyodide;
  /** True when restored from this build's memory snapshot: the core is imported already. */
  warm: boolean;
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

/** The requirements code: a chunk of its own, fetched only by an app that has requirements. */
function requirementsCode(): Promise<typeof import("./worker/requirements")> {
  return import("./worker/requirements");
}

/** micropip's wheels; one download however often asked (a frozen set may fall back to resolving). */
let micropipDownload: Promise<ArrayBuffer[]> | undefined;
function fetchMicropip(): Promise<ArrayBuffer[]> {
  micropipDownload ??= Promise.all(ASSETS.micropip.map(fetchAsset));
  return micropipDownload;
}

async function boot({ runtime, coreWheel, bootMessage, requirementsPlan }: Downloads): Promise<RunningApp> {
  // Together, so that a broken wheel is reported without waiting for the runtime.
  const [loaded, core] = await Promise.all([runtime, coreWheel]);
  pyodide = loaded.pyodide;
  forwardOutput(pyodide, post);
  enter("core");
  // Also after a warm start: the snapshot holds Python's memory, not the files.
  installWheel(pyodide, core);
  const message = await bootMessage;
  if (message.interruptBuffer !== undefined) pyodide.setInterruptBuffer(message.interruptBuffer);
  // Loads from IndexedDB while the rest installs; after a warm start too, as the snapshot holds no files.
  const persist = PersistFolder.open(pyodide, message.persistKey ?? "");
  // Only a name for Python to import: transformers.js is fetched when the app first uses it.
  registerTransformers(pyodide, message.pageUrl ?? scope.location.href, post);
  try {
    writeAppFiles(pyodide, message.files);
  } catch (error) {
    // Files are written early, so that a requirement may point into them; a bad name is the app's fault.
    throw new StageError("app", error);
  }
  const plan = await requirementsPlan;
  if (plan !== undefined) {
    enter("requirements");
    const python = pyodide;
    const loadMicropip = async (): Promise<void> => {
      for (const wheel of await fetchMicropip()) installWheel(python, wheel);
    };
    await withDeadline(
      (await requirementsCode()).installPlanned(pyodide, plan, message.indexUrls, loadMicropip),
      REQUIREMENTS_DEADLINE_MS,
      "Installing requirements",
    );
  }
  enter("app");
  persistFolder = await persist;
  await startBridge(pyodide, message.entrypoint, message.port, message.packageBaseUrl ?? assetUrl("pyodide/"));
  post({ kind: "started", elapsedMs: elapsedMs(), warm: loaded.warm });
  return { pyodide };
}

function report(error: unknown): void {
  const stage = error instanceof StageError ? error.stage : currentStage;
  const cause = fromPython(pyodide, error instanceof StageError ? error.reason : error);
  const traceback = cause instanceof BootError ? cause.traceback : undefined;
  post({
    kind: "failed",
    message: `${STAGE_LABELS[stage]} failed: ${describe(cause)}`,
    ...(traceback !== undefined ? { traceback } : {}),
  });
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
  const booted = boot(startDownloads());
  booted.catch(report);
  scope.addEventListener("message", (event: MessageEvent<unknown>) => {
    if (isMemoryRequest(event.data)) event.data.port.postMessage(memoryUsage(pyodide));
    else if (isControlRequest(event.data)) answerControl(booted, event.data);
    else if (isPersistRequest(event.data)) void persistFolder?.save();
  });
  watchForCrash(scope, () => pyodide, (message) => post({ kind: "crashed", message }));
}
