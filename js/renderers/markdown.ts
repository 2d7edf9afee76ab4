import { Marked } from "marked";
import { bool, str } from "./props";
import { sanitizedFragment } from "./sanitize";
import { cutMath, latexDelimiters, placeMath, typesetMath, type LatexDelimiter } from "./math";
import type { ComponentView, Renderer } from "./types";

// One parser for the page; no extensions, so its output is plain HTML to sanitize.
const parser = new Marked({ gfm: true });

/**
 * Markdown source as a sanitized fragment (also used for chat bubbles);
 * the formulas `delimiters` mark are drawn with KaTeX (see `math.ts`).
 */
export function markdownFragment(source: string, breaks = false, delimiters: readonly LatexDelimiter[] = []): DocumentFragment {
  const { text, pieces } = cutMath(source, delimiters);
  const fragment = sanitizedFragment(parser.parse(text, { async: false, breaks }));
  if (pieces.length > 0) typesetMath(placeMath(fragment, pieces));
  return fragment;
}

/** `elem_classes` as a list of class names. */
function classNames(raw: unknown): string[] {
  const given = typeof raw === "string" ? [raw] : Array.isArray(raw) ? raw : [];
  return given.filter((name: unknown): name is string => typeof name === "string").flatMap((name) => name.split(/\s+/)).filter((name) => name !== "");
}

/**
 * Markdown from the app, parsed by `marked` and sanitized before it touches
 * the page. The text sits in its own element which, as in Gradio, carries
 * the `elem_classes` too (the host puts them on the block): apps' CSS styles
 * `.my-class p` and `.my-class` on the text itself.
 */
export const markdown: Renderer = (): ComponentView => {
  const element = document.createElement("div");
  element.className = "pagelet-markdown";
  element.dataset.testid = "markdown";
  const body = document.createElement("div");
  body.className = "pagelet-prose";
  element.append(body);
  let source: string | null = null;
  let breaks: boolean | null = null;
  let delimiters = "";
  let extraClasses: string[] = [];

  return {
    element,
    update(props) {
      body.classList.remove(...extraClasses);
      extraClasses = classNames(props.elem_classes);
      body.classList.add(...extraClasses);
      body.dir = bool(props, "rtl", false) ? "rtl" : "";
      const next = str(props, "value");
      const nextBreaks = bool(props, "line_breaks", false);
      const nextDelimiters = latexDelimiters(props.latex_delimiters);
      // Parsing is the costly part; skip it when only other props changed.
      if (next === source && nextBreaks === breaks && JSON.stringify(nextDelimiters) === delimiters) return;
      source = next;
      breaks = nextBreaks;
      delimiters = JSON.stringify(nextDelimiters);
      body.replaceChildren(markdownFragment(next, nextBreaks, nextDelimiters));
    },
    getValue: () => source ?? "",
  };
};
