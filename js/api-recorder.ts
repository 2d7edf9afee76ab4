/**
 * Gradio's API recorder: once started from the API page, every call the
 * person's clicks make is kept, with the values sent, so the API page can
 * show code that replays those to named endpoints with a client. While it
 * records, a button at the foot of the app counts the calls; clicking it
 * stops recording and opens the API page with them.
 *
 * Small and on the boot path on purpose (it is the footer's); the code
 * that turns calls into snippets is in the lazy `api-view.ts`.
 */

/** One call the page made, as a client would make it: State inputs left out. */
export interface RecordedCall {
  /** The endpoint's name without its slash (`api_name`); null for a listener that is no endpoint (it only updates the page). */
  apiName: string | null;
  values: unknown[];
}

export class ApiRecorder {
  #calls: RecordedCall[] = [];
  #indicator: HTMLButtonElement | null = null;
  readonly #host: HTMLElement;
  readonly #open: (calls: RecordedCall[]) => void;

  /** The indicator goes into `host`; clicking it hands the calls to `open`. */
  constructor(host: HTMLElement, open: (calls: RecordedCall[]) => void) {
    this.#host = host;
    this.#open = open;
  }

  get recording(): boolean {
    return this.#indicator !== null;
  }

  /** Start a new recording: calls kept before are dropped. */
  start(): void {
    this.#calls = [];
    if (this.#indicator === null) {
      const indicator = document.createElement("button");
      indicator.type = "button";
      // Gradio's id, which its end-to-end tests (and people's scripts) click.
      indicator.id = "api-recorder";
      indicator.className = "pagelet-api-recorder";
      indicator.addEventListener("click", () => this.#open(this.stop()));
      this.#indicator = indicator;
      this.#host.append(indicator);
    }
    this.#draw();
  }

  /** Keep a call, when recording. */
  record(call: RecordedCall | null): void {
    if (call === null || this.#indicator === null) return;
    this.#calls.push(call);
    this.#draw();
  }

  /** Stop recording; the calls kept. */
  stop(): RecordedCall[] {
    this.#indicator?.remove();
    this.#indicator = null;
    const calls = this.#calls;
    this.#calls = [];
    return calls;
  }

  #draw(): void {
    if (this.#indicator === null) return;
    const named = this.#calls.filter((call) => call.apiName !== null);
    const last = named[named.length - 1]?.apiName;
    this.#indicator.textContent = `Recording API Calls: [${this.#calls.length}]${last == null ? "" : ` /${last}`}`;
  }
}
