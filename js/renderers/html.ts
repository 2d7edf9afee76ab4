import { str } from "./props";
import { sanitizedFragment } from "./sanitize";
import type { ComponentView, Renderer } from "./types";

/** HTML from the app, sanitized: markup and styles yes, script no. */
export const html: Renderer = (): ComponentView => {
  const element = document.createElement("div");
  element.className = "pagelet-html pagelet-prose";
  let source: string | null = null;

  return {
    element,
    update(props) {
      const next = str(props, "value");
      if (next === source) return;
      source = next;
      element.replaceChildren(sanitizedFragment(next));
    },
    getValue: () => source ?? "",
  };
};
