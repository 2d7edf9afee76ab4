/**
 * Reading an app out of a `<gradio-lite>` element:
 *
 * ```html
 * <gradio-lite index-urls="https://example.org/simple" shared-worker>
 *   <gradio-requirements>
 *     numpy   # one per line, comments allowed
 *   </gradio-requirements>
 *   <gradio-file name="app.py" entrypoint>...</gradio-file>
 *   <gradio-file name="data.csv" url="data/data.csv"></gradio-file>
 * </gradio-lite>
 * ```
 *
 * `<gradio-code>` holds the app's code as `app.py`; with neither it nor any
 * `<gradio-file>`, the element's own text is the app.
 */
import { fetchBytes } from "./fetch";
import type { PageletAppOptions } from "./app";
import type { GradioAppOptions } from "./controller";

const FILE_TIMEOUT_MS = 30_000;
const DEFAULT_ENTRYPOINT = "app.py";

/**
 * Remove the indentation common to all non-blank lines, as Python's
 * `textwrap.dedent` does, and the blank lines around the code. Code written
 * inside an indented HTML element would otherwise not parse.
 */
export function dedent(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n").map((line) => (line.trim() === "" ? "" : line));
  let margin: string | undefined;
  for (const line of lines) {
    if (line === "") continue;
    const indent = /^[ \t]*/.exec(line)?.[0] ?? "";
    if (margin === undefined || margin.startsWith(indent)) margin = indent;
    else if (!indent.startsWith(margin)) {
      let i = 0;
      while (i < margin.length && margin[i] === indent[i]) i++;
      margin = margin.slice(0, i);
    }
  }
  const cut = margin?.length ?? 0;
  const body = lines.map((line) => line.slice(cut)).join("\n");
  return body.replace(/^\n+/, "").trimEnd() + "\n";
}

/** Requirement strings, one per line; `#` starts a comment at a line's start or after a space. */
export function parseRequirements(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, "").trim())
    .filter((line) => line !== "");
}

/** Index URLs from an attribute, separated by spaces or commas. */
export function splitIndexUrls(value: string | null): string[] {
  return value === null ? [] : value.split(/[\s,]+/).filter((url) => url !== "");
}

function children(element: Element, tag: string): Element[] {
  return Array.from(element.children).filter((child) => child.localName === tag);
}

/** Text of the element's own text, leaving out the sub-elements that are not code. */
function inlineCode(element: Element): string {
  let text = "";
  for (const node of Array.from(element.childNodes)) {
    if (node instanceof Element && (node.localName === "gradio-requirements" || node.hasAttribute("slot"))) continue;
    text += node.textContent ?? "";
  }
  return text;
}

/**
 * Read the app that a `<gradio-lite>` element holds. Files with a `url` are
 * fetched, relative to the page, with a timeout.
 */
export async function readAppSource(element: Element): Promise<PageletAppOptions> {
  const baseUrl = element.ownerDocument.baseURI;
  const files: Record<string, string | Uint8Array> = {};
  let entrypoint: string | undefined;

  for (const file of children(element, "gradio-file")) {
    const name = file.getAttribute("name");
    if (!name) throw new Error("Each <gradio-file> needs a name attribute, e.g. name=\"app.py\".");
    const url = file.getAttribute("url");
    files[name] = url ? new Uint8Array(await fetchBytes(new URL(url, baseUrl).href, FILE_TIMEOUT_MS)) : dedent(file.textContent ?? "");
    if (file.hasAttribute("entrypoint")) entrypoint = name;
  }
  const code = children(element, "gradio-code")[0];
  if (code) {
    files[DEFAULT_ENTRYPOINT] = dedent(code.textContent ?? "");
    entrypoint ??= DEFAULT_ENTRYPOINT;
  }
  if (Object.keys(files).length === 0) {
    files[DEFAULT_ENTRYPOINT] = dedent(inlineCode(element));
  }

  const requirements = children(element, "gradio-requirements").flatMap((node) => parseRequirements(node.textContent ?? ""));

  return {
    files,
    ...(entrypoint !== undefined ? { entrypoint } : {}),
    requirements,
    indexUrls: splitIndexUrls(element.getAttribute("index-urls")),
    ...(element.hasAttribute("package-base-url") ? { packageBaseUrl: element.getAttribute("package-base-url") ?? "" } : {}),
    ...(element.hasAttribute("shared-worker") ? { sharedWorker: true } : {}),
  };
}

/**
 * The element's display attributes: `playground` (a code editor beside the
 * app), `layout="horizontal" | "vertical"`, `theme="light" | "dark"`, and
 * `share-url` (the page a Share link opens).
 */
export function readDisplayOptions(element: Element): Pick<GradioAppOptions, "playground" | "layout" | "theme" | "shareUrl"> {
  const shareUrl = element.getAttribute("share-url");
  return {
    playground: element.hasAttribute("playground"),
    layout: element.getAttribute("layout"),
    theme: element.getAttribute("theme"),
    ...(shareUrl ? { shareUrl: new URL(shareUrl, element.ownerDocument.baseURI).href } : {}),
  };
}
