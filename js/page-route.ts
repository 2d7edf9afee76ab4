/**
 * Which page of a multipage app (`demo.route(...)`) the window shows, and the
 * address of each page.
 *
 * On a server each page has its own path (`/settings`), as in Gradio: the
 * server page calls `usePathPages()` and a link is a plain navigation. A
 * `<gradio-lite>` page is one static file with no server routes, so its pages
 * live in the URL's hash (`#settings`): a hash link switches page without a
 * reload (each page keeps what was typed in it), back and forward work with
 * no script of ours, any static host serves it, and the query string stays
 * the app's own (`gr.Request.query_params`, `?deep_link=`). A hash that names
 * no page (a Markdown heading's anchor) leaves the page as it is.
 */

type PageLinks = "path" | "hash";
let links: PageLinks = "hash";

/** Pages are server paths from now on (the server page calls this before mounting). */
export function usePathPages(): void {
  links = "path";
}

export function pagesInHash(): boolean {
  return links === "hash";
}

/** The page path the address names, without its query: "" for the home page. */
export function addressedPage(): string {
  const raw = links === "path" ? (location.pathname.split("/").pop() ?? "") : location.hash.replace(/^#\/?/, "");
  const path = raw.split("?")[0] ?? "";
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** The `href` of a navbar link to `route`: a page's path (maybe with a query) or an absolute URL. */
export function pageHref(route: string): string {
  if (/^https?:\/\//.test(route)) return route;
  const relative = route.replace(/^\/+/, "");
  if (links === "hash") return relative === "" ? "#" : `#${relative}`;
  return new URL(relative === "" ? "./" : relative, new URL("./", location.href)).href;
}
