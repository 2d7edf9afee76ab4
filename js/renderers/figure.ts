import { blockElement, caption, showCaption } from "./block";
import type { ComponentView, Renderer } from "./types";

/** gr.Plot: a figure the core rendered to an image (matplotlib). */
export const plot: Renderer = (context): ComponentView => {
  const element = blockElement("div", "plot");
  const parts = caption("span", context.domId);
  const img = document.createElement("img");
  img.className = "pagelet-media-preview";
  const note = document.createElement("p");
  note.className = "pagelet-info";
  element.append(parts.label, parts.info, img, note);
  let value: unknown = null;

  return {
    element,
    update(props) {
      const label = showCaption(parts, props);
      value = props.value;
      const record = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
      const figure = record.type === "matplotlib" && typeof record.plot === "object" && record.plot !== null ? (record.plot as { path: string }) : null;
      const url = figure ? context.files.url(figure) : null;
      img.hidden = url === null;
      if (url !== null) img.src = url;
      img.alt = label;
      note.textContent = record.type === "plotly" ? "Plotly figures are not shown by Pagelet yet; return a matplotlib figure." : "";
      note.hidden = note.textContent === "";
    },
    getValue: () => value,
  };
};
