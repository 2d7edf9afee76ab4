import type { Progress } from "./protocol";

/** How much progress a dependency shows on its outputs (`show_progress`). */
type ShowProgress = "full" | "minimal" | "hidden";

function showProgress(value: string): ShowProgress {
  return value === "minimal" || value === "hidden" ? value : "full";
}

// Marks added inside a button would become part of its accessible name.
function canHold(element: HTMLElement): boolean {
  return !(element instanceof HTMLButtonElement);
}

/**
 * Busy and error marks on output blocks. Several running events may share an
 * output, so each block keeps a count and stays busy until the last one ends.
 */
export class StatusIndicator {
  readonly #elementOf: (id: number) => HTMLElement | null;
  readonly #busy = new Map<number, number>();
  readonly #overlays = new Map<number, HTMLElement>();
  /** Trackers drawn hidden (`show_progress="hidden"`, or outputs left out by `show_progress_on`), with their counts. */
  readonly #hidden = new Map<number, HTMLElement>();
  readonly #hiddenCount = new Map<number, number>();

  constructor(elementOf: (id: number) => HTMLElement | null) {
    this.#elementOf = elementOf;
  }

  /**
   * A run starts: `ids` show its progress as `progress` says; the other `outputs`
   * (those left out by `show_progress_on`) get only a hidden tracker, as in Gradio,
   * where every block has one.
   */
  begin(ids: readonly number[], progress: string, outputs: readonly number[] = ids): void {
    const mode = showProgress(progress);
    const shown = new Set(ids);
    for (const id of shown) {
      const element = this.#elementOf(id);
      const count = (this.#busy.get(id) ?? 0) + 1;
      this.#busy.set(id, count);
      if (element === null || count > 1) continue;
      element.querySelector(":scope > .pagelet-error-badge")?.remove();
      element.setAttribute("aria-busy", "true");
      if (!canHold(element)) continue;
      // `hidden` still sets aria-busy: assistive tech should know, even if nothing is drawn.
      if (mode === "hidden") {
        this.#hideTracker(id, element);
        continue;
      }
      const overlay = tracker(`pagelet-pending pagelet-pending-${mode} ${mode}`);
      const spinner = document.createElement("span");
      spinner.className = "pagelet-spinner";
      const text = document.createElement("span");
      text.className = "pagelet-pending-text";
      overlay.append(spinner, text);
      element.append(overlay);
      this.#overlays.set(id, overlay);
    }
    for (const id of new Set(outputs)) {
      const element = this.#elementOf(id);
      if (!shown.has(id) && element !== null && canHold(element)) this.#hideTracker(id, element);
    }
  }

  #hideTracker(id: number, element: HTMLElement): void {
    const count = (this.#hiddenCount.get(id) ?? 0) + 1;
    this.#hiddenCount.set(id, count);
    if (count > 1) return;
    const hidden = tracker("hide");
    hidden.hidden = true;
    element.append(hidden);
    this.#hidden.set(id, hidden);
  }

  #dropHiddenTracker(id: number): void {
    const count = (this.#hiddenCount.get(id) ?? 0) - 1;
    if (count > 0) {
      this.#hiddenCount.set(id, count);
      return;
    }
    this.#hiddenCount.delete(id);
    this.#hidden.get(id)?.remove();
    this.#hidden.delete(id);
  }

  /** The pending overlay shown on the first of `ids` that has one (null when none is drawn). */
  overlayOf(ids: readonly number[]): HTMLElement | null {
    for (const id of ids) {
      const overlay = this.#overlays.get(id);
      if (overlay !== undefined) return overlay;
    }
    return null;
  }

  /** Show the core's status text (queue position, progress) on the overlays. */
  describe(ids: readonly number[], message: string): void {
    for (const id of ids) {
      const text = this.#overlays.get(id)?.querySelector(".pagelet-pending-text");
      if (text) text.textContent = message;
    }
  }

  /**
   * Draw `gr.Progress` on the overlays: a `progressbar` (under "full") and its
   * text. A run without a known fraction shows an indeterminate bar and a count.
   */
  progress(ids: readonly number[], progress: Progress): void {
    for (const id of new Set(ids)) {
      const overlay = this.#overlays.get(id);
      if (overlay === undefined) continue;
      const text = progressText(progress);
      if (overlay.classList.contains("pagelet-pending-full")) {
        let bar = overlay.querySelector<HTMLElement>(":scope > .pagelet-progress");
        if (bar === null) {
          bar = document.createElement("div");
          bar.className = "pagelet-progress";
          bar.setAttribute("role", "progressbar");
          bar.setAttribute("aria-valuemin", "0");
          bar.setAttribute("aria-valuemax", "100");
          bar.append(document.createElement("div"));
          overlay.prepend(bar);
        }
        bar.setAttribute("aria-label", progress.desc ?? "Progress");
        const fill = bar.firstElementChild as HTMLElement;
        if (progress.fraction === null) {
          bar.removeAttribute("aria-valuenow");
          bar.classList.add("pagelet-progress-indeterminate");
          fill.style.removeProperty("width");
        } else {
          const percent = Math.round(progress.fraction * 100);
          bar.setAttribute("aria-valuenow", String(percent));
          bar.classList.remove("pagelet-progress-indeterminate");
          fill.style.width = `${String(percent)}%`;
        }
        bar.setAttribute("aria-valuetext", text);
      }
      const label = overlay.querySelector(".pagelet-pending-text");
      if (label) label.textContent = text;
    }
  }

  /**
   * An output received a streamed value: it stays busy, but its content is no
   * longer hidden under the overlay (only a corner mark remains).
   */
  streaming(ids: readonly number[]): void {
    for (const id of ids) {
      const overlay = this.#overlays.get(id);
      if (overlay === undefined || overlay.querySelector(".pagelet-progress") !== null) continue;
      overlay.classList.replace("pagelet-pending-full", "pagelet-pending-minimal");
    }
  }

  end(ids: readonly number[], failed: boolean, outputs: readonly number[] = ids): void {
    const shown = new Set(ids);
    for (const id of new Set(outputs)) {
      if (!shown.has(id)) this.#dropHiddenTracker(id);
    }
    for (const id of shown) {
      const count = (this.#busy.get(id) ?? 0) - 1;
      if (count > 0) {
        this.#busy.set(id, count);
      } else {
        this.#busy.delete(id);
        if (this.#hidden.has(id)) this.#dropHiddenTracker(id);
        this.#overlays.get(id)?.remove();
        this.#overlays.delete(id);
        this.#elementOf(id)?.removeAttribute("aria-busy");
      }
      const element = this.#elementOf(id);
      if (failed && element !== null && canHold(element) && !element.querySelector(":scope > .pagelet-error-badge")) {
        const badge = document.createElement("span");
        badge.className = "pagelet-error-badge";
        badge.textContent = "Error";
        element.append(badge);
      }
    }
  }
}

/** Gradio's status tracker: its test id and its `wrap` class, which Gradio's own tests look for. */
function tracker(className: string): HTMLElement {
  const element = document.createElement("div");
  element.className = `wrap ${className}`;
  element.dataset.testid = "status-tracker";
  return element;
}

function progressText({ fraction, desc, index, length, unit }: Progress): string {
  const parts: string[] = [];
  if (desc !== null && desc !== "") parts.push(desc);
  if (index !== null) parts.push(length !== null ? `${String(index)}/${String(length)} ${unit}` : `${String(index)} ${unit}`);
  else if (fraction !== null) parts.push(`${String(Math.round(fraction * 100))}%`);
  return parts.join(" ");
}
