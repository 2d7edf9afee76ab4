import type { Props } from "../protocol";
import type { FileAccess } from "../files";
import { displayText } from "./props";
import { fileList, fileName } from "./upload";

/**
 * The corner toolbar of Gradio 6's `buttons=`: "copy" (the value as text),
 * "copy_all" (a chat, as text), "fullscreen" (the component's block), a
 * "download" for text components (code, textbox) and the app's own
 * gr.Button instances, whose click fires their listeners. Media components
 * draw their own download link; "share" needs Hugging Face Spaces and
 * "download_all"/"export" are not drawn.
 */
export interface ToolbarHost {
  /** The component's type and current value. */
  readonly type: string;
  value(): unknown;
  /** Fire `click` on the toolbar's gr.Button with this id. */
  click(id: number): void;
  readonly files: FileAccess;
}

const TEXT_DOWNLOADS: ReadonlySet<string> = new Set(["code", "textbox"]);
const COPIED_FOR_MS = 1500;

const toolbars = new WeakMap<HTMLElement, HTMLElement>();

function chatText(value: unknown): string {
  if (!Array.isArray(value)) return displayText(value);
  return value
    .map((message: unknown) => {
      const record = (typeof message === "object" && message !== null ? message : {}) as Record<string, unknown>;
      return `${displayText(record.role)}: ${displayText(record.content)}`;
    })
    .join("\n");
}

function valueText(type: string, value: unknown): string {
  if (type === "json" || type === "dataframe") return JSON.stringify(value ?? null, null, 2);
  return displayText(value);
}

function iconButton(label: string, onClick: (button: HTMLButtonElement) => void): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "pagelet-toolbar-button";
  button.setAttribute("aria-label", label);
  button.title = label;
  button.textContent = label;
  button.addEventListener("click", () => onClick(button));
  return button;
}

function copier(label: string, copiedLabel: string, text: () => string): HTMLButtonElement {
  return iconButton(label, (button) => {
    // No clipboard on an insecure page: then the promise rejects rather than the click throwing.
    void Promise.resolve().then(() => navigator.clipboard.writeText(text())).then(
      () => {
        button.setAttribute("aria-label", copiedLabel);
        button.textContent = copiedLabel;
        window.setTimeout(() => {
          button.setAttribute("aria-label", label);
          button.textContent = label;
        }, COPIED_FOR_MS);
      },
      () => button.setAttribute("title", "The browser refused the clipboard"),
    );
  });
}

function save(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function buttonsFor(element: HTMLElement, props: Readonly<Props>, host: ToolbarHost): HTMLButtonElement[] {
  const raw = Array.isArray(props.buttons) ? (props.buttons as unknown[]) : [];
  const made: HTMLButtonElement[] = [];
  for (const entry of raw) {
    if (typeof entry === "object" && entry !== null) {
      const { id, value } = entry as { id?: unknown; value?: unknown };
      if (typeof id === "number") made.push(iconButton(displayText(value), () => host.click(id)));
      continue;
    }
    switch (entry) {
      case "copy":
        // A chat's "copy" is per message in Gradio; the whole chat is "copy_all".
        if (host.type !== "chatbot") made.push(copier("Copy", "Copied", () => valueText(host.type, host.value())));
        break;
      case "copy_all":
        made.push(copier("Copy conversation", "Copied conversation", () => chatText(host.value())));
        break;
      case "fullscreen":
        made.push(
          iconButton("Fullscreen", () => {
            if (document.fullscreenElement === element) void document.exitFullscreen();
            else void element.requestFullscreen?.();
          }),
        );
        break;
      case "download":
        if (TEXT_DOWNLOADS.has(host.type)) {
          made.push(iconButton("Download", () => save(host.type === "code" ? "code.txt" : "text.txt", displayText(host.value()))));
        } else if (host.type === "downloadbutton" || host.type === "file") {
          const [file] = fileList(host.value());
          const url = file ? host.files.url(file) : null;
          if (file && url !== null) made.push(iconButton("Download", () => {
            const link = document.createElement("a");
            link.href = url;
            link.download = fileName(file);
            link.click();
          }));
        }
        break;
      default:
        break;
    }
  }
  return made;
}

/** Show (or refresh, or remove) the toolbar of the block `element` from its `buttons` prop. */
export function showToolbar(element: HTMLElement, props: Readonly<Props>, host: ToolbarHost): void {
  const buttons = buttonsFor(element, props, host);
  let toolbar = toolbars.get(element);
  if (buttons.length === 0) {
    toolbar?.remove();
    toolbars.delete(element);
    return;
  }
  if (toolbar === undefined) {
    toolbar = document.createElement("div");
    toolbar.className = "pagelet-toolbar";
    toolbar.setAttribute("role", "toolbar");
    toolbars.set(element, toolbar);
  }
  const label = typeof props.label === "string" && props.label !== "" ? props.label : host.type;
  toolbar.setAttribute("aria-label", `${label} tools`);
  toolbar.replaceChildren(...buttons);
  if (toolbar.parentElement !== element) element.prepend(toolbar);
}
