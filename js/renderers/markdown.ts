import { Marked } from "marked";
import { bool, str } from "./props";
import { sanitizedFragment } from "./sanitize";
import type { ComponentView, Renderer } from "./types";

// One parser for the page; no extensions, so its output is plain HTML to sanitize.
const parser = new Marked({ gfm: true });

/** Markdown source as a sanitized fragment (also used for chat bubbles). */
export function markdownFragment(source: string, breaks = false): DocumentFragment {
  return sanitizedFragment(parser.parse(source, { async: false, breaks }));
}

/** Markdown from the app, parsed by `marked` and sanitized before it touches the page. */
export const markdown: Renderer = (): ComponentView => {
  const element = document.createElement("div");
  element.className = "pagelet-markdown pagelet-prose";
  element.dataset.testid = "markdown";
  let source: string | null = null;
  let breaks: boolean | null = null;

  return {
    element,
    update(props) {
      element.dir = bool(props, "rtl", false) ? "rtl" : "";
      const next = str(props, "value");
      const nextBreaks = bool(props, "line_breaks", false);
      // Parsing is the costly part; skip it when only other props changed.
      if (next === source && nextBreaks === breaks) return;
      source = next;
      breaks = nextBreaks;
      element.replaceChildren(markdownFragment(next, nextBreaks));
    },
    getValue: () => source ?? "",
  };
};
