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
  readonly #running = new Map<number, number>();
  readonly #queued = new Set<number>();
  readonly #prefix = eventIdPrefix();
  #counter = 0;
  readonly #longRuns: LongRuns | undefined;
  /** Dependencies that some other listener cancels: the app has its own Stop for them. */
  readonly #cancellable = new Set<number>();

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
    for (const dep of this.#byTarget.get(`${id}:${event}`) ?? []) this.#fire(dep, dep.trigger_mode, eventData);
  }

  /** Apply a `status` message; unknown event ids (already ended, or not ours) are ignored. */
  status(message: StatusMessage): void {
    const dep = this.#runs.get(message.event_id);
    if (dep === undefined) return;
    if (message.stage === "done" || message.stage === "error") {
      this.#finish(message.event_id, message.stage === "error");
    } else if (message.message !== undefined) {
      this.#options.status.describe(dep.outputs, message.message);
    }
  }

  /** Run `eventId` sent new values for `ids`: let them show while it goes on. */
  streamed(eventId: string, ids: readonly number[]): void {
    if (this.#runs.has(eventId)) this.#options.status.streaming(ids);
  }

  /** Show a running event's `progress` on its outputs. */
  progress(message: ProgressMessage): void {
    const dep = this.#runs.get(message.event_id);
    if (dep !== undefined) this.#options.status.progress(dep.outputs, message.progress);
  }

  /** An `error` message names a run: it ended, unsuccessfully. */
  fail(eventId: string): void {
    if (this.#runs.has(eventId)) this.#finish(eventId, true);
  }

  #fire(dep: Dependency, mode: TriggerMode, eventData?: Record<string, unknown>): void {
    if (dep.cancels.length > 0) this.#cancel(new Set(dep.cancels));
    if ((this.#running.get(dep.id) ?? 0) > 0) {
      if (mode === "once") return;
      if (mode === "always_last") {
        this.#queued.add(dep.id);
        return;
      }
    }
    this.#start(dep, eventData);
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

  #start(dep: Dependency, eventData?: Record<string, unknown>): void {
    this.#counter += 1;
    const eventId = `${this.#prefix}-${this.#counter}`;
    const data = dep.inputs.map((id) => this.#options.inputValue(id));
    this.#runs.set(eventId, dep);
    this.#running.set(dep.id, (this.#running.get(dep.id) ?? 0) + 1);
    this.#options.status.begin(dep.outputs, typeof dep.show_progress === "string" ? dep.show_progress : "full");
    if (!this.#cancellable.has(dep.id)) this.#longRuns?.started(eventId, dep.outputs, () => this.#stop(eventId, dep));
    try {
      this.#options.send(eventMessage(eventId, dep.id, data, eventData));
    } catch (error) {
      this.#options.onSendError(error);
      this.#finish(eventId, true);
    }
  }

  #finish(eventId: string, failed: boolean): void {
    const dep = this.#runs.get(eventId);
    if (dep === undefined) return;
    this.#runs.delete(eventId);
    this.#longRuns?.ended(eventId);
    const left = (this.#running.get(dep.id) ?? 1) - 1;
    if (left > 0) this.#running.set(dep.id, left);
    else this.#running.delete(dep.id);
    this.#options.status.end(dep.outputs, failed);

    for (const next of this.#byParent.get(dep.id) ?? []) {
      if (!failed || next.trigger_only_on_success === false) this.#fire(next, next.trigger_mode);
    }
    if (left === 0 && this.#queued.delete(dep.id)) this.#start(dep);
  }
}

function push<K>(map: Map<K, Dependency[]>, key: K, dep: Dependency): void {
  const list = map.get(key);
  if (list) list.push(dep);
  else map.set(key, [dep]);
}
