import type { Props } from "../protocol";
import { blockElement, caption, showCaption } from "./block";
import { bool, cssLength, num, str } from "./props";
import { jsonLines } from "./json-tree";
import type { ComponentView, RenderContext, Renderer } from "./types";

/**
 * Read-only displays of structured values. The block is a group named by its
 * label, since a `<pre>` or a list of bars cannot carry a name themselves.
 */
function namedGroup(context: RenderContext, type: string): { element: HTMLDivElement; update: (props: Readonly<Props>) => void } {
  const element = blockElement("div", type);
  const parts = caption("span", context.domId);
  element.setAttribute("role", "group");
  element.append(parts.label, parts.info);
  return {
    element,
    update(props) {
      const label = showCaption(parts, props);
      if (label === "") element.removeAttribute("aria-labelledby");
      else element.setAttribute("aria-labelledby", parts.label.id);
    },
  };
}

export const json: Renderer = (context): ComponentView => {
  const group = namedGroup(context, "json");
  // Gradio's test id marks the value alone, not the label or the buttons.
  const pre = document.createElement("pre");
  pre.className = "pagelet-json-value";
  pre.dataset.testid = "json";
  // Gradio's root node of the tree, marked `dark-mode` while the page is dark (apps' CSS selects
  // both); the colours themselves come from the stylesheet's variables.
  const root = document.createElement("div");
  root.className = "json-node root";
  pre.append(root);
  group.element.append(pre);
  let value: unknown = null;
  const markMode = (): void => {
    root.classList.toggle("dark-mode", root.closest(".dark") !== null);
  };

  return {
    element: group.element,
    update(props) {
      group.update(props);
      value = props.value;
      root.replaceChildren(...(value === null || value === undefined ? [] : jsonLines(value, bool(props, "show_indices", false))));
      markMode();
      // The first update comes before the block is on the page, where the mode is marked.
      requestAnimationFrame(markMode);
      // Gradio's height, max_height (500 by default) and min_height: a long value scrolls inside the block.
      pre.style.height = cssLength(props.height);
      pre.style.maxHeight = cssLength(props.max_height);
      pre.style.minHeight = cssLength(props.min_height);
      pre.style.overflow = "auto";
    },
    getValue: () => value,
  };
};

interface Confidence {
  label: string;
  confidence: number;
}

/** The classifier output shape; anything else shows as a bare label or nothing. */
function readLabel(value: unknown): { top: string | null; confidences: Confidence[] } {
  if (typeof value === "string" || typeof value === "number") return { top: String(value), confidences: [] };
  if (typeof value !== "object" || value === null) return { top: null, confidences: [] };
  const record = value as Record<string, unknown>;
  const confidences: Confidence[] = [];
  if (Array.isArray(record.confidences)) {
    for (const entry of record.confidences as unknown[]) {
      if (typeof entry !== "object" || entry === null) continue;
      const { label, confidence } = entry as Record<string, unknown>;
      if (typeof confidence !== "number" || !Number.isFinite(confidence)) continue;
      confidences.push({ label: typeof label === "string" ? label : String(label), confidence });
    }
  }
  const top = typeof record.label === "string" || typeof record.label === "number" ? String(record.label) : null;
  return { top, confidences };
}

export const label: Renderer = (context): ComponentView => {
  const group = namedGroup(context, "label");
  const top = document.createElement("div");
  top.className = "pagelet-label-top";
  const list = document.createElement("div");
  list.className = "pagelet-confidences";
  group.element.append(top, list);
  let value: unknown = null;

  return {
    element: group.element,
    update(props) {
      group.update(props);
      value = props.value;
      const { top: topLabel, confidences } = readLabel(value);
      top.textContent = topLabel ?? "";
      top.hidden = topLabel === null || !bool(props, "show_heading", true);
      // The app's bar colour; a style property, so it can only ever be a colour.
      group.element.style.setProperty("--pagelet-meter-color", str(props, "color") || null);
      const limit = num(props, "num_top_classes");
      const rows = [...confidences].sort((a, b) => b.confidence - a.confidence).slice(0, limit ?? undefined);
      list.replaceChildren(...rows.map(confidenceRow));
    },
    getValue: () => value,
  };
};

function confidenceRow({ label: name, confidence }: Confidence): HTMLElement {
  const percent = Math.round(Math.min(1, Math.max(0, confidence)) * 100);
  const row = document.createElement("div");
  row.className = "pagelet-confidence";
  const text = document.createElement("span");
  text.className = "pagelet-confidence-label";
  text.textContent = name;
  const meter = document.createElement("div");
  meter.className = "pagelet-meter";
  meter.setAttribute("role", "meter");
  meter.setAttribute("aria-label", name);
  meter.setAttribute("aria-valuemin", "0");
  meter.setAttribute("aria-valuemax", "100");
  meter.setAttribute("aria-valuenow", String(percent));
  meter.setAttribute("aria-valuetext", `${percent}%`);
  const fill = document.createElement("div");
  fill.className = "pagelet-meter-fill";
  fill.style.width = `${percent}%`;
  meter.append(fill);
  const amount = document.createElement("span");
  amount.className = "pagelet-confidence-value";
  amount.textContent = `${percent}%`;
  row.append(text, meter, amount);
  return row;
}
