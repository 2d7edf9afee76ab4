/**
 * What a person sees of a Pagelet app in its element: the boot progress, the
 * app's own root (where the host renders), the failure and crash panels, and
 * the state machine behind `data-state` and `STATE_EVENT`. It knows nothing
 * of workers: `lite/worker-lifecycle.ts` tells it what happened.
 */
import { ERROR_EVENT, OUTPUT_EVENT, type ErrorDetail, type OutputDetail } from "./control";
import type { BootStage, ModelProgressMessage } from "./messages";
import { ModelProgress } from "./model-progress";
import { BootProgress, failurePanel } from "./progress";
import { crashPanel } from "./restart";

export type PageletState = "booting" | "ready" | "failed" | "destroyed";

/**
 * Fired, bubbling, from the app's container on each change of state; the
 * state is also its `data-state` attribute (and `<gradio-lite>`'s).
 */
export const STATE_EVENT = "pagelet-state";
export interface PageletStateDetail {
  state: PageletState;
}

export class AppView {
  /** The app's container: the events of the JS API are fired from it. */
  readonly element: HTMLElement = document.createElement("div");
  /** Where the host renders the app; hidden until a config is on screen. */
  readonly appRoot: HTMLElement = document.createElement("div");
  /** Resolves when the app is first on screen; rejects, with the message shown, if it cannot start. */
  readonly ready: Promise<void>;
  #state: PageletState = "booting";
  #progress: BootProgress | undefined;
  readonly #modelProgress = new ModelProgress();
  /** The panel of the app's own Python error, while shown (a later run may take it away). */
  #appFailure: HTMLElement | undefined;
  #resolveReady!: () => void;
  #rejectReady!: (error: Error) => void;

  constructor(target: HTMLElement) {
    this.element.className = "pagelet";
    target.append(this.element);
    this.ready = new Promise<void>((resolve, reject) => {
      this.#resolveReady = resolve;
      this.#rejectReady = reject;
    });
    // The failure is on screen already; an unawaited `ready` should not also raise a console error.
    this.ready.catch(() => undefined);
    this.#setState("booting");
  }

  get state(): PageletState {
    return this.#state;
  }

  /** The options were refused before any worker started. */
  refused(message: string, error: Error): void {
    this.element.append(failurePanel("The app could not start", message));
    this.#setState("failed");
    this.#rejectReady(error);
  }

  /** Show the boot's progress through `stages`; the worker's own first message marks when its script began. */
  boot(stages: readonly BootStage[]): void {
    this.#progress = new BootProgress(stages);
    this.appRoot.className = "pagelet-host";
    this.appRoot.hidden = true;
    this.element.append(this.#progress.element, this.#modelProgress.element, this.appRoot);
    this.#progress.show("runtime");
    performance.mark("pagelet:created");
  }

  stage(stage: BootStage): void {
    if (this.#state !== "booting") return;
    this.#progress?.show(stage);
    performance.mark(`pagelet:${stage}`);
  }

  started(warm: boolean): void {
    if (this.#state !== "booting") return;
    performance.mark("pagelet:started");
    // Which boot this was, for people tuning start-up (and the tests).
    this.element.dataset.boot = warm ? "snapshot" : "fresh";
  }

  get bootedFresh(): boolean {
    return this.element.dataset.boot === "fresh";
  }

  /** Which kind of worker runs the app (the container's `data-worker`). */
  worker(kind: "shared" | "dedicated"): void {
    this.element.dataset.worker = kind;
  }

  modelProgress(message: ModelProgressMessage): void {
    // Models load at boot or on first use, so this shows in any live state.
    if (this.#state === "booting" || this.#state === "ready") this.#modelProgress.show(message);
  }

  output(detail: OutputDetail): void {
    this.element.dispatchEvent(new CustomEvent<OutputDetail>(OUTPUT_EVENT, { detail }));
  }

  /**
   * The runtime failed: nothing in its worker can run now. An app that ran
   * before gets the crash panel, whose button calls `restart`. Returns false
   * when the failure changes nothing (the app failed or was destroyed already).
   */
  runtimeFailed(message: string, traceback: string | undefined, restart: () => void): boolean {
    if (this.#state === "destroyed" || this.#state === "failed") return false;
    this.#progress?.element.remove();
    // A failure of the runtime replaces a Python error's panel; no run can recover from it.
    this.#appFailure?.remove();
    this.#appFailure = undefined;
    const panel = this.#state === "ready" ? crashPanel(message, traceback, restart) : failurePanel("The app could not start", message, traceback);
    this.element.insertBefore(panel, this.appRoot);
    this.appRoot.hidden = true;
    this.#emitError({ message, ...(traceback !== undefined ? { traceback } : {}), python: false });
    if (this.#state === "booting") this.#rejectReady(new Error(message));
    this.#setState("failed");
    return true;
  }

  /** The app's Python raised (or launched nothing); `shown` takes the panel away after a fixed run. */
  appFailed(message: string, traceback?: string): void {
    if (this.#state === "destroyed") return;
    this.#progress?.element.remove();
    this.#appFailure?.remove();
    this.#appFailure = failurePanel("The app could not start", message, traceback);
    this.element.insertBefore(this.#appFailure, this.appRoot);
    this.appRoot.hidden = true;
    if (this.#state === "booting") this.#rejectReady(new Error(message));
    this.#setState("failed");
    this.#emitError({ message, ...(traceback !== undefined ? { traceback } : {}), python: true });
  }

  /** The host has rendered a config: the first one, or a later run's. Returns true for the first since a (re)start. */
  shown(): boolean {
    if (this.#state === "destroyed") return false;
    this.#appFailure?.remove();
    this.#appFailure = undefined;
    this.#progress?.element.remove();
    this.appRoot.hidden = false;
    const first = this.#state === "booting";
    this.#setState("ready");
    if (first) {
      performance.mark("pagelet:ready");
      this.#resolveReady();
    }
    return first;
  }

  /** A new worker is booting the app again: the progress is back in place of the app. */
  restarting(): void {
    this.appRoot.hidden = true;
    if (this.#progress) {
      this.element.insertBefore(this.#progress.element, this.appRoot);
      this.#progress.show("runtime");
    }
    performance.mark("pagelet:restart");
    this.#setState("booting");
  }

  destroy(): void {
    if (this.#state === "booting") this.#rejectReady(new Error("The app was destroyed before it started"));
    this.#setState("destroyed");
    this.element.remove();
  }

  #emitError(detail: ErrorDetail): void {
    this.element.dispatchEvent(new CustomEvent<ErrorDetail>(ERROR_EVENT, { detail }));
  }

  #setState(next: PageletState): void {
    this.#state = next;
    this.element.dataset.state = next;
    this.element.dispatchEvent(new CustomEvent<PageletStateDetail>(STATE_EVENT, { bubbles: true, detail: { state: next } }));
  }
}
