/**
 * The playground (a lazy chunk, loaded only when a page asks for one): the
 * code editor, a Run button (and Ctrl/Cmd+Enter), and a Share button that
 * puts the app in a link.
 */
import type { GradioAppController, ThemeMode } from "../controller";
import { createEditor, type CodeEditor } from "./editor";
import { errorLine } from "./error-line";
import { shareLink } from "./share";
import { injectPlaygroundStyles } from "./styles";

export interface PlaygroundOptions {
  /** The app's text files; the editor shows the entrypoint. */
  files: Record<string, string>;
  entrypoint: string;
  requirements: string[];
  theme?: ThemeMode;
  /** The page a Share link opens. */
  shareUrl: string;
  /** Shown above the editor, as an alert: why a share link could not be opened. */
  notice?: string;
}

export function mountPlayground(pane: HTMLElement, controller: GradioAppController, options: PlaygroundOptions): void {
  injectPlaygroundStyles(pane.ownerDocument);
  const { entrypoint } = options;
  const dark = options.theme === "dark" || (options.theme === undefined && matchMedia("(prefers-color-scheme: dark)").matches);

  const toolbar = element("div", "pagelet-playground-toolbar");
  const title = element("span", "pagelet-playground-file");
  title.textContent = entrypoint;
  const runButton = button("Run", "pagelet-playground-run");
  runButton.title = "Run (Ctrl+Enter)";
  const shareButton = button("Share", "pagelet-playground-share");
  toolbar.append(title, runButton, shareButton);

  const editorHost = element("div", "pagelet-playground-code");
  // What the last run did, for everyone: screen readers hear it, tests read it.
  const status = element("p", "pagelet-playground-status");
  status.setAttribute("role", "status");
  const share = sharePanel();
  if (options.notice !== undefined) {
    const notice = element("p", "pagelet-playground-notice");
    notice.setAttribute("role", "alert");
    notice.textContent = options.notice;
    pane.append(notice);
  }
  pane.append(toolbar, editorHost, status, share.element);

  let editor: CodeEditor | undefined;
  let running = false;
  let again = false;

  async function run(): Promise<void> {
    // A run asked for while one is going starts when it ends, with the text as it is then.
    if (running) {
      again = true;
      return;
    }
    running = true;
    runButton.setAttribute("aria-busy", "true");
    status.textContent = "Running…";
    try {
      await controller.write(entrypoint, editor?.text() ?? "");
      await controller.run_file(entrypoint);
      status.textContent = "The app is running.";
    } catch (error) {
      // An AppRequestError carries Python's traceback (checked by shape: this chunk imports no runtime code from lite.js).
      const traceback = (error as { traceback?: unknown } | null)?.traceback;
      const line = typeof traceback === "string" ? errorLine(traceback, entrypoint) : undefined;
      status.textContent = line === undefined ? "The app raised an error; see below." : `The app raised an error on line ${line}; see below.`;
    } finally {
      running = false;
      runButton.removeAttribute("aria-busy");
    }
    if (again) {
      again = false;
      await run();
    }
  }

  async function shareApp(): Promise<void> {
    const files = { ...options.files, [entrypoint]: editor?.text() ?? options.files[entrypoint] ?? "" };
    const link = shareLink(options.shareUrl, { files, entrypoint, requirements: options.requirements });
    await share.show(link);
  }

  editor = createEditor({ parent: editorHost, doc: options.files[entrypoint] ?? "", label: "Code", dark, onRun: () => void run() });
  runButton.addEventListener("click", () => void run());
  shareButton.addEventListener("click", () => void shareApp());
}

/** The Share result: the link in a field a person can select, and whether it was copied. */
function sharePanel(): { element: HTMLElement; show(link: string): Promise<void> } {
  const panel = element("div", "pagelet-playground-share-panel");
  panel.hidden = true;
  const label = element("label", "pagelet-playground-share-label");
  label.textContent = "Share link";
  const field = document.createElement("input");
  field.type = "url";
  field.readOnly = true;
  label.append(field);
  const note = element("p", "pagelet-playground-share-note");
  note.setAttribute("role", "status");
  const open = document.createElement("a");
  open.textContent = "Open the link";
  open.target = "_blank";
  open.rel = "noopener";
  panel.append(label, note, open);
  return {
    element: panel,
    async show(link) {
      field.value = link;
      open.href = link;
      panel.hidden = false;
      field.select();
      note.textContent = (await copied(link)) ? "Link copied to the clipboard." : "Select the link above and copy it.";
    },
  };
}

/** Copy to the clipboard where the page may; some browsers and embeddings forbid it. */
async function copied(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}

function button(label: string, className: string): HTMLButtonElement {
  const node = element("button", className);
  node.type = "button";
  node.textContent = label;
  return node;
}
