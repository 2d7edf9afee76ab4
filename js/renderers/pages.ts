import css from "./pages.css?inline";
import { addChunkStyle } from "./chunk-style";
import { addressedPage, pageHref, pagesInHash } from "../page-route";
import { bool, str } from "./props";
import { stackedContent } from "./tabs";
import type { Props } from "../protocol";
import type { ChildView, ComponentView, Renderer } from "./types";

/** `gr.Navbar`s on the page, by their (never shown) element, and who wants to hear of a change. */
const navbars = new Map<HTMLElement, Readonly<Props>>();
const navbarWatchers = new Set<() => void>();
const navbarsChanged = (): void => navbarWatchers.forEach((watch) => watch());

/** `gr.Navbar` draws nothing where it stands: it tells the navbar how to look (Gradio does the same). */
export const navbar: Renderer = (): ComponentView => {
  const element = document.createElement("div");
  element.className = "pagelet-navbar-settings";
  element.style.display = "none";
  let value: unknown = null;
  return {
    element,
    update(props) {
      value = props.value ?? null;
      navbars.set(element, props);
      navbarsChanged();
    },
    getValue: () => value,
    destroy() {
      navbars.delete(element);
      navbarsChanged();
    },
  };
};

/** One page's blocks, stacked. */
export const page: Renderer = (context) => stackedContent(context, "pagelet-page");

type Link = readonly [route: string, label: string];

function linkPairs(value: unknown): Link[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((pair: unknown): Link[] =>
    Array.isArray(pair) && typeof pair[0] === "string" && typeof pair[1] === "string" ? [[pair[1], pair[0]]] : [],
  );
}

/**
 * The links of the navbar, by Gradio 6's rules: the pages shown in the navbar
 * (the home page unless `main_page_name=False`, renamed by `main_page_name`),
 * then the Navbar's `value` links to routes not already there.
 */
function navbarLinks(pages: readonly ChildView[], settings: Readonly<Props> | null): Link[] {
  const mainName = settings?.main_page_name;
  const links: Link[] = pages.flatMap((child, index): Link[] => {
    const props = child.props();
    const route = str(props, "path");
    if (index === 0 && route === "") {
      if (mainName === false) return [];
      return [[route, typeof mainName === "string" && mainName !== "" ? mainName : str(props, "name", "Home")]];
    }
    return bool(props, "show_in_navbar", true) ? [[route, str(props, "name", route)]] : [];
  });
  const known = new Set(links.map(([route]) => route));
  return [...links, ...linkPairs(settings?.value).filter(([route]) => !known.has(route))];
}

/**
 * A multipage app's pages: the one the address names is shown (see
 * `page-route`), the others kept out of the document with what was entered in them; the
 * navbar above links them. The Navbar settings that apply are the ones on the
 * shown page, else the first on any page.
 */
export const pages: Renderer = (context): ComponentView => {
  addChunkStyle("pages", css);
  const element = document.createElement("div");
  element.className = "pagelet-pages";
  const nav = document.createElement("nav");
  nav.className = "pagelet-navbar";
  nav.setAttribute("aria-label", "Pages");
  element.append(nav);
  const panels = context.children.map((child) => {
    const panel = document.createElement("div");
    panel.className = "pagelet-page-panel";
    if (child.element) panel.append(child.element);
    return { child, panel };
  });
  let shown = 0;

  const settings = (): Readonly<Props> | null => {
    // Pages not shown are off the document, so a navbar is looked for in each page's own element.
    const current = panels[shown]?.child.element;
    let first: Readonly<Props> | null = null;
    for (const [holder, props] of navbars) {
      if (!panels.some(({ panel }) => panel.contains(holder))) continue;
      if (current?.contains(holder)) return props;
      first ??= props;
    }
    return first;
  };

  const drawNavbar = (): void => {
    const chosen = settings();
    nav.hidden = panels.length < 2 || chosen?.visible === false;
    const here = str(panels[shown]?.child.props() ?? {}, "path");
    nav.replaceChildren(
      ...navbarLinks(
        panels.map(({ child }) => child),
        chosen,
      ).map(([route, label]) => {
        const link = document.createElement("a");
        link.href = pageHref(route);
        link.textContent = label;
        if (/^https?:\/\//.test(route)) {
          link.target = "_blank";
          link.rel = "noopener noreferrer";
        } else if (route.split("?")[0]?.replace(/^\/+/, "") === here) {
          link.setAttribute("aria-current", "page");
        }
        return link;
      }),
    );
  };

  const showAddressed = (): void => {
    const wanted = addressedPage();
    const index = panels.findIndex(({ child }) => str(child.props(), "path") === wanted);
    if (index >= 0) shown = index;
    // Only the shown page is in the document, as in Gradio: the others keep what was entered
    // in them, but a search of the page (a test's, a screen reader's) does not find them.
    panels.forEach(({ panel }, i) => {
      if (i === shown) element.append(panel);
      else panel.remove();
    });
    drawNavbar();
  };

  if (pagesInHash()) window.addEventListener("hashchange", showAddressed);
  navbarWatchers.add(drawNavbar);
  context.onChildUpdate(drawNavbar);

  return {
    element,
    update: showAddressed,
    getValue: () => undefined,
    destroy() {
      window.removeEventListener("hashchange", showAddressed);
      navbarWatchers.delete(drawNavbar);
    },
  };
};
