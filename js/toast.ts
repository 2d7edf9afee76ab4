import type { AlertLevel } from "./protocol";

export interface ToastOptions {
  level: AlertLevel;
  title: string;
  message: string;
  /** Seconds before the toast closes itself; `null` keeps it until closed. */
  duration: number | null;
}

/**
 * The stack of toasts in the top-right corner. Title and message may carry
 * text from anyone, so they only ever go in through `textContent`.
 */
/**
 * Toasts on screen at once; the oldest goes when one more comes. A flood of
 * errors (a broken core, a loop of gr.Warning) must not bury the app.
 */
export const MAX_TOASTS = 5;

/** What the host itself tells the person: an error (kept until closed) or a warning. */
export type ReportLevel = "error" | "warning";

/** Gradio's default for a warning toast (gr.Warning's `duration`). */
export const WARNING_SECONDS = 10;

export class Toaster {
  readonly element: HTMLElement;
  readonly #timers = new Set<number>();
  readonly #dismissers = new Map<HTMLElement, () => void>();

  constructor() {
    this.element = document.createElement("div");
    this.element.className = "pagelet-toasts";
  }

  show({ level, title, message, duration }: ToastOptions): HTMLElement {
    const toast = document.createElement("div");
    toast.className = `pagelet-toast pagelet-toast-${level}`;
    // Gradio's test ids, which its own tests and many apps' tests look for.
    toast.dataset.testid = "toast-body";
    // Errors interrupt; info and warnings wait their turn.
    toast.setAttribute("role", level === "error" ? "alert" : "status");

    const body = document.createElement("div");
    body.className = "pagelet-toast-body";
    const heading = document.createElement("strong");
    heading.className = "pagelet-toast-title";
    heading.textContent = title;
    const text = document.createElement("div");
    text.className = "pagelet-toast-message";
    text.dataset.testid = "toast-text";
    text.textContent = message;
    body.append(heading, text);

    const close = document.createElement("button");
    close.type = "button";
    close.className = "pagelet-toast-close";
    close.dataset.testid = "toast-close";
    close.setAttribute("aria-label", "Close");
    close.textContent = "×";

    let timer: number | undefined;
    const dismiss = (): void => {
      if (timer !== undefined) {
        clearTimeout(timer);
        this.#timers.delete(timer);
      }
      this.#dismissers.delete(toast);
      toast.remove();
    };
    close.addEventListener("click", dismiss);
    if (typeof duration === "number" && Number.isFinite(duration)) {
      timer = window.setTimeout(dismiss, Math.max(0, duration) * 1000);
      this.#timers.add(timer);
    }

    toast.append(body, close);
    this.element.append(toast);
    this.#dismissers.set(toast, dismiss);
    for (const [oldest, dismissOldest] of this.#dismissers) {
      if (this.#dismissers.size <= MAX_TOASTS) break;
      if (oldest !== toast) dismissOldest();
    }
    return toast;
  }

  destroy(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.#dismissers.clear();
    this.element.remove();
  }
}
