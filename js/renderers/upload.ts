import type { FileData } from "../protocol";
import { errorText } from "../errors";
import type { RenderContext } from "./types";

/**
 * The upload area of a file-backed component: a file input named by the
 * component's label, inside a zone that also takes dropped and pasted files.
 * Each chosen file goes to the core; the component gets the FileData back.
 * Failures (too large, wrong type) show under the zone, where the person looks.
 */
export interface UploadZone {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  /** `accept` as the input takes it; `multiple` for several files. */
  configure(options: { accept: string; multiple: boolean; enabled: boolean }): void;
  /** Show (or with "" clear) a message about the last upload. */
  say(message: string): void;
}

/** Why a chosen file cannot be used (said under the zone), or "" when it can. */
export type FileCheck = (file: File) => Promise<string>;

export function uploadZone(
  context: RenderContext,
  controlId: string,
  onUploaded: (files: FileData[]) => void,
  check?: FileCheck,
): UploadZone {
  const element = document.createElement("div");
  element.className = "pagelet-upload";
  const input = document.createElement("input");
  input.type = "file";
  input.id = controlId;
  input.className = "pagelet-upload-input";
  const hint = document.createElement("span");
  hint.className = "pagelet-upload-hint";
  hint.textContent = "Drop a file here, paste one, or choose one";
  const message = document.createElement("p");
  message.className = "pagelet-upload-message";
  message.setAttribute("role", "alert");
  message.hidden = true;
  element.append(input, hint, message);
  let enabled = true;
  let multiple = false;

  const say = (text: string): void => {
    message.textContent = text;
    message.hidden = text === "";
  };

  const send = async (files: File[]): Promise<void> => {
    if (!enabled || files.length === 0) return;
    const chosen = multiple ? files : files.slice(0, 1);
    const problems = check ? (await Promise.all(chosen.map(check))).filter((problem) => problem !== "") : [];
    if (problems.length > 0) {
      say(problems.join(" "));
      input.value = "";
      return;
    }
    say("Uploading…");
    element.setAttribute("aria-busy", "true");
    try {
      const uploaded = await Promise.all(chosen.map((file) => context.files.upload(file)));
      say("");
      onUploaded(uploaded);
    } catch (error) {
      say(errorText(error));
    } finally {
      element.removeAttribute("aria-busy");
      input.value = "";
    }
  };

  input.addEventListener("change", () => void send([...(input.files ?? [])]));
  element.addEventListener("dragover", (event) => {
    if (!enabled) return;
    event.preventDefault();
    element.classList.add("pagelet-dragging");
  });
  element.addEventListener("dragleave", () => element.classList.remove("pagelet-dragging"));
  element.addEventListener("drop", (event) => {
    element.classList.remove("pagelet-dragging");
    if (!enabled) return;
    event.preventDefault();
    void send([...(event.dataTransfer?.files ?? [])]);
  });
  element.addEventListener("paste", (event) => {
    const files = [...(event.clipboardData?.files ?? [])];
    if (files.length === 0) return;
    event.preventDefault();
    void send(files);
  });

  return {
    element,
    input,
    configure(options) {
      enabled = options.enabled;
      multiple = options.multiple;
      input.accept = options.accept;
      input.multiple = options.multiple;
      input.disabled = !options.enabled;
      element.hidden = !options.enabled;
      // A display has no file input in the page, as in Gradio (a page's `input[type=file]` is the one to use).
      if (!options.enabled) input.remove();
      else if (input.parentNode !== element) element.prepend(input);
    },
    say,
  };
}

/** Gradio's `file_types` ("image", ".csv") as an `accept` attribute. */
export function acceptAttribute(fileTypes: unknown): string {
  if (!Array.isArray(fileTypes)) return "";
  return fileTypes
    .filter((type: unknown): type is string => typeof type === "string")
    .map((type) => (type.startsWith(".") || type.includes("/") ? type : type === "file" ? "*/*" : `${type}/*`))
    .join(",");
}

/** A FileData value, or the FileData items of a list value. */
export function fileList(value: unknown): FileData[] {
  const items = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  return items.filter(
    (item: unknown): item is FileData => typeof item === "object" && item !== null && typeof (item as FileData).path === "string",
  );
}

/** The name a person knows a file by. */
export function fileName(file: FileData): string {
  return file.orig_name ?? file.path.split("/").pop() ?? file.path;
}

/** A link that downloads `file` under its own name; plain text when there is nothing to fetch. */
export function downloadLink(context: RenderContext, file: FileData, text = fileName(file)): HTMLElement {
  const url = context.files.url(file);
  if (url === null) {
    const span = document.createElement("span");
    span.textContent = text;
    return span;
  }
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName(file);
  link.textContent = text;
  return link;
}
