/**
 * The boot of one app, the same in a dedicated and in the shared worker: the
 * stages the page shows (runtime, core, requirements, app), then the app's own
 * bridge started on its port. What differs by worker kind (one Python per app
 * or one for all, a memory snapshot, the persist folder, where the files go)
 * is the `PythonHost` the worker passes in.
 */
import { withDeadline } from "../deadline";
import { describe } from "../fetch";
import { STAGE_LABELS, type BootMessage, type BootStage, type FromWorker } from "../messages";
import { assetUrl } from "./fetch-asset";
import type { PersistFolder } from "./persist";
import { BootError, fromPython, startBridge, writeAppFiles, type AppBridge } from "./python";
import type { RequirementsPlan } from "./requirements";
import type { Pyodide } from "./runtime";

const REQUIREMENTS_DEADLINE_MS = 300_000;

export interface Runtime {
  pyodide: Pyodide;
  /** True when restored from this build's memory snapshot: the core is imported already. */
  warm: boolean;
}

/** What a worker kind provides for the boot of one of its apps. */
export interface PythonHost {
  /** Python, loading or loaded: one per app in a dedicated worker, one for all in the shared one. */
  runtime: Promise<Runtime>;
  /** The core archive's bytes (`.tar.gz`). */
  coreArchive: Promise<ArrayBuffer>;
  /** Install the core and what the worker gives Python (output, transformers.js); in the core stage. */
  prepare(pyodide: Pyodide, core: ArrayBuffer, message: BootMessage): void;
  /** The folder this app's files go in (also its working directory). */
  appDir(): string | undefined;
  /** Which requirements are pinned, frozen or left to micropip; undefined when there are none. */
  requirementsPlan(message: BootMessage): Promise<RequirementsPlan | undefined>;
  /** Unpack micropip into Python, once however often asked. */
  loadMicropip(pyodide: Pyodide): Promise<void>;
  /** The app's persist folder (a dedicated worker's); undefined where there is none. Never rejects. */
  openPersist(pyodide: Pyodide, key: string): Promise<PersistFolder | undefined>;
}

/** A booted app: what the page's later requests (control, persist) act on. */
export interface BootedApp {
  pyodide: Pyodide;
  bridge: AppBridge;
  persist: PersistFolder | undefined;
}

/** Posts the stage messages of one boot; entering the stage it is in already says nothing. */
export class StageReporter {
  #stage: BootStage | undefined;
  readonly #startedAt: number;

  constructor(private readonly post: (message: FromWorker) => void, startedAt = performance.now()) {
    this.#startedAt = startedAt;
  }

  get stage(): BootStage {
    return this.#stage ?? "runtime";
  }

  elapsedMs(): number {
    return Math.round(performance.now() - this.#startedAt);
  }

  enter(stage: BootStage): void {
    if (this.#stage === stage) return;
    this.#stage = stage;
    this.post({ kind: "stage", stage, elapsedMs: this.elapsedMs() });
  }
}

/** An error tagged with the stage it belongs to, which may differ from the current one. */
export class StageError extends Error {
  constructor(readonly stage: BootStage, readonly reason: unknown) {
    super(describe(reason));
  }
}

export function during<T>(stage: BootStage, promise: Promise<T>): Promise<T> {
  return promise.catch((error: unknown) => {
    throw new StageError(stage, error);
  });
}

/** The requirements code: a chunk of its own, fetched only by an app that has requirements. */
export function requirementsCode(): Promise<typeof import("./requirements")> {
  return import("./requirements");
}

/**
 * Boot the app of `message` and start its bridge; the page hears of each
 * stage, then `started`, or `failed` (the promise then rejects too).
 */
export async function bootApp(host: PythonHost, message: BootMessage, post: (message: FromWorker) => void, stages: StageReporter): Promise<BootedApp> {
  let pyodide: Pyodide | undefined;
  try {
    stages.enter("runtime");
    // Together, so that a broken wheel is reported without waiting for the runtime.
    const [loaded, core] = await Promise.all([during("runtime", host.runtime), during("core", host.coreArchive)]);
    pyodide = loaded.pyodide;
    stages.enter("core");
    host.prepare(pyodide, core, message);
    if (message.interruptBuffer !== undefined) pyodide.setInterruptBuffer(message.interruptBuffer);
    // Loads from IndexedDB while the rest installs; after a warm start too, as the snapshot holds no files.
    const persist = host.openPersist(pyodide, message.persistKey ?? "");
    try {
      writeAppFiles(pyodide, message.files, host.appDir());
    } catch (error) {
      // Files are written early, so that a requirement may point into them; a bad name is the app's fault.
      throw new StageError("app", error);
    }
    const plan = await host.requirementsPlan(message);
    if (plan !== undefined) {
      stages.enter("requirements");
      const python = pyodide;
      await withDeadline(
        (await requirementsCode()).installPlanned(python, plan, message.indexUrls, () => host.loadMicropip(python)),
        REQUIREMENTS_DEADLINE_MS,
        "Installing requirements",
      );
    }
    stages.enter("app");
    const folder = await persist;
    // Files an event wrote in the persist folder are kept once it ends: the worker saves, the page need not ask.
    const eventEnded = folder === undefined ? undefined : (): void => void folder.save();
    const bridge = await startBridge(pyodide, message.entrypoint, message.port, message.packageBaseUrl ?? assetUrl("pyodide/"), eventEnded);
    post({ kind: "started", elapsedMs: stages.elapsedMs(), warm: loaded.warm });
    return { pyodide, bridge, persist: folder };
  } catch (error) {
    const stage = error instanceof StageError ? error.stage : stages.stage;
    const cause = fromPython(pyodide, error instanceof StageError ? error.reason : error);
    const traceback = cause instanceof BootError ? cause.traceback : undefined;
    post({ kind: "failed", message: `${STAGE_LABELS[stage]} failed: ${describe(cause)}`, ...(traceback !== undefined ? { traceback } : {}) });
    throw error;
  }
}
