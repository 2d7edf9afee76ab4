import hljs from "highlight.js/lib/core";
import type { LanguageFn } from "highlight.js";
import { blockElement, caption, interactive, showCaption } from "./block";
import { num, optionalStr, str } from "./props";
import type { ComponentView, Renderer } from "./types";

/**
 * Gradio's language names -> highlight.js grammars. Each grammar is its own
 * chunk, fetched the first time a Code block shows that language; this
 * module itself loads only when a Code block is on the page.
 */
const GRAMMARS: Readonly<Record<string, () => Promise<{ default: LanguageFn }>>> = {
  python: () => import("highlight.js/lib/languages/python"),
  c: () => import("highlight.js/lib/languages/c"),
  cpp: () => import("highlight.js/lib/languages/cpp"),
  markdown: () => import("highlight.js/lib/languages/markdown"),
  json: () => import("highlight.js/lib/languages/json"),
  html: () => import("highlight.js/lib/languages/xml"),
  css: () => import("highlight.js/lib/languages/css"),
  javascript: () => import("highlight.js/lib/languages/javascript"),
  typescript: () => import("highlight.js/lib/languages/typescript"),
  yaml: () => import("highlight.js/lib/languages/yaml"),
  dockerfile: () => import("highlight.js/lib/languages/dockerfile"),
  shell: () => import("highlight.js/lib/languages/bash"),
  r: () => import("highlight.js/lib/languages/r"),
  sql: () => import("highlight.js/lib/languages/sql"),
  latex: () => import("highlight.js/lib/languages/latex"),
};

const registered = new Map<string, Promise<boolean>>();

function grammar(language: string): Promise<boolean> {
  let ready = registered.get(language);
  if (ready === undefined) {
    const load = GRAMMARS[language];
    ready = load
      ? load().then(
          (module) => {
            hljs.registerLanguage(language, module.default);
            return true;
          },
          () => false,
        )
      : Promise.resolve(false);
    registered.set(language, ready);
  }
  return ready;
}

/**
 * gr.Code. Shown, the code is highlighted (highlight.js escapes the text it
 * marks up); editable, it is a plain monospace text area named by the label.
 */
export const code: Renderer = (context): ComponentView => {
  const element = blockElement("div", "code");
  const parts = caption("label", context.domId);
  const area = document.createElement("textarea");
  area.id = `${context.domId}-control`;
  area.className = "pagelet-input pagelet-code-input";
  area.spellcheck = false;
  area.addEventListener("input", () => context.emit("input"));
  area.addEventListener("focus", () => context.emit("focus"));
  area.addEventListener("blur", () => context.emit("blur"));
  const pre = document.createElement("pre");
  pre.className = "pagelet-code-view";
  pre.setAttribute("role", "group");
  pre.setAttribute("aria-labelledby", parts.label.id);
  pre.tabIndex = 0;
  const view = document.createElement("code");
  pre.append(view);
  element.append(parts.label, parts.info, area, pre);
  let shown = 0;

  const highlight = async (text: string, language: string | null): Promise<void> => {
    const ticket = ++shown;
    view.textContent = text;
    view.className = "";
    if (language === null || !(await grammar(language)) || ticket !== shown) return;
    view.innerHTML = hljs.highlight(text, { language }).value;
    view.className = `hljs language-${language}`;
  };

  return {
    element,
    update(props) {
      const editable = interactive(props);
      showCaption(parts, props, editable ? area : pre);
      // The hidden text area of a shown block must not take the label.
      if (editable) parts.label.setAttribute("for", area.id);
      else parts.label.removeAttribute("for");
      area.hidden = !editable;
      pre.hidden = editable;
      const value = str(props, "value");
      if (editable) {
        if (area.value !== value) area.value = value;
        area.rows = Math.max(1, num(props, "lines") ?? 5);
      } else {
        void highlight(value, optionalStr(props, "language"));
      }
    },
    getValue: () => (area.hidden ? (view.textContent ?? "") : area.value),
  };
};
