/**
 * Light or dark, as Gradio decides it: forced by the page (`?__theme=dark`,
 * `<gradio-lite theme="dark">`) or else the system's, followed as it changes.
 * Two marks are kept on `element`: Pagelet's `pagelet-theme-{mode}` when
 * forced (the stylesheet's own switch), and Gradio's `dark` class whenever
 * dark is shown, which apps' CSS selects (`.dark .title { ... }`).
 */

export type ColorMode = "light" | "dark";

/** `light` or `dark` from a `__theme` URL parameter or a `theme` attribute; anything else is no choice. */
export function colorModeOf(value: string | null | undefined): ColorMode | undefined {
  return value === "light" || value === "dark" ? value : undefined;
}

/** Mark `element` for `forced`, or for the system's scheme while it lasts. */
export function applyColorMode(element: HTMLElement, forced: ColorMode | undefined): void {
  if (forced !== undefined) {
    element.classList.add(`pagelet-theme-${forced}`);
    element.classList.toggle("dark", forced === "dark");
    return;
  }
  const query = window.matchMedia("(prefers-color-scheme: dark)");
  const follow = (): void => {
    element.classList.toggle("dark", query.matches);
  };
  follow();
  query.addEventListener("change", follow);
}
