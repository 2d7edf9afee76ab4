import DOMPurify, { type Config } from "dompurify";

/**
 * The one place where markup from the app (gr.Markdown, gr.HTML, chat
 * bubbles) becomes DOM. Its text may be a visitor's (`f"Hello {name}"`), and
 * the host cannot tell the author's part from the visitor's, so one policy
 * holds for all of it (SECURITY.md): DOMPurify's defaults remove script,
 * event handlers and `javascript:` URLs, and on top of them the markup never
 * makes the browser contact a host other than the page's own by itself: no
 * remote image, video poster, SVG reference or CSS `url()`. A link still
 * leaves the page, but only when a person clicks it.
 */
const purifier = DOMPurify(window);

const POLICY: Config & { RETURN_DOM_FRAGMENT: true } = {
  RETURN_DOM_FRAGMENT: true,
  // `<style>` restyles the whole page and may @import a remote sheet;
  // `<form>` would submit the page away, unloading the running app.
  FORBID_TAGS: ["style", "form"],
  // They fetch or send without a click (`srcset` and `background` load
  // images, `ping` posts on a click), and nothing safe needs them.
  FORBID_ATTR: ["srcset", "background", "ping", "action", "formaction"],
};

// Attributes whose URL the browser loads by itself (an `href` only off links).
const LOADING_ATTRIBUTES = ["src", "poster", "data", "href", "xlink:href"];
const LINKS = new Set(["a", "area"]);
// A CSS reference to an element of this document is harmless (an SVG gradient).
const LOCAL_REFERENCE = /^url\(\s*["']?#[\w-]*["']?\s*\)$/i;
// CSS functions that fetch: url() and the image functions that take a bare string.
const FETCHING_FUNCTION = /(?:url|image-set|image|cross-fade|element)\s*\(/gi;

function isAnotherHost(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value, document.baseURI);
  } catch {
    return true;
  }
  if (url.protocol === "data:" || url.protocol === "blob:") return false;
  return url.origin !== window.location.origin;
}

/** Whether a CSS value (as the browser serialized it, escapes resolved) may fetch something. */
function fetchesInCss(value: string): boolean {
  for (const match of value.matchAll(FETCHING_FUNCTION)) {
    const rest = value.slice(match.index);
    if (!LOCAL_REFERENCE.test(rest.slice(0, rest.indexOf(")") + 1))) return true;
  }
  return false;
}

function dropFetchingStyles(element: Element): void {
  const style = (element as HTMLElement | SVGElement).style as CSSStyleDeclaration | undefined;
  if (!style || !element.hasAttribute("style")) return;
  for (const property of [...style]) {
    if (fetchesInCss(style.getPropertyValue(property))) style.removeProperty(property);
  }
  if (style.length === 0) element.removeAttribute("style");
}

purifier.addHook("afterSanitizeAttributes", (node) => {
  if (!(node instanceof Element)) return;
  const tag = node.localName;
  for (const name of LOADING_ATTRIBUTES) {
    const value = node.getAttribute(name);
    if (value === null || (name.endsWith("href") && LINKS.has(tag)) || !isAnotherHost(value)) continue;
    node.removeAttribute(name);
    // Kept aside, so the image can be offered as a link (see `sanitizedFragment`).
    if (tag === "img" && name === "src") node.setAttribute("data-pagelet-remote", new URL(value, document.baseURI).href);
  }
  dropFetchingStyles(node);
  if (node.namespaceURI === "http://www.w3.org/2000/svg") {
    // SVG presentation attributes (fill, filter, mask ...) are CSS values too.
    for (const attribute of [...node.attributes]) {
      if (attribute.name !== "style" && (attribute.value.includes("\\") || fetchesInCss(attribute.value))) {
        node.removeAttribute(attribute.name);
      }
    }
  }
});

/** A remote image becomes a link to it: nothing is fetched unless a person asks. */
function remoteImageAsLink(image: HTMLImageElement): HTMLAnchorElement {
  const link = image.ownerDocument.createElement("a");
  link.href = image.getAttribute("data-pagelet-remote") ?? "";
  link.textContent = image.alt || link.href;
  link.className = "pagelet-remote-image";
  link.title = "Image from another site, not loaded";
  return link;
}

/**
 * App-supplied HTML as a fragment that cannot run script or fetch from
 * another host. Links that leave the page open in a new tab, so a click never
 * unloads the running app. The fragment still belongs to DOMPurify's inert
 * document here, so nothing in it has started loading.
 */
export function sanitizedFragment(html: string): DocumentFragment {
  const fragment = purifier.sanitize(html, POLICY);
  for (const image of fragment.querySelectorAll<HTMLImageElement>("img[data-pagelet-remote]")) {
    image.replaceWith(remoteImageAsLink(image));
  }
  // As Gradio: every link but a jump within the page (`#...`) opens a new tab, relative ones
  // included, which would otherwise replace the page and lose the app's state.
  for (const link of fragment.querySelectorAll<HTMLAnchorElement>("a[href], area[href]")) {
    const href = (link.getAttribute("href") ?? "").trim();
    if (href !== "" && !href.startsWith("#")) {
      link.target = "_blank";
      link.rel = "noopener noreferrer";
    }
  }
  return fragment;
}
