import { errorText } from "../errors";
import { blockElement, caption, showCaption } from "./block";
import type { ComponentView, Renderer } from "./types";

type PlotlyChart = typeof import("./plotly-chart");

/** The plotly.js chunk, fetched the first time a Plotly figure is shown. */
let plotly: Promise<PlotlyChart> | null = null;
function loadPlotly(): Promise<PlotlyChart> {
  if (plotly === null) {
    plotly = import("./plotly-chart");
    // A failed fetch is tried again by the next figure.
    plotly.catch(() => {
      plotly = null;
    });
  }
  return plotly;
}

/** gr.Plot: a matplotlib figure the core rendered to an image, or a Plotly figure drawn here. */
export const plot: Renderer = (context): ComponentView => {
  const element = blockElement("div", "plot");
  const parts = caption("span", context.domId);
  const img = document.createElement("img");
  img.className = "pagelet-media-preview";
  // Gradio's test ids: the matplotlib image sits in a "matplotlib" box, the chart is "plotly".
  const matplotlib = document.createElement("div");
  matplotlib.dataset.testid = "matplotlib";
  matplotlib.append(img);
  const chart = document.createElement("div");
  chart.className = "pagelet-plotly";
  chart.dataset.testid = "plotly";
  chart.setAttribute("role", "figure");
  chart.setAttribute("aria-labelledby", parts.label.id);
  const note = document.createElement("p");
  note.className = "pagelet-upload-message";
  note.setAttribute("role", "alert");
  element.append(parts.label, parts.info, matplotlib, chart, note);
  let value: unknown = null;
  // Each draw is numbered, so that a slow chunk load does not draw an older figure over a newer one.
  let drawn = 0;

  const say = (text: string): void => {
    note.textContent = text;
    note.hidden = text === "";
  };

  const showPlotly = (json: string | null): void => {
    const draw = ++drawn;
    chart.hidden = json === null;
    if (json === null) {
      if (plotly) void plotly.then((module) => module.clearFigure(chart));
      return;
    }
    loadPlotly()
      .then((module) => (draw === drawn ? module.drawFigure(chart, json) : undefined))
      .then(
        () => undefined,
        (error: unknown) => {
          if (draw === drawn) say(`Could not show the Plotly figure: ${errorText(error)}`);
        },
      );
  };

  return {
    element,
    update(props) {
      const label = showCaption(parts, props);
      value = props.value;
      say("");
      const record = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
      const figure = record.type === "matplotlib" && typeof record.plot === "object" && record.plot !== null ? (record.plot as { path: string }) : null;
      const url = figure ? context.files.url(figure) : null;
      matplotlib.hidden = url === null;
      if (url !== null) img.src = url;
      img.alt = label;
      showPlotly(record.type === "plotly" && typeof record.plot === "string" ? record.plot : null);
    },
    getValue: () => value,
    destroy() {
      drawn += 1;
      if (plotly) void plotly.then((module) => module.clearFigure(chart));
    },
  };
};
