/**
 * Styles of lite's own pieces: the boot indicator and the failure panel. They
 * go in with the script, so they apply from the first frame with no request;
 * the host's styles come from `lite.css`, linked by `loadStylesheet`.
 */
const CSS = `
.pagelet-boot {
  font: 14px/1.4 system-ui, sans-serif; color: #444; padding: 1.5rem 1rem;
  max-width: 28rem; margin: 0 auto;
}
.pagelet-boot-bar {
  height: 4px; border-radius: 2px; background: #e5e7eb; overflow: hidden; margin-bottom: 0.5rem;
}
.pagelet-boot-bar::before {
  content: ""; display: block; height: 100%; background: #f97316;
  width: calc(var(--pagelet-progress, 0) * 100%); transition: width 0.3s ease;
}
.pagelet-boot-label { margin: 0; text-align: center; }
.pagelet-model-progress {
  font: 14px/1.4 system-ui, sans-serif; color: #444; padding: 0.5rem 1rem; max-width: 28rem; margin: 0 auto;
}
.pagelet-model-progress[hidden] { display: none; }
.pagelet-failure {
  font: 14px/1.4 system-ui, sans-serif; color: #7f1d1d; background: #fef2f2;
  border: 1px solid #fca5a5; border-radius: 6px; padding: 0.75rem 1rem; margin: 0.5rem 0;
}
.pagelet-failure-title { font-weight: 600; margin: 0 0 0.25rem; }
.pagelet-failure-message { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.pagelet-failure-traceback {
  font: 12px/1.4 ui-monospace, monospace; background: #fff; color: #111; border: 1px solid #fecaca;
  border-radius: 4px; padding: 0.5rem; margin: 0.5rem 0 0; overflow: auto; max-height: 24rem;
}
.pagelet-restart {
  font: inherit; margin-top: 0.5rem; padding: 0.25rem 0.9rem; border-radius: 4px; cursor: pointer;
  border: 1px solid #b91c1c; background: #b91c1c; color: #fff;
}
`;

const STYLE_ID = "pagelet-lite-style";
const LINK_ID = "pagelet-lite-css";

/** Add lite's styles to the document, once. */
export function injectStyles(doc: Document = document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement("style");
  style.id = STYLE_ID;
  style.textContent = CSS;
  doc.head.prepend(style);
}

/**
 * Link the built stylesheet (`lite.css`, the host's styles) from next to this
 * script, once. A page includes only `lite.js`; it must not need to know more.
 */
export function loadStylesheet(href: string, doc: Document = document): void {
  if (doc.getElementById(LINK_ID)) return;
  const link = doc.createElement("link");
  link.id = LINK_ID;
  link.rel = "stylesheet";
  link.href = href;
  doc.head.append(link);
}
