/**
 * The page's side of an app's worker, from launch to destroy: it starts the
 * worker (dedicated, or a port of the page's shared one) and mounts the host on
 * its app port, restarts it after a crash or to stop stuck code, and answers
 * the JS API's memory and control requests. What the person sees is the
 * `AppView`'s; this module tells it what happened.
 */
import type { Transport } from "../js/transport/transport";
import type { ControlBody } from "./control-messages";
import { describe } from "./fetch";
import { loadHost, type AppHandle } from "./host";
import type { Stopper, StopperOptions } from "./interrupt";
import { makeInterruptBuffer } from "./interrupt-buffer";
import { isFromWorker, type BootMessage, type FromWorker, type MemoryRequest, type MemoryUsage, type PersistRequest } from "./messages";
import type { Notice } from "./notices";
import { scheduleSnapshot } from "./snapshot-schedule";
import { AppSources } from "./app-sources";
import { canShareWorker, joinSharedWorker, type AppWorker } from "./shared-worker-client";
import { TappedTransport } from "./tapped-transport";
import type { AppView } from "./app-view";

/** The worker script, next to this module. A variable, so the bundler leaves the URL alone. */
const WORKER_FILE = "worker.js";
/** An event still running after this long gets a Stop button (Gradio has one only for generators). */
const STOP_OFFER_MS = 1_000;

/** The boot message without what each launch makes anew (its port, its interrupt buffer). */
export type BootOptions = Omit<BootMessage, "kind" | "port">;

/** Show one of `notices.ts`'s toasts in the app (loading that chunk first). */
function notify(tapped: TappedTransport | undefined, pick: (notices: typeof import("./notices")) => Notice): void {
  void import("./notices").then((notices) => tapped?.notify(pick(notices)));
}

export class WorkerLifecycle {
  readonly #view: AppView;
  readonly #boot: BootOptions;
  readonly #wantsSharedWorker: boolean;
  readonly #workerUrl = new URL(WORKER_FILE, import.meta.url).href;
  /** The app as the JS API has changed it since; a restart runs that. */
  readonly #sources = new AppSources();
  #worker: AppWorker | undefined;
  #handle: AppHandle | undefined;
  #channel = new MessageChannel();
  /** The current worker's stopper, once a run of it was stopped (its code loads then). */
  #stopper: Promise<Stopper> | undefined;
  #tapped: TappedTransport | undefined;
  /** Whether the app runs in the page's shared worker (also shown as the container's `data-worker`). */
  #inSharedWorker = false;
  /** The worker's Python failed: it can take no more requests until a restart. */
  #broken = false;
  #destroyed = false;
  // Last chance to keep what the app wrote; the worker may not live long enough to finish.
  readonly #saveOnHide = (): void => this.#worker?.postMessage({ kind: "persist" } satisfies PersistRequest, []);

  constructor(view: AppView, boot: BootOptions, sharedWorker: boolean) {
    this.#view = view;
    this.#boot = boot;
    this.#wantsSharedWorker = sharedWorker;
    addEventListener("pagehide", this.#saveOnHide);
  }

  /** Start a worker on the app and mount the host on its port; again on a restart. */
  launch(stopped = false): void {
    let current: AppWorker;
    try {
      this.#inSharedWorker = this.#wantsSharedWorker && canShareWorker(this.#workerUrl);
      current = this.#inSharedWorker ? joinSharedWorker(this.#workerUrl) : startWorker(this.#workerUrl);
    } catch (error) {
      this.#failed(`Could not create the Python worker from ${this.#workerUrl}: ${describe(error)}`);
      return;
    }
    this.#worker = current;
    this.#broken = false;
    this.#view.worker(this.#inSharedWorker ? "shared" : "dedicated");
    current.onmessage = (event: MessageEvent<unknown>) => {
      if (isFromWorker(event.data)) this.#onMessage(event.data);
    };
    // A module worker that fails to load (404, syntax error) reports only a bare event.
    current.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      this.#failed(event.message || `Could not start the Python worker from ${this.#workerUrl} (it failed to load; is the build in place?)`);
    };
    // One interrupt buffer per Python: the shared worker's serves every app of the page, so it gets none.
    const interruptBuffer = this.#inSharedWorker ? undefined : makeInterruptBuffer();
    const port = this.#channel.port2;
    const bootMessage: BootMessage = { kind: "boot", ...this.#sources.boot(this.#boot), port, ...(interruptBuffer ? { interruptBuffer } : {}) };
    current.postMessage(bootMessage, [port]);
    const options: StopperOptions = {
      interruptBuffer,
      responsive: (timeoutMs) => this.#answersWithin(timeoutMs),
      restart: () => (this.#inSharedWorker ? notify(this.#tapped, (notices) => notices.SHARED_STUCK_NOTICE) : this.restart(true)),
    };
    this.#stopper = undefined;
    const stopper = (): Promise<Stopper> => (this.#stopper ??= import("./interrupt").then(({ Stopper }) => new Stopper(options)));
    this.#mountHost(current, stopper, stopped);
  }

  /** Stop watching the current worker's runs: it is gone. */
  #disposeStopper(): void {
    void this.#stopper?.then((stopper) => stopper.dispose());
  }

  /**
   * Replace the worker: after a crash (the person's Restart) or to stop stuck
   * code (`stopped`: the page then says the state was reset). The app runs
   * again from its files; the persist folder is read back from IndexedDB.
   */
  restart(stopped: boolean): void {
    if (this.#destroyed) return;
    this.#disposeStopper();
    this.#handle?.destroy();
    this.#handle = undefined;
    this.#worker?.terminate();
    this.#channel.port1.close();
    this.#channel = new MessageChannel();
    this.#view.restarting();
    this.launch(stopped);
  }

  /** How much memory the app's Python holds (zero before the runtime has loaded). */
  memoryUsage(): Promise<MemoryUsage> {
    const worker = this.#worker;
    if (worker === undefined || this.#destroyed) return Promise.reject(new Error("The app has no running worker"));
    const reply = new MessageChannel();
    return new Promise((resolve) => {
      reply.port1.onmessage = (event: MessageEvent<MemoryUsage>) => {
        reply.port1.close();
        resolve(event.data);
      };
      worker.postMessage({ kind: "memory", port: reply.port2 } satisfies MemoryRequest, [reply.port2]);
    });
  }

  /** Change the running app in its worker (see `lite/controller.ts`); recorded, so that a restart runs the app as changed. */
  control(body: ControlBody): Promise<void> {
    const running = this.#worker;
    if (running === undefined || this.#destroyed || this.#broken) return Promise.reject(new Error("The app has no running worker"));
    // The shared worker serves boots only: replacing one app's code or packages there would touch its neighbours'.
    if (this.#inSharedWorker) {
      return Promise.reject(new Error(`${body.kind} needs the app's own worker: leave out shared-worker for an app the page changes`));
    }
    return import("./control-request")
      .then(({ sendControl }) => sendControl(running, body))
      .then(
        () => this.#sources.record(body),
        (error: unknown) => {
          if (body.kind === "run") this.#sources.record(body);
          throw error;
        },
      );
  }

  destroy(): void {
    this.#destroyed = true;
    removeEventListener("pagehide", this.#saveOnHide);
    this.#disposeStopper();
    this.#handle?.destroy();
    this.#worker?.terminate();
    this.#channel.port1.close();
  }

  #onMessage(message: FromWorker): void {
    switch (message.kind) {
      case "crashed":
        this.#failed(message.message);
        break;
      case "output":
        this.#view.output({ stream: message.stream, text: message.text });
        break;
      case "model-progress":
        this.#view.modelProgress(message);
        break;
      case "stage":
        this.#view.stage(message.stage);
        break;
      case "started":
        this.#view.started(message.warm);
        break;
      case "failed":
        // Only a boot fails this way; once the app is up, a late message of a boot is stale.
        if (this.#view.state === "booting") this.#failed(message.message, message.traceback);
        break;
    }
  }

  /** The runtime failed: show it, and let the worker go (Pyodide's memory with it). */
  #failed(message: string, traceback?: string): void {
    if (!this.#view.runtimeFailed(message, traceback, () => this.restart(false))) return;
    this.#broken = true;
    this.#disposeStopper();
    this.#worker?.terminate();
  }

  /** `stopped`: the worker replaces one that was stuck; the app says so once it is back. */
  #mountHost(current: AppWorker, stopper: () => Promise<Stopper>, stopped: boolean): void {
    const transport = (inner: Transport): TappedTransport =>
      (this.#tapped = new TappedTransport(inner, {
        sent: (message) => {
          if (message.type === "cancel") void stopper().then((loaded) => loaded.cancelled(message.event_id));
        },
        // The worker saves the persist folder after an event by itself; the page only watches for stuck runs.
        received: (message) => {
          if (message.type !== "status" || (message.stage !== "done" && message.stage !== "error")) return;
          // Before any Stop there is no stopper, and nothing to watch.
          void this.#stopper?.then((loaded) => loaded.ended(message.event_id));
        },
      }));
    loadHost().then(
      (mount) => {
        if (this.#destroyed || this.#worker !== current) return;
        const rendered = (): void => {
          if (this.#worker !== current || !this.#view.shown()) return;
          if (stopped) notify(this.#tapped, (notices) => notices.RESTARTED_NOTICE);
          // A shared worker boots without snapshots; only dedicated ones would use it.
          if (this.#view.bootedFresh && !this.#inSharedWorker) scheduleSnapshot((name) => startWorker(this.#workerUrl, name));
        };
        const options = { onFatal: (text: string, trace?: string) => this.#view.appFailed(text, trace), onRender: rendered, stopAfterMs: STOP_OFFER_MS };
        this.#handle = mount(this.#view.appRoot, this.#channel.port1, options, transport);
      },
      (error: unknown) => this.#failed(`Could not load the Pagelet host: ${describe(error)}`),
    );
  }

  /** Whether the worker answers a message within `timeoutMs`; a worker running Python cannot. */
  #answersWithin(timeoutMs: number): Promise<boolean> {
    return Promise.race([
      this.memoryUsage().then(() => true, () => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs)),
    ]);
  }
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
