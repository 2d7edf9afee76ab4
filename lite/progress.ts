import { STAGE_LABELS, type BootStage } from "./messages";

/**
 * The boot indicator: which stage is running, out of how many. It is a
 * progressbar whose value text is the stage's name, so assistive technology
 * and tests read the same words a person sees.
 */
export class BootProgress {
  readonly element: HTMLElement;
  readonly #label: HTMLElement;
  readonly #stages: readonly BootStage[];

  constructor(stages: readonly BootStage[]) {
    this.#stages = stages;
    ({ element: this.element, label: this.#label } = progressBar("pagelet-boot", "Starting the app", stages.length));
  }

  /** Show `stage` as running; stages not in the list (skipped ones) are ignored. */
  show(stage: BootStage): void {
    const index = this.#stages.indexOf(stage);
    if (index < 0) return;
    const label = STAGE_LABELS[stage];
    this.#label.textContent = `${label}… (${index + 1}/${this.#stages.length})`;
    this.element.dataset.stage = stage;
    this.element.setAttribute("aria-valuenow", String(index));
    this.element.setAttribute("aria-valuetext", label);
    this.element.style.setProperty("--pagelet-progress", String((index + 0.5) / this.#stages.length));
  }
}

/**
 * A progressbar named `name` going from 0 to `max`: a bar drawn from the
 * `--pagelet-progress` fraction, and a line of text under it.
 */
export function progressBar(className: string, name: string, max: number): { element: HTMLElement; label: HTMLElement } {
  const element = document.createElement("div");
  element.className = className;
  element.setAttribute("role", "progressbar");
  element.setAttribute("aria-label", name);
  element.setAttribute("aria-valuemin", "0");
  element.setAttribute("aria-valuemax", String(max));
  const bar = document.createElement("div");
  bar.className = "pagelet-boot-bar";
  const label = document.createElement("p");
  label.className = "pagelet-boot-label";
  element.append(bar, label);
  return { element, label };
}

/** A failure as shown inside the app's area: what happened, the cause, and the traceback if any. */
export function failurePanel(title: string, message: string, traceback?: string): HTMLElement {
  const panel = document.createElement("div");
  panel.className = "pagelet-failure";
  panel.setAttribute("role", "alert");
  const heading = document.createElement("p");
  heading.className = "pagelet-failure-title";
  heading.textContent = title;
  const text = document.createElement("p");
  text.className = "pagelet-failure-message";
  text.textContent = message;
  panel.append(heading, text);
  if (traceback) {
    const pre = document.createElement("pre");
    pre.className = "pagelet-failure-traceback";
    pre.textContent = traceback;
    panel.append(pre);
  }
  return panel;
}
