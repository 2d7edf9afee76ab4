/**
 * A Stop button for an event that runs longer than a moment. Gradio offers
 * Stop only where the app made a stop button (generators); without one, a
 * function stuck in a loop would hold the app until the page is reloaded.
 * The button sends the run's `cancel`; the runtime decides how hard to stop
 * (lite interrupts or restarts stuck Python).
 */
export class LongRuns {
  readonly #delayMs: number;
  /** Where the button goes: the first pending overlay on the run's outputs, if any is shown. */
  readonly #placeOf: (outputs: readonly number[]) => HTMLElement | null;
  readonly #pending = new Map<string, { timer: ReturnType<typeof setTimeout>; button?: HTMLButtonElement }>();

  constructor(delayMs: number, placeOf: (outputs: readonly number[]) => HTMLElement | null) {
    this.#delayMs = delayMs;
    this.#placeOf = placeOf;
  }

  /** Run `eventId` began; if it is still going after the delay, offer `stop`. */
  started(eventId: string, outputs: readonly number[], stop: () => void): void {
    const entry: { timer: ReturnType<typeof setTimeout>; button?: HTMLButtonElement } = {
      timer: setTimeout(() => {
        const place = this.#placeOf(outputs);
        if (place === null) return;
        const button = document.createElement("button");
        button.type = "button";
        button.className = "pagelet-button pagelet-button-sm pagelet-button-stop pagelet-run-stop";
        button.textContent = "Stop";
        button.addEventListener("click", () => {
          button.disabled = true;
          button.textContent = "Stopping…";
          stop();
        });
        place.append(button);
        entry.button = button;
      }, this.#delayMs),
    };
    this.#pending.set(eventId, entry);
  }

  ended(eventId: string): void {
    const entry = this.#pending.get(eventId);
    if (entry === undefined) return;
    clearTimeout(entry.timer);
    entry.button?.remove();
    this.#pending.delete(eventId);
  }
}
