/** The part of plotly.js (the `plotly.js-dist-min` bundle ships no types) that gr.Plot uses. */
declare module "plotly.js-dist-min" {
  export function newPlot(root: HTMLElement, data: unknown[], layout?: Record<string, unknown>, config?: Record<string, unknown>): Promise<HTMLElement>;
  export function react(root: HTMLElement, data: unknown[], layout?: Record<string, unknown>, config?: Record<string, unknown>): Promise<HTMLElement>;
  export function purge(root: HTMLElement): void;
}
