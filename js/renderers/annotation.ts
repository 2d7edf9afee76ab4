import type { Props } from "../protocol";
import { blockElement, caption, showCaption } from "./block";
import { bool, displayText, num } from "./props";
import type { ComponentView, RenderContext, Renderer } from "./types";
import { fileList } from "./upload";

/** Distinct, readable label colours, given out in order of first appearance. */
const PALETTE = ["#fde68a", "#bbf7d0", "#bfdbfe", "#fbcfe8", "#ddd6fe", "#fed7aa", "#a5f3fc", "#e5e7eb"];

function colorFor(label: string, props: Readonly<Props>, seen: Map<string, string>): string {
  const map = props.color_map;
  if (typeof map === "object" && map !== null && typeof (map as Record<string, unknown>)[label] === "string") {
    return (map as Record<string, string>)[label] ?? "";
  }
  let color = seen.get(label);
  if (color === undefined) {
    color = PALETTE[seen.size % PALETTE.length] ?? "#e5e7eb";
    seen.set(label, color);
  }
  return color;
}

function group(context: RenderContext, type: string): { element: HTMLElement; body: HTMLElement; show(props: Readonly<Props>): string } {
  const element = blockElement("div", type);
  const parts = caption("span", context.domId);
  const body = document.createElement("div");
  body.className = `pagelet-${type}-body`;
  body.setAttribute("role", "group");
  body.setAttribute("aria-labelledby", parts.label.id);
  element.append(parts.label, parts.info, body);
  return { element, body, show: (props) => showCaption(parts, props) };
}

function legend(labels: ReadonlyMap<string, string>): HTMLElement {
  const list = document.createElement("ul");
  list.className = "pagelet-legend";
  for (const [label, color] of labels) {
    const item = document.createElement("li");
    item.style.setProperty("--pagelet-mark", color);
    item.textContent = label;
    list.append(item);
  }
  return list;
}

/**
 * gr.HighlightedText: each labelled span is a `<mark>` followed by its label;
 * numbers (confidences) tint the span instead.
 */
export const highlightedtext: Renderer = (context): ComponentView => {
  const { element, body, show } = group(context, "highlightedtext");
  element.dataset.testid = "highlighted-text";
  let value: unknown = null;
  return {
    element,
    update(props) {
      show(props);
      value = props.value;
      const seen = new Map<string, string>();
      const nodes: Node[] = [];
      for (const entry of Array.isArray(value) ? value : []) {
        if (typeof entry !== "object" || entry === null) continue;
        const { token, class_or_confidence: category } = entry as Record<string, unknown>;
        const text = displayText(token);
        if (category === null || category === undefined) {
          nodes.push(document.createTextNode(text));
          continue;
        }
        const mark = document.createElement("mark");
        mark.textContent = text;
        if (typeof category === "number") {
          const alpha = Math.min(1, Math.abs(category));
          mark.style.background = category >= 0 ? `rgba(59, 130, 246, ${alpha})` : `rgba(239, 68, 68, ${alpha})`;
          mark.title = String(category);
        } else {
          const name = displayText(category);
          mark.style.background = colorFor(name, props, seen);
          if (bool(props, "show_inline_category", true)) {
            const tag = document.createElement("span");
            tag.className = "pagelet-mark-label";
            tag.textContent = name;
            mark.append(" ", tag);
          }
        }
        nodes.push(mark);
      }
      const text = document.createElement("p");
      text.append(...nodes);
      body.replaceChildren(text, ...(bool(props, "show_legend", false) && seen.size > 0 ? [legend(seen)] : []));
    },
    getValue: () => value,
  };
};

/** gr.AnnotatedImage: the image with a labelled outline per box, and a legend. */
export const annotatedimage: Renderer = (context): ComponentView => {
  const { element, body, show } = group(context, "annotatedimage");
  let value: unknown = null;
  return {
    element,
    update(props) {
      const label = show(props);
      value = props.value;
      const record = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
      const [image] = fileList(record.image);
      const url = image ? context.files.url(image) : null;
      const frame = document.createElement("div");
      frame.className = "pagelet-annotated-frame";
      const height = num(props, "height");
      if (height !== null) frame.style.height = `${height}px`;
      const seen = new Map<string, string>();
      if (url !== null) {
        const img = document.createElement("img");
        img.src = url;
        img.alt = label;
        frame.append(img);
        const annotations = Array.isArray(record.annotations) ? record.annotations : [];
        img.addEventListener("load", () => {
          for (const entry of annotations) {
            const { box, label: name } = (entry ?? {}) as Record<string, unknown>;
            const color = colorFor(displayText(name), props, seen);
            if (!Array.isArray(box) || box.length !== 4) continue;
            const [x0, y0, x1, y1] = box.map(Number) as [number, number, number, number];
            const outline = document.createElement("div");
            outline.className = "pagelet-annotation";
            outline.title = displayText(name);
            outline.style.setProperty("--pagelet-mark", color);
            outline.style.left = `${(x0 / img.naturalWidth) * 100}%`;
            outline.style.top = `${(y0 / img.naturalHeight) * 100}%`;
            outline.style.width = `${((x1 - x0) / img.naturalWidth) * 100}%`;
            outline.style.height = `${((y1 - y0) / img.naturalHeight) * 100}%`;
            frame.append(outline);
          }
          if (bool(props, "show_legend", true) && seen.size > 0) body.append(legend(seen));
        });
      }
      body.replaceChildren(frame);
    },
    getValue: () => value,
  };
};
