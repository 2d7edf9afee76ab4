import type { ModelProgressMessage } from "./messages";
import { progressBar } from "./progress";

/**
 * The model loading indicator: a progressbar named "Loading model" whose text
 * says which model and how far, shown while transformers.js fetches and
 * initialises a model, hidden when it is done. One bar for the app: models
 * loading at once share it, the latest message wins.
 */
export class ModelProgress {
  readonly element: HTMLElement;
  readonly #label: HTMLElement;

  constructor() {
    ({ element: this.element, label: this.#label } = progressBar("pagelet-model-progress", "Loading model", 100));
    this.element.hidden = true;
  }

  show(message: ModelProgressMessage): void {
    this.element.hidden = message.done;
    if (message.done) return;
    const percent = message.fraction === null ? null : Math.round(message.fraction * 100);
    const amount = percent === null ? "" : ` ${percent}%`;
    this.#label.textContent = `Loading model ${message.model}…${amount}`;
    this.element.setAttribute("aria-valuetext", `${message.model}${amount}`);
    if (percent === null) this.element.removeAttribute("aria-valuenow");
    else this.element.setAttribute("aria-valuenow", String(percent));
    this.element.style.setProperty("--pagelet-progress", String(message.fraction ?? 0));
  }
}
