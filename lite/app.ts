/**
 * The JS API: run a Pagelet app in an element of the page.
 *
 * ```js
 * import { createPageletApp } from "./dist/lite.js";
 * const app = createPageletApp(document.querySelector("#demo"), {
 *   files: { "app.py": "import gradio as gr\n..." },
 *   requirements: ["numpy"],
 * });
 * await app.ready;
 * ```
 */
import { ERROR_EVENT, OUTPUT_EVENT, type ErrorDetail, type OutputDetail } from "./control";
import type { ControlBody } from "./control-messages";
import { defaultEntrypoint } from "./entrypoint";
import type { Transport } from "../js/transport/transport";
import { describe } from "./fetch";
import { loadHost, type AppHandle } from "./host";
import { makeInterruptBuffer, Stopper } from "./interrupt";
import { BOOT_STAGES, isFromWorker, type AppFile, type BootMessage, type BootStage, type FromWorker, type MemoryRequest, type MemoryUsage, type PersistRequest } from "./messages";
import { ModelProgress } from "./model-progress";
import { persistKeyFor } from "./persist-key";
import { BootProgress, failurePanel } from "./progress";
import { isProvidedByPagelet } from "./provided";
import { crashPanel, RESTARTED_NOTICE, SHARED_STUCK_NOTICE } from "./restart";
import { scheduleSnapshot } from "./snapshot-schedule";
import { AppSources } from "./app-sources";
import { canShareWorker, joinSharedWorker, type AppWorker } from "./shared-worker-client";
import { TappedTransport } from "./tapped-transport";
import { resolveIndexUrl, resolveRequirement } from "./urls";

export interface PageletAppOptions {
  /** The app's files by path relative to the app directory: `{"app.py": "...", "data/x.csv": bytes}`. */
  files: Record<string, string | Uint8Array>;
  /** The file run as `__main__`. Default: the only file, else `app.py`. */
  entrypoint?: string;
  /** Requirements installed with micropip before the app runs. Relative wheel paths resolve against the page. */
  requirements?: string[];
  /** Package indexes for the requirements (micropip's `index_urls`); relative ones resolve against the page. Default: PyPI. */
  indexUrls?: string[];
  /**
   * Where numpy, pillow and pandas load from when a component needs them
   * (Pyodide's wheel file names are appended). Relative URLs resolve against
   * the page. Default: the `pyodide/` directory next to `lite.js`; e.g.
   * `https://cdn.jsdelivr.net/pyodide/v<version>/full/` to use the CDN.
   */
  packageBaseUrl?: string;
  /**
   * Run in the one SharedWorker that all such apps of the page share (one
   * Python for all, each app its own session and globals); a dedicated
   * worker where SharedWorker is missing. See `lite/shared-worker-client.ts`.
   */
  sharedWorker?: boolean;
  /**
   * Names the store behind the app's persist folder, `/home/pyodide/persist`.
   * Default: the page's path and the target's id (else the app's place on the page).
   */
  persistKey?: string;
}

export interface PageletApp {
  /** Resolves when the app is on screen; rejects, with the message shown on screen, if it cannot start. */
  ready: Promise<void>;
  /** Stop the app's worker and remove everything it put in the target. */
  destroy(): void;
  /** How much memory the app's Python holds (zero before the runtime has loaded). */
  memoryUsage(): Promise<MemoryUsage>;
  /**
   * Change the running app in its worker (run new code, write files; see
   * `lite/controller.ts`). Rejects with an `AppRequestError` when it fails.
   */
  control(body: ControlBody): Promise<void>;
  /** The app's container: `STATE_EVENT`, `OUTPUT_EVENT` and `ERROR_EVENT` are fired from it. */
  readonly element: HTMLElement;
}

export type PageletState = "booting" | "ready" | "failed" | "destroyed";

/**
 * Fired, bubbling, from the app's container on each change of state; the
 * state is also its `data-state` attribute (and `<gradio-lite>`'s).
 */
export const STATE_EVENT = "pagelet-state";
export interface PageletStateDetail {
  state: PageletState;
}

/** The worker script, next to this module. A variable, so the bundler leaves the URL alone. */
const WORKER_FILE = "worker.js";
/** An event still running after this long gets a Stop button (Gradio has one only for generators). */
const STOP_OFFER_MS = 1_000;

/** Run a Pagelet app inside `target`. Progress and failures are shown there too. */
export function createPageletApp(target: HTMLElement, options: PageletAppOptions): PageletApp {
  const container = document.createElement("div");
  container.className = "pagelet";
  target.append(container);

  let state: PageletState = "booting";
  let worker: AppWorker | undefined;
  let handle: AppHandle | undefined;
  let channel = new MessageChannel();
  let stopper: Stopper | undefined;
  let resolveReady!: () => void;
  let rejectReady!: (error: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // The failure is on screen already; an unawaited `ready` should not also raise a console error.
  ready.catch(() => undefined);

  const setState = (next: PageletState): void => {
    state = next;
    container.dataset.state = next;
    container.dispatchEvent(new CustomEvent<PageletStateDetail>(STATE_EVENT, { bubbles: true, detail: { state: next } }));
  };
  setState("booting");

  let boot: Omit<BootMessage, "kind" | "port">;
  try {
    boot = { ...normalize(options, document.baseURI), persistKey: persistKeyFor(target, options.persistKey) };
  } catch (error) {
    container.append(failurePanel("The app could not start", describe(error)));
    setState("failed");
    rejectReady(error instanceof Error ? error : new Error(describe(error)));
    const notStarted = (): Promise<never> => Promise.reject(new Error("The app did not start"));
    return { ready, destroy: () => container.remove(), memoryUsage: notStarted, control: notStarted, element: container };
  }

  const stages = BOOT_STAGES.filter((stage) => stage !== "requirements" || boot.requirements.length > 0);
  const progress = new BootProgress(stages);
  const appRoot = document.createElement("div");
  appRoot.className = "pagelet-host";
  appRoot.hidden = true;
  const modelProgress = new ModelProgress();
  container.append(progress.element, modelProgress.element, appRoot);
  // The worker's own "runtime" message marks when its script began to run.
  progress.show("runtime");
  performance.mark("pagelet:created");

  function showStage(stage: BootStage): void {
    progress.show(stage);
    performance.mark(`pagelet:${stage}`);
  }

  let failure: HTMLElement | undefined;
  const emitError = (detail: ErrorDetail): boolean => container.dispatchEvent(new CustomEvent<ErrorDetail>(ERROR_EVENT, { detail }));

  function fail(message: string, traceback?: string): void {
    if (state === "destroyed" || state === "failed") return;
    progress.element.remove();
    // A failure of the runtime replaces a Python error's panel; no run can recover from it.
    failure?.remove();
    failure = undefined;
    if (state === "ready") {
      // It ran before, so it can run again: a new worker, the same files (the persist folder kept).
      container.insertBefore(crashPanel(message, traceback, () => restart(false)), appRoot);
      appRoot.hidden = true;
      stopper?.dispose();
      worker?.terminate();
    } else {
      container.insertBefore(failurePanel("The app could not start", message, traceback), appRoot);
    }
    emitError({ message, ...(traceback !== undefined ? { traceback } : {}), python: false });
    if (state === "booting") {
      // Nothing more can come of this boot; free the memory Pyodide holds.
      worker?.terminate();
      rejectReady(new Error(message));
    }
    setState("failed");
  }

  /**
   * The app's Python raised (or launched nothing). Its worker lives on: the JS
   * API's `run_code` may run fixed code, and `shown` then takes the panel away.
   */
  function appFailed(message: string, traceback?: string): void {
    if (state === "destroyed") return;
    progress.element.remove();
    failure?.remove();
    failure = failurePanel("The app could not start", message, traceback);
    container.insertBefore(failure, appRoot);
    appRoot.hidden = true;
    if (state === "booting") rejectReady(new Error(message));
    setState("failed");
    emitError({ message, ...(traceback !== undefined ? { traceback } : {}), python: true });
  }

  /** The host has rendered an app's config: the first one, or a later run's. */
  function shown(): void {
    if (state === "destroyed") return;
    failure?.remove();
    failure = undefined;
    progress.element.remove();
    appRoot.hidden = false;
    const first = state === "booting";
    setState("ready");
    if (!first) return;
    performance.mark("pagelet:ready");
    resolveReady();
    // A shared worker boots without snapshots; only dedicated ones would use it.
    if (container.dataset.boot === "fresh" && !inSharedWorker) scheduleSnapshot((name) => startWorker(workerUrl, name));
  }

  function onWorkerMessage(message: FromWorker): void {
    if (message.kind === "crashed") {
      fail(message.message);
      return;
    }
    if (message.kind === "output") {
      container.dispatchEvent(new CustomEvent<OutputDetail>(OUTPUT_EVENT, { detail: { stream: message.stream, text: message.text } }));
      return;
    }
    if (message.kind === "model-progress") {
      // Models load at boot or on first use, so this shows in any live state.
      if (state === "booting" || state === "ready") modelProgress.show(message);
      return;
    }
    if (state !== "booting") return;
    switch (message.kind) {
      case "stage":
        showStage(message.stage);
        break;
      case "started":
        performance.mark("pagelet:started");
        // Which boot this was, for people tuning start-up (and the tests).
        container.dataset.boot = message.warm ? "snapshot" : "fresh";
        break;
      case "failed":
        fail(message.message, message.traceback);
        break;
    }
  }

  const workerUrl = new URL(WORKER_FILE, import.meta.url).href;
  /** Whether the app runs in the page's shared worker (also shown as the container's `data-worker`). */
  let inSharedWorker = false;
  /** The app as the JS API has changed it since; a restart runs that. */
  const sources = new AppSources();
  /** Start a worker on the app and mount the host on its port; again on a restart. */
  function launch(notice?: typeof RESTARTED_NOTICE): void {
    let current: AppWorker;
    try {
      inSharedWorker = options.sharedWorker === true && canShareWorker(workerUrl);
      current = inSharedWorker ? joinSharedWorker(workerUrl) : startWorker(workerUrl);
    } catch (error) {
      fail(`Could not create the Python worker from ${workerUrl}: ${describe(error)}`);
      return;
    }
    worker = current;
    container.dataset.worker = inSharedWorker ? "shared" : "dedicated";
    current.onmessage = (event: MessageEvent<unknown>) => {
      if (isFromWorker(event.data)) onWorkerMessage(event.data);
    };
    // A module worker that fails to load (404, syntax error) reports only a bare event.
    current.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      fail(event.message || `Could not start the Python worker from ${workerUrl} (it failed to load; is the build in place?)`);
    };
    // One interrupt buffer per Python: the shared worker's serves every app of the page, so it gets none.
    const interruptBuffer = inSharedWorker ? undefined : makeInterruptBuffer();
    const bootMessage: BootMessage = { kind: "boot", ...sources.boot(boot), port: channel.port2, ...(interruptBuffer ? { interruptBuffer } : {}) };
    current.postMessage(bootMessage, [channel.port2]);
    const runStopper = new Stopper({
      interruptBuffer,
      responsive: answersWithin,
      restart: () => (inSharedWorker ? tapped?.notify(SHARED_STUCK_NOTICE) : restart(true)),
    });
    stopper = runStopper;
    const transport = (inner: Transport): TappedTransport =>
      new TappedTransport(inner, {
        sent: (message) => {
          if (message.type === "cancel") runStopper.cancelled(message.event_id);
        },
        received: (message) => {
          if (message.type !== "status" || (message.stage !== "done" && message.stage !== "error")) return;
          runStopper.ended(message.event_id);
          // Files the event wrote in the persist folder are kept from now on.
          current.postMessage({ kind: "persist" } satisfies PersistRequest, []);
        },
      });
    let tapped: TappedTransport | undefined;

    loadHost().then(
      (mount) => {
        if (state === "destroyed" || worker !== current) return;
        const rendered = (): void => {
          if (worker !== current) return;
          const first = state === "booting";
          shown();
          if (first && notice !== undefined) tapped?.notify(notice);
        };
        handle = mount(appRoot, channel.port1, { onFatal: appFailed, onRender: rendered, stopAfterMs: STOP_OFFER_MS }, (inner) => (tapped = transport(inner)));
      },
      (error: unknown) => fail(`Could not load the Pagelet host: ${describe(error)}`),
    );
  }
  launch();

  /**
   * Replace the worker: after a crash (the person's Restart) or to stop stuck
   * code (`stopped`: the page then says the state was reset). The app runs
   * again from its files; the persist folder is read back from IndexedDB.
   */
  function restart(stopped: boolean): void {
    if (state === "destroyed") return;
    stopper?.dispose();
    handle?.destroy();
    handle = undefined;
    worker?.terminate();
    channel.port1.close();
    channel = new MessageChannel();
    appRoot.hidden = true;
    container.insertBefore(progress.element, appRoot);
    progress.show("runtime");
    performance.mark("pagelet:restart");
    setState("booting");
    launch(stopped ? RESTARTED_NOTICE : undefined);
  }

  /** Whether the worker answers a message within `timeoutMs`; a worker running Python cannot. */
  function answersWithin(timeoutMs: number): Promise<boolean> {
    return Promise.race([
      memoryUsage().then(() => true, () => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs)),
    ]);
  }

  // Last chance to keep what the app wrote; the worker may not live long enough to finish.
  const saveOnHide = (): void => worker?.postMessage({ kind: "persist" } satisfies PersistRequest, []);
  addEventListener("pagehide", saveOnHide);

  function destroy(): void {
    if (state === "booting") rejectReady(new Error("The app was destroyed before it started"));
    setState("destroyed");
    removeEventListener("pagehide", saveOnHide);
    stopper?.dispose();
    handle?.destroy();
    worker?.terminate();
    channel.port1.close();
    container.remove();
  }

  function memoryUsage(): Promise<MemoryUsage> {
    const reply = new MessageChannel();
    return new Promise((resolve, reject) => {
      if (worker === undefined || state === "destroyed") {
        reject(new Error("The app has no running worker"));
        return;
      }
      reply.port1.onmessage = (event: MessageEvent<MemoryUsage>) => {
        reply.port1.close();
        resolve(event.data);
      };
      worker.postMessage({ kind: "memory", port: reply.port2 } satisfies MemoryRequest, [reply.port2]);
    });
  }

  function control(body: ControlBody): Promise<void> {
    if (worker === undefined || state === "destroyed" || (state === "failed" && failure === undefined)) {
      return Promise.reject(new Error("The app has no running worker"));
    }
    // The shared worker serves boots only: replacing one app's code or packages there would touch its neighbours'.
    if (inSharedWorker) {
      return Promise.reject(new Error(`${body.kind} needs the app's own worker: leave out shared-worker for an app the page changes`));
    }
    const running = worker;
    return import("./control-request")
      .then(({ sendControl }) => sendControl(running, body))
      .then(
        () => sources.record(body),
        (error: unknown) => {
          if (body.kind === "run") sources.record(body);
          throw error;
        },
      );
  }

  return { ready, destroy, memoryUsage, control, element: container };
}

/**
 * Start the module worker. A worker script must come from the page's origin;
 * when lite.js is served from elsewhere (a CDN), a same-origin stub imports
 * it, and worker.js still finds its assets by its own URL.
 */
function startWorker(url: string, name = "pagelet"): Worker {
  const options: WorkerOptions = { type: "module", name };
  if (new URL(url).origin === location.origin) return new Worker(url, options);
  const stub = new Blob([`import ${JSON.stringify(url)};`], { type: "text/javascript" });
  return new Worker(URL.createObjectURL(stub), options);
}

/** Check the options and put them in the form the worker takes. */
function normalize(options: PageletAppOptions, baseUrl: string): Omit<BootMessage, "kind" | "port"> {
  const files: AppFile[] = Object.entries(options.files ?? {}).map(([name, content]) => ({ name, content }));
  if (files.length === 0) throw new Error("The app has no files: give at least the app's code.");
  const names = files.map((file) => file.name);
  const entrypoint = options.entrypoint ?? defaultEntrypoint(names);
  if (entrypoint === undefined) {
    throw new Error(`Which file is the app? Mark one as the entrypoint (files: ${names.join(", ")}).`);
  }
  if (!names.includes(entrypoint)) throw new Error(`The entrypoint ${entrypoint} is not one of the app's files (${names.join(", ")}).`);
  return {
    files,
    entrypoint,
    requirements: (options.requirements ?? [])
      .filter((requirement) => !isProvidedByPagelet(requirement))
      .map((requirement) => resolveRequirement(requirement, baseUrl)),
    indexUrls: (options.indexUrls ?? []).map((url) => resolveIndexUrl(url, baseUrl)),
    pageUrl: baseUrl,
    ...(options.packageBaseUrl ? { packageBaseUrl: new URL(options.packageBaseUrl.replace(/\/*$/, "/"), baseUrl).href } : {}),
  };
}
