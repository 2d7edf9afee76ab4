/**
 * Stopping a run whose Python does not give way.
 *
 * A Stop (the app's own, or the one the host offers on a long run) sends the
 * run's `cancel`, which the core handles at the function's next `await` or
 * yield. Code that never yields (`while True: pass`) blocks the worker, so
 * the cancel never lands. When the run has not ended after a short grace and
 * the worker does not answer a ping, Python is stuck: on a cross-origin
 * isolated page SIGINT is written into Pyodide's interrupt buffer (a
 * `KeyboardInterrupt` inside the function; the app's state is kept), and
 * where that is impossible, or Python does not react to it either, the
 * worker is replaced (`restart`).
 *
 * A chunk of its own, loaded on a run's first Stop; the interrupt buffer
 * handed to the worker at boot is `interrupt-buffer.ts`'s.
 */

/** Pyodide raises `KeyboardInterrupt` when this is written into the interrupt buffer. */
const SIGINT = 2;
/** How long a cancelled run may take to end on its own (a generator stops at its next yield). */
const GRACE_MS = 250;
/** How long a worker that is not stuck takes to answer a ping. */
const PING_TIMEOUT_MS = 250;

export interface StopperOptions {
  /** This worker's interrupt buffer; undefined where the page is not isolated. */
  interruptBuffer: Uint8Array | undefined;
  /** Resolves with whether the worker answered within `timeoutMs`: false means it is busy running Python. */
  responsive(timeoutMs: number): Promise<boolean>;
  /** Replace the stuck worker: a new one runs the app again (its state is lost). */
  restart(): void;
}

/** Watches the runs a person asked to stop, for one worker, and stops harder when they do not end. */
export class Stopper {
  readonly #options: StopperOptions;
  readonly #stopping = new Set<string>();
  #disposed = false;

  constructor(options: StopperOptions) {
    this.#options = options;
  }

  /** The page sent `cancel` for run `eventId`. */
  cancelled(eventId: string): void {
    if (this.#stopping.has(eventId) || this.#disposed) return;
    this.#stopping.add(eventId);
    void this.#watch(eventId);
  }

  /** Run `eventId` ended (its `done` or `error` status). */
  ended(eventId: string): void {
    this.#stopping.delete(eventId);
    const buffer = this.#options.interruptBuffer;
    // A SIGINT written just as the code finished by itself must not hit whatever Python runs next.
    if (buffer !== undefined && this.#stopping.size === 0) Atomics.store(buffer, 0, 0);
  }

  /** The worker is gone; stop watching. */
  dispose(): void {
    this.#disposed = true;
    this.#stopping.clear();
  }

  async #watch(eventId: string): Promise<void> {
    let interrupted = false;
    const live = (): boolean => this.#stopping.has(eventId) && !this.#disposed;
    while (live()) {
      await sleep(GRACE_MS);
      if (!live()) return;
      // An answering worker is not running Python: the cancel lands at the function's next await.
      if (await this.#options.responsive(PING_TIMEOUT_MS)) continue;
      if (!live()) return;
      const buffer = this.#options.interruptBuffer;
      if (buffer !== undefined && !interrupted) {
        Atomics.store(buffer, 0, SIGINT);
        interrupted = true;
        continue;
      }
      // Not isolated, or stuck where Python does not check for signals (inside C or JS code).
      this.dispose();
      this.#options.restart();
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
