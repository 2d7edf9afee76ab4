import { purge, react } from "plotly.js-dist-min";

/**
 * A Plotly figure drawn by plotly.js. This module (and the library, several
 * megabytes) is its own chunk, fetched only when a gr.Plot shows a Plotly figure.
 */

/** A figure as `fig.to_json()` writes it; throws with the reason when it is not one. */
export function readFigure(json: string): { data: unknown[]; layout: Record<string, unknown> } {
  const figure: unknown = JSON.parse(json);
  if (typeof figure !== "object" || figure === null) throw new Error("the figure is not a JSON object");
  const record = figure as Record<string, unknown>;
  const data = Array.isArray(record.data) ? record.data : [];
  const layout = typeof record.layout === "object" && record.layout !== null ? (record.layout as Record<string, unknown>) : {};
  return { data, layout };
}

/** Draw (or redraw in place) `json` into `root`. */
export async function drawFigure(root: HTMLElement, json: string): Promise<void> {
  const { data, layout } = readFigure(json);
  // No Plotly logo link and no "edit in Chart Studio": nothing in the chart leaves the page.
  await react(root, data, { autosize: true, ...layout }, { responsive: true, displaylogo: false, showLink: false });
}

export function clearFigure(root: HTMLElement): void {
  purge(root);
}
