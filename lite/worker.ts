/**
 * The module worker that runs a Pagelet app: it loads Pyodide, installs the
 * core wheel (and micropip plus the requirements, only when there are some),
 * writes the app's files and hands the app port to the core's bridge.
 * The page talks to it with the messages of `lite/messages.ts`.
 */
import { withDeadline } from "./deadline";
import { describe } from "./fetch";
import { isBootMessage, STAGE_LABELS, type BootMessage, type BootStage, type FromWorker } from "./messages";
import { assetUrl, fetchAsset } from "./worker/fetch-asset";
import { ASSETS } from "./worker/manifest";
import { BootError, fromPython, installWheel, startBridge, writeAppFiles } from "./worker/python";
import { installRequirements } from "./worker/requirements";
import { loadRuntime, type Pyodide } from "./worker/runtime";

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

// The slow downloads start at once, before the page has even said what to run:
// none of them depends on the app.
enter("runtime");
const runtime = quiet(during("runtime", loadRuntime()));
const coreWheel = quiet(during("core", fetchAsset(ASSETS.core)));
const bootMessage = new Promise<BootMessage>((resolve) => {
  scope.onmessage = (event: MessageEvent<unknown>) => {
    if (!isBootMessage(event.data)) return;
    scope.onmessage = null;
    resolve(event.data);
  };
});
// micropip is fetched only for an app with requirements, as soon as that is known.
const micropipWheels = quiet(
  bootMessage.then((message) =>
    message.requirements.length > 0 ? during("requirements", Promise.all(ASSETS.micropip.map(fetchAsset))) : [],
  ),
);

let pyodide: Pyodide | undefined;

async function boot(): Promise<void> {
  // Together, so that a broken wheel is reported without waiting for the runtime.
  const [loaded, core] = await Promise.all([runtime, coreWheel]);
  pyodide = loaded;
  enter("core");
  installWheel(pyodide, core);
  const message = await bootMessage;
  try {
    writeAppFiles(pyodide, message.files);
  } catch (error) {
    // Files are written early, so that a requirement may point into them; a bad name is the app's fault.
    throw new StageError("app", error);
  }
  if (message.requirements.length > 0) {
    enter("requirements");
    for (const wheel of await micropipWheels) installWheel(pyodide, wheel);
    await withDeadline(
      installRequirements(pyodide, message.requirements, message.indexUrls),
      REQUIREMENTS_DEADLINE_MS,
      "Installing requirements",
    );
  }
  enter("app");
  await startBridge(pyodide, message.entrypoint, message.port, message.packageBaseUrl ?? assetUrl("pyodide/"));
  post({ kind: "started", elapsedMs: elapsedMs() });
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

boot().catch(report);
