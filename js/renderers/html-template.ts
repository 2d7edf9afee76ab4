import morphdom from "morphdom";
import type { Props } from "../protocol";
import { errorText } from "../errors";
import { bool, str } from "./props";
import { sanitizedFragment } from "./sanitize";
import type { ComponentView, RenderContext } from "./types";

/**
 * Gradio 6's component in a string: `gr.HTML(html_template=, css_template=,
 * js_on_load=, head=, **props)`.
 *
 * Trust (SECURITY.md): the template, the styles, `js_on_load` and `head` are
 * the app author's code and run as written. The values the template reads
 * (`value` and the props) may be a visitor's, so every string among them is
 * escaped before a `${...}` expression sees it: a visitor's markup shows as
 * text and never runs. Handlebars' `{{value}}` escapes too; `{{{value}}}` is
 * the author asking for markup, which is inserted sanitized (markup yes,
 * script no), like a plain gr.HTML value.
 *
 * Order: the `${...}` expressions are evaluated first, then Handlebars (only
 * when the template has `{{`). Gradio does the reverse, which lets a value
 * that contains `${...}` run as code; braces in values are escaped here, so
 * neither step can read a value as template.
 */

type Scope = Record<string, unknown>;

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
  "{": "&#123;",
  "}": "&#125;",
  "$": "&#36;",
  "\\": "&#92;",
};

function escapeText(text: string): string {
  return text.replace(/[&<>"'`{}$\\]/g, (character) => ESCAPES[character] ?? character);
}

/** Every string inside `value` escaped; numbers, booleans and the shape kept. */
export function escapedValue(value: unknown): unknown {
  if (typeof value === "string") return escapeText(value);
  if (Array.isArray(value)) return value.map(escapedValue);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, escapedValue(item)]));
  }
  return value;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The template as a JS template string over the scope's names (the author's code). */
function evaluate(template: string, scope: Scope): string {
  const names = Object.keys(scope).filter((name) => IDENTIFIER.test(name));
  // As written: nested template strings inside `${...}` are the author's own.
  const body = `return \`${template}\`;`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the author's template is code by Gradio's design.
  const fn = new Function(...names, body) as (...values: unknown[]) => unknown;
  return String(fn(...names.map((name) => scope[name])));
}

type Handlebars = typeof import("handlebars");
let handlebars: Promise<Handlebars> | null = null;

/** Handlebars is fetched only for templates that use it. */
function loadHandlebars(): Promise<Handlebars> {
  handlebars ??= import("handlebars").then((module) => {
    const engine = (module as unknown as { default?: Handlebars }).default ?? module;
    const isolated = engine.create();
    // `{{{x}}}` is the author asking for markup: inserted, but sanitized.
    isolated.registerHelper("pageletMarkup", (value: unknown) => {
      const holder = document.createElement("div");
      holder.append(sanitizedFragment(typeof value === "string" ? value : String(value ?? "")));
      return new isolated.SafeString(holder.innerHTML);
    });
    return isolated as unknown as Handlebars;
  });
  return handlebars;
}

/** `value` as markup, sanitized as a plain gr.HTML value is. */
function sanitizedMarkup(value: unknown): string {
  const holder = document.createElement("div");
  holder.append(sanitizedFragment(typeof value === "string" ? value : String(value ?? "")));
  return holder.innerHTML;
}

function withHandlebars(engine: Handlebars, text: string, scope: Scope): string {
  const source = text.replace(/\{\{\{\s*([^}]+?)\s*\}\}\}/g, "{{pageletMarkup $1}}");
  return engine.compile(source)(scope);
}

const loadedHeads = new Map<string, Promise<void>>();

/** The author's `head=` scripts and links, each added to the document once. */
function loadHead(head: string): Promise<void> {
  const parsed = new DOMParser().parseFromString(`<head>${head}</head>`, "text/html");
  const waits: Promise<void>[] = [];
  for (const node of [...parsed.head.children]) {
    const key = node.outerHTML;
    const known = loadedHeads.get(key);
    if (known) {
      waits.push(known);
      continue;
    }
    let done: Promise<void> = Promise.resolve();
    if (node instanceof HTMLScriptElement) {
      // A parsed script never runs; a new element with the same source does.
      const script = document.createElement("script");
      for (const attribute of [...node.attributes]) script.setAttribute(attribute.name, attribute.value);
      if (node.src) {
        script.async = node.async;
        done = new Promise((resolve, reject) => {
          script.addEventListener("load", () => resolve());
          script.addEventListener("error", () => reject(new Error(`Could not load the script ${node.src}`)));
        });
      } else {
        script.textContent = node.textContent;
      }
      document.head.append(script);
    } else {
      document.head.append(document.importNode(node, true));
    }
    loadedHeads.set(key, done);
    waits.push(done);
  }
  return Promise.all(waits).then(() => undefined);
}

let templateCount = 0;

/** Draws a templated gr.HTML inside `element` (made by the `html` renderer). */
export function templatedHtml(context: RenderContext, element: HTMLElement): ComponentView {
  templateCount += 1;
  const scopeId = `pagelet-html-template-${templateCount}`;
  element.classList.add(scopeId);
  const style = document.createElement("style");
  const before = document.createElement("div");
  const after = document.createElement("div");
  const error = document.createElement("p");
  error.setAttribute("role", "alert");
  error.className = "pagelet-html-error";
  error.hidden = true;
  const children = context.children.map((child) => child.element).filter((child): child is HTMLElement => child !== null);
  element.append(style, error, before, ...children, after);

  let props: Readonly<Props> = {};
  // What the template reads: the value, label, visible, and the extra props (merged as updates come).
  const values: Scope = {};
  let engine: Handlebars | null = null;
  let started = false;
  let rendering = false;
  const watchers: { names: string[]; callback: () => void }[] = [];

  const fail = (what: string, problem: unknown): void => {
    error.textContent = `Error rendering ${str(props, "component_class_name", "HTML")} (${what}): ${errorText(problem)}`;
    error.hidden = false;
  };

  const renderText = (template: string): string => {
    const escaped = Object.fromEntries(Object.entries(values).map(([key, item]) => [key, escapedValue(item)]));
    const text = evaluate(template, escaped);
    return engine !== null && text.includes("{{") ? withHandlebars(engine, text, values) : text;
  };

  const draw = (): void => {
    const template = str(props, "html_template", "${value}");
    const [head = "", ...rest] = template.split("@children");
    error.hidden = true;
    try {
      // Gradio's default template is the value itself: HTML the app gave (with only js_on_load of its own),
      // drawn as markup, sanitized like a plain gr.HTML value, not escaped as a value inside a template.
      morph(before, template === "${value}" ? sanitizedMarkup(values.value) : renderText(head));
      morph(after, renderText(rest.join("@children")));
    } catch (problem) {
      fail("html_template", problem);
    }
    const css = str(props, "css_template");
    try {
      // Scoped to this component: bare declarations style its root, nested rules its content.
      style.textContent = css === "" ? "" : `.${scopeId} { ${renderText(css)} }`;
    } catch (problem) {
      fail("css_template", problem);
    }
    element.classList.toggle("pagelet-prose", bool(props, "apply_default_css", true));
  };

  const schedule = (): void => {
    if (rendering) return;
    rendering = true;
    queueMicrotask(() => {
      rendering = false;
      draw();
    });
  };

  // What js_on_load sees as `props`: setting a key redraws; setting `value` is the person's input.
  const live = new Proxy(values, {
    set(target, key, next: unknown) {
      if (typeof key !== "string") return false;
      const previous = target[key];
      target[key] = next;
      if (previous !== next) {
        schedule();
        if (key === "value") context.emit("change");
      }
      return true;
    },
  });

  const trigger = (event: string, data: unknown = {}): void => {
    context.emit(event, typeof data === "object" && data !== null ? (data as Record<string, unknown>) : { value: data });
  };
  const upload = async (file: File): Promise<{ path: string; url: string | null }> => {
    const stored = await context.files.upload(file);
    return { path: stored.path, url: context.files.url(stored) };
  };
  const watch = (names: string | string[], callback: () => void): void => {
    watchers.push({ names: Array.isArray(names) ? names : [names], callback });
  };
  // server.<name>(...args): the Python function of gr.HTML(server_functions=[...]), answered by the core.
  // "then" stays undefined so that the object itself is not mistaken for a promise.
  const server = new Proxy(
    {},
    {
      get: (_target, name) =>
        typeof name !== "string" || name === "then" ? undefined : (...args: unknown[]) => context.callServer(name, args),
    },
  );

  const start = async (): Promise<void> => {
    const head = str(props, "head");
    if (head !== "") await loadHead(head).catch((problem: unknown) => fail("head", problem));
    const script = props.js_on_load;
    if (typeof script !== "string" || script === "") return;
    try {
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the author's js_on_load is code by Gradio's design.
      new Function("element", "trigger", "props", "server", "upload", "watch", script)(element, trigger, live, server, upload, watch);
    } catch (problem) {
      fail("js_on_load", problem);
    }
  };

  const absorb = (next: Readonly<Props>): string[] => {
    const incoming: Scope = {
      ...(typeof next.props === "object" && next.props !== null ? (next.props as Scope) : {}),
      value: next.value ?? "",
      label: next.label ?? null,
      visible: next.visible ?? true,
    };
    const changed = Object.keys(incoming).filter((key) => JSON.stringify(values[key]) !== JSON.stringify(incoming[key]));
    Object.assign(values, incoming);
    return changed;
  };

  return {
    element,
    update(next) {
      props = next;
      const changed = absorb(next);
      const template = `${str(next, "html_template")}${str(next, "css_template")}`;
      if (engine === null && template.includes("{{")) {
        void loadHandlebars().then((loaded) => {
          engine = loaded;
          draw();
        }, (problem: unknown) => fail("Handlebars", problem));
      }
      draw();
      if (!started) {
        started = true;
        void start();
        return;
      }
      if (changed.length > 0) {
        for (const watcher of watchers) {
          if (watcher.names.some((name) => changed.includes(name))) {
            try {
              watcher.callback();
            } catch (problem) {
              fail("watch", problem);
            }
          }
        }
      }
    },
    getValue: () => values.value,
    destroy: () => style.remove(),
  };
}

/** Replace `target`'s content with `html`, keeping nodes that stay (and the listeners js_on_load put on them). */
function morph(target: HTMLElement, html: string): void {
  const next = document.createElement("div");
  next.innerHTML = html;
  morphdom(target, next, { childrenOnly: true });
}
