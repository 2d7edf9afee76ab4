/**
 * Styles of a lazily loaded renderer. They come with its chunk (imported with
 * `?inline`) and are added to the document once, when the first component of
 * the kind is drawn, so they cost nothing to an app without it: lite.css,
 * which every app loads at start-up, stays as it is.
 */
const added = new Set<string>();

export function addChunkStyle(name: string, css: string): void {
  if (added.has(name)) return;
  added.add(name);
  const style = document.createElement("style");
  style.dataset.pageletStyle = name;
  style.textContent = css;
  document.head.append(style);
}
