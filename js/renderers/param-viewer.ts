import { blockElement } from "./block";
import { markdownFragment } from "./markdown";
import { optionalStr } from "./props";
import type { ComponentView, Renderer } from "./types";

interface Parameter {
  readonly name: string;
  readonly type: string;
  readonly description: string;
  readonly default: string | null;
}

function parameters(value: unknown): Parameter[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).map(([name, entry]) => {
    const record = typeof entry === "object" && entry !== null ? (entry as Record<string, unknown>) : {};
    const text = (key: string): string => (record[key] === undefined || record[key] === null ? "" : String(record[key]));
    return { name, type: text("type"), description: text("description"), default: record.default == null ? null : String(record.default) };
  });
}

/**
 * gr.ParamViewer: one disclosure per parameter, its summary the name, type
 * and default as code, its body the description (Markdown). The header's
 * button opens or closes them all, as Gradio's does.
 */
export const paramviewer: Renderer = (): ComponentView => {
  const element = blockElement("div", "paramviewer");
  const head = document.createElement("div");
  head.className = "pagelet-paramviewer-header";
  const title = document.createElement("h3");
  const toggle = document.createElement("button");
  toggle.type = "button";
  head.append(title, toggle);
  const list = document.createElement("div");
  element.append(head, list);
  let value: unknown = null;

  const entries = (): HTMLDetailsElement[] => [...list.querySelectorAll("details")];
  const sayToggle = (): void => {
    const open = entries().length > 0 && entries().every((entry) => entry.open);
    toggle.textContent = open ? "Close all" : "Open all";
  };
  toggle.addEventListener("click", () => {
    const open = !entries().every((entry) => entry.open);
    for (const entry of entries()) entry.open = open;
    sayToggle();
  });

  const draw = (): void => {
    list.replaceChildren(
      ...parameters(value).map((parameter) => {
        const details = document.createElement("details");
        const summary = document.createElement("summary");
        const code = document.createElement("code");
        code.textContent = `${parameter.name}${parameter.type ? `: ${parameter.type}` : ""}${parameter.default !== null ? ` = ${parameter.default}` : ""}`;
        summary.append(code);
        const body = document.createElement("div");
        body.className = "pagelet-paramviewer-description";
        body.append(markdownFragment(parameter.description));
        details.append(summary, body);
        details.addEventListener("toggle", sayToggle);
        return details;
      }),
    );
    sayToggle();
  };

  return {
    element,
    update(props) {
      const header = optionalStr(props, "header");
      title.textContent = header ?? "";
      head.hidden = header === null;
      const maxHeight = props.max_height;
      list.style.maxHeight = typeof maxHeight === "number" ? `${maxHeight}px` : typeof maxHeight === "string" ? maxHeight : "";
      list.style.overflowY = list.style.maxHeight ? "auto" : "";
      value = props.value ?? null;
      draw();
    },
    getValue: () => value,
  };
};
