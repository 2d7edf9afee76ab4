/** The playground's own styles, added with its chunk: a page without a playground never loads them. */
const CSS = `
.pagelet-playground { display: grid; gap: 1rem; align-items: start; }
.pagelet-playground.pagelet-layout-horizontal { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
.pagelet-playground.pagelet-layout-vertical { grid-template-columns: minmax(0, 1fr); }
@media (max-width: 720px) {
  .pagelet-playground.pagelet-layout-horizontal { grid-template-columns: minmax(0, 1fr); }
}
/* Light or dark as the system says, unless the app's theme attribute forces one. */
.pagelet-playground { color-scheme: light dark; }
.pagelet-playground.pagelet-theme-light { color-scheme: light; }
.pagelet-playground.pagelet-theme-dark { color-scheme: dark; }
.pagelet-playground-editor {
  --pg-text: light-dark(#1f2937, #f3f4f6); --pg-muted: light-dark(#6b7280, #9ca3af);
  --pg-border: light-dark(#e5e7eb, #374151); --pg-surface: light-dark(#f9fafb, #1f2937);
  display: flex; flex-direction: column; gap: 0.5rem; min-width: 0;
  font: 14px/1.4 system-ui, sans-serif; color: var(--pg-text);
}
.pagelet-playground-toolbar { display: flex; align-items: center; gap: 0.5rem; }
.pagelet-playground-file { flex: 1; font-family: ui-monospace, monospace; color: var(--pg-muted); }
.pagelet-playground-toolbar button {
  font: inherit; padding: 0.35rem 0.9rem; border-radius: 6px; cursor: pointer;
  border: 1px solid var(--pg-border); background: var(--pg-surface); color: var(--pg-text);
}
.pagelet-playground-toolbar .pagelet-playground-run { background: #f97316; border-color: #ea580c; color: #fff; }
.pagelet-playground-toolbar button:focus-visible { outline: 2px solid #fdba74; outline-offset: 2px; }
.pagelet-playground-run[aria-busy="true"] { opacity: 0.7; }
.pagelet-playground-code { border: 1px solid var(--pg-border); border-radius: 6px; overflow: hidden; }
.pagelet-playground-status { margin: 0; min-height: 1.4em; color: var(--pg-muted); }
.pagelet-playground-share-panel { display: flex; flex-direction: column; gap: 0.25rem; }
.pagelet-playground-share-panel[hidden] { display: none; }
.pagelet-playground-share-label { display: flex; flex-direction: column; gap: 0.25rem; }
.pagelet-playground-share-label input {
  font: 12px ui-monospace, monospace; padding: 0.35rem; border: 1px solid var(--pg-border); border-radius: 6px;
  background: var(--pg-surface); color: var(--pg-text);
}
.pagelet-playground-share-note { margin: 0; color: var(--pg-muted); }
.pagelet-playground-app { min-width: 0; }
.pagelet-playground-notice {
  margin: 0; padding: 0.5rem 0.75rem; border-radius: 6px;
  border: 1px solid #fca5a5; background: light-dark(#fef2f2, #450a0a); color: light-dark(#7f1d1d, #fecaca);
}
`;

const STYLE_ID = "pagelet-playground-style";

export function injectPlaygroundStyles(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement("style");
  style.id = STYLE_ID;
  style.textContent = CSS;
  doc.head.append(style);
}
