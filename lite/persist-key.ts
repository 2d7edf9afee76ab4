/**
 * Which persist folder store an app gets. Stores are IndexedDB databases of
 * the page's origin; the key tells apart the pages of an origin and the apps
 * of a page: the page's path and the app's id (the element's `id`, else its
 * place among the page's apps). A key given explicitly (`persist-key`,
 * `persistKey`) is used as it is, so that two pages can share one folder.
 */
let appsCreated = 0;

/** The key for an app created in `target`, unless one was given. */
export function persistKeyFor(target: HTMLElement, given: string | undefined): string {
  appsCreated += 1;
  if (given !== undefined && given !== "") return given;
  return `${location.pathname}#${target.id || `app-${String(appsCreated)}`}`;
}

/** The key of a `<gradio-lite>` element: its `persist-key`, else the page path and its id or place. */
export function elementPersistKey(element: HTMLElement): string {
  const given = element.getAttribute("persist-key");
  if (given) return given;
  const place = Array.from(element.ownerDocument.querySelectorAll("gradio-lite")).indexOf(element) + 1;
  return `${location.pathname}#${element.id || `gradio-lite-${String(place)}`}`;
}
