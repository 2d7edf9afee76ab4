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

  constructor(elementOf: (id: number) => HTMLElement | null) {
    this.#elementOf = elementOf;
  }

  begin(ids: readonly number[], progress: string): void {
    const mode = showProgress(progress);
    for (const id of new Set(ids)) {
      const element = this.#elementOf(id);
      const count = (this.#busy.get(id) ?? 0) + 1;
      this.#busy.set(id, count);
      if (element === null || count > 1) continue;
      element.querySelector(":scope > .pagelet-error-badge")?.remove();
      element.setAttribute("aria-busy", "true");
      // `hidden` still sets aria-busy: assistive tech should know, even if nothing is drawn.
      if (mode === "hidden" || !canHold(element)) continue;
      const overlay = document.createElement("div");
      overlay.className = `pagelet-pending pagelet-pending-${mode}`;
      const spinner = document.createElement("span");
      spinner.className = "pagelet-spinner";
      const text = document.createElement("span");
      text.className = "pagelet-pending-text";
      overlay.append(spinner, text);
      element.append(overlay);
      this.#overlays.set(id, overlay);
    }
  }

  /** Show the core's status text (queue position, progress) on the overlays. */
  describe(ids: readonly number[], message: string): void {
    for (const id of ids) {
      const text = this.#overlays.get(id)?.querySelector(".pagelet-pending-text");
      if (text) text.textContent = message;
    }
  }

  end(ids: readonly number[], failed: boolean): void {
    for (const id of new Set(ids)) {
      const count = (this.#busy.get(id) ?? 0) - 1;
      if (count > 0) {
        this.#busy.set(id, count);
      } else {
        this.#busy.delete(id);
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
