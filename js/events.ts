import { cancelMessage, eventMessage, type ClientMessage, type Dependency, type TriggerMode, type ProgressMessage, type StatusMessage } from "./protocol";
import { LongRuns } from "./long-runs";
import type { StatusIndicator } from "./status";

function eventIdPrefix(): string {
  // Not crypto.randomUUID: it is missing on plain-http pages.
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export interface EventsOptions {
  readonly dependencies: readonly Dependency[];
  readonly send: (message: ClientMessage) => void;
  /** The value sent for input `id` (the store's value; null for State). */
  readonly inputValue: (id: number) => unknown;
  readonly status: StatusIndicator;
  /** A run could not even be sent. */
  readonly onSendError: (error: unknown) => void;
  /** Offer a Stop button on a run still going after this long; absent, none is offered. */
  readonly stopAfterMs?: number;
}

/**
 * Fires dependencies: turns a component event into `event` messages, tracks
 * each run until its `done` or `error`, and starts the `.then()` chains.
 */
export class Events {
  readonly #options: EventsOptions;
  readonly #byTarget = new Map<string, Dependency[]>();
  readonly #byParent = new Map<number, Dependency[]>();
  readonly #runs = new Map<string, Dependency>();
  /** The component whose event started each run (its chain's first trigger), for `gr.EventData.target`. */
  readonly #triggers = new Map<string, number>();
  /** The trigger of a queued `always_last` run, kept with it. */
  readonly #queuedTriggers = new Map<number, number | undefined>();
  readonly #running = new Map<number, number>();
  readonly #queued = new Set<number>();
  /**
   * Runs of plain (non-generator) functions whose answer is already on the page, waiting only
   * for their `done`: a person who clicks now has seen the answer, so the click is kept, not
   * dropped as "once" would drop a click on a run still going.
   */
  readonly #answered = new Set<string>();
  readonly #prefix = eventIdPrefix();
  #counter = 0;
  readonly #longRuns: LongRuns | undefined;
  /** Dependencies that some other listener cancels: the app has its own Stop for them. */
  readonly #cancellable = new Set<number>();
  /** While one update is applied: the dependencies it has fired already (see `together`). */
  #firedTogether: Set<number> | null = null;

  constructor(options: EventsOptions) {
    this.#options = options;
    if (options.stopAfterMs !== undefined) {
      this.#longRuns = new LongRuns(options.stopAfterMs, (outputs) => options.status.overlayOf(outputs));
    }
    this.add(options.dependencies);
  }

  /** Listen for more dependencies (a `@gr.render` rebuild adds its own). */
  add(dependencies: readonly Dependency[]): void {
    for (const dep of dependencies) {
      for (const target of dep.targets) {
        if (!Array.isArray(target)) continue;
        const [id, event] = target;
        push(this.#byTarget, `${String(id)}:${String(event)}`, dep);
      }
      for (const cancelled of dep.cancels) this.#cancellable.add(cancelled);
      if (typeof dep.trigger_after === "number") push(this.#byParent, dep.trigger_after, dep);
    }
  }

  /** Stop listening for dependencies `ids` (replaced by a rebuild); runs in flight finish normally. */
  retire(ids: readonly number[]): void {
    const gone = new Set(ids);
    for (const map of [this.#byTarget, this.#byParent] as Map<unknown, Dependency[]>[]) {
      for (const [key, deps] of map) {
        const kept = deps.filter((dep) => !gone.has(dep.id));
        if (kept.length > 0) map.set(key, kept);
        else map.delete(key);
      }
    }
  }

  /** Component `id` emitted `event`: run every dependency listening to it. */
  trigger(id: number, event: string, eventData?: Record<string, unknown>): void {
    for (const dep of this.#byTarget.get(`${id}:${event}`) ?? []) {
      if (this.#firedTogether !== null) {
        if (this.#firedTogether.has(dep.id)) continue;
        this.#firedTogether.add(dep.id);
      }
      this.#fire(dep, dep.trigger_mode, eventData, id);
    }
  }

  /**
   * Run `apply` (one update of several components) so that a dependency listening to several
   * of them runs once, with all the new values: Gradio starts one run per change at the same
   * moment, all reading the same inputs, so its page shows what one run gives.
   */
  together(apply: () => void): void {
    if (this.#firedTogether !== null) {
      apply();
      return;
    }
    this.#firedTogether = new Set();
    try {
      apply();
    } finally {
      this.#firedTogether = null;
    }
  }

  /** The dependency run `eventId` is running (until its end). */
  dependencyOf(eventId: string): Dependency | undefined {
    return this.#runs.get(eventId);
  }

  /** Apply a `status` message; unknown event ids (already ended, or not ours) are ignored. */
  status(message: StatusMessage): void {
    const dep = this.#runs.get(message.event_id);
    if (dep === undefined) return;
    if (message.stage === "done" || message.stage === "error") {
      this.#finish(message.event_id, message.stage === "error");
    } else if (message.message !== undefined) {
      this.#options.status.describe(progressBlocks(dep), message.message);
    }
  }

  /** Run `eventId` sent new values for `ids`: let them show while it goes on. */
  streamed(eventId: string, ids: readonly number[]): void {
    const dep = this.#runs.get(eventId);
    if (dep === undefined) return;
    this.#options.status.streaming(ids);
    if (dep.types?.generator !== true) this.#answered.add(eventId);
  }

  /** Show a running event's `progress` on its outputs. */
  progress(message: ProgressMessage): void {
    const dep = this.#runs.get(message.event_id);
    if (dep !== undefined) this.#options.status.progress(progressBlocks(dep), message.progress);
  }

  /** An `error` message names a run: it ended, unsuccessfully. */
  fail(eventId: string): void {
    if (this.#runs.has(eventId)) this.#finish(eventId, true);
  }

  #fire(dep: Dependency, mode: TriggerMode, eventData?: Record<string, unknown>, triggerId?: number): void {
    if (dep.cancels.length > 0) this.#cancel(new Set(dep.cancels));
    if ((this.#running.get(dep.id) ?? 0) > 0) {
      if (mode === "once" && !this.#allAnswered(dep.id)) return;
      if (mode === "once" || mode === "always_last") {
        this.#queued.add(dep.id);
        this.#queuedTriggers.set(dep.id, triggerId);
        return;
      }
    }
    this.#start(dep, eventData, triggerId);
  }

  /** Whether every run of dependency `depId` in flight has shown its answer (see `#answered`). */
  #allAnswered(depId: number): boolean {
    for (const [eventId, running] of this.#runs) {
      if (running.id === depId && !this.#answered.has(eventId)) return false;
    }
    return true;
  }

  /** Ask the core to stop every run of these dependencies; each ends with its own `done`. */
  #cancel(depIds: ReadonlySet<number>): void {
    for (const [eventId, running] of this.#runs) {
      if (depIds.has(running.id)) this.#stop(eventId, running);
    }
  }

  #stop(eventId: string, running: Dependency): void {
    // A run cancelled while a newer trigger waited must not restart afterwards.
    this.#queued.delete(running.id);
    try {
      this.#options.send(cancelMessage(eventId));
    } catch (error) {
      this.#options.onSendError(error);
    }
  }

  #start(dep: Dependency, eventData?: Record<string, unknown>, triggerId?: number): void {
    this.#counter += 1;
    const eventId = `${this.#prefix}-${this.#counter}`;
    const data = dep.inputs.map((id) => this.#options.inputValue(id));
    this.#runs.set(eventId, dep);
    if (triggerId !== undefined) this.#triggers.set(eventId, triggerId);
    this.#running.set(dep.id, (this.#running.get(dep.id) ?? 0) + 1);
    this.#options.status.begin(progressBlocks(dep), typeof dep.show_progress === "string" ? dep.show_progress : "full", dep.outputs);
    if (!this.#cancellable.has(dep.id)) this.#longRuns?.started(eventId, progressBlocks(dep), () => this.#stop(eventId, dep));
    try {
      this.#options.send(eventMessage(eventId, dep.id, data, eventData, triggerId));
    } catch (error) {
      this.#options.onSendError(error);
      this.#finish(eventId, true);
    }
  }

  #finish(eventId: string, failed: boolean): void {
    const dep = this.#runs.get(eventId);
    if (dep === undefined) return;
    this.#runs.delete(eventId);
    this.#answered.delete(eventId);
    const triggerId = this.#triggers.get(eventId);
    this.#triggers.delete(eventId);
    this.#longRuns?.ended(eventId);
    const left = (this.#running.get(dep.id) ?? 1) - 1;
    if (left > 0) this.#running.set(dep.id, left);
    else this.#running.delete(dep.id);
    this.#options.status.end(progressBlocks(dep), failed, dep.outputs);

    for (const next of this.#byParent.get(dep.id) ?? []) {
      // `.then()` runs either way, `.success()` only after a success, `.failure()` only after a failure.
      const wanted = failed ? next.trigger_only_on_success !== true : next.trigger_only_on_failure !== true;
      if (wanted) this.#fire(next, next.trigger_mode, undefined, triggerId);
    }
    if (left === 0 && this.#queued.delete(dep.id)) {
      const queuedTrigger = this.#queuedTriggers.get(dep.id);
      this.#queuedTriggers.delete(dep.id);
      this.#start(dep, undefined, queuedTrigger);
    }
  }
}

/** The blocks that show a run's progress: Gradio's `show_progress_on`, else the outputs. */
function progressBlocks(dep: Dependency): readonly number[] {
  return dep.show_progress_on ?? dep.outputs;
}

function push<K>(map: Map<K, Dependency[]>, key: K, dep: Dependency): void {
  const list = map.get(key);
  if (list) list.push(dep);
  else map.set(key, [dep]);
}
