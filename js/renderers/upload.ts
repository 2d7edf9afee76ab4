import type { FileData } from "../protocol";
import { errorText } from "../errors";
import type { RenderContext } from "./types";

/** What a zone takes: it picks the zone's words, as Gradio's upload text does. */
export type UploadKind = "file" | "image" | "video" | "audio" | "gallery";

// Gradio's upload text (English) and the name of its upload control: apps'
// tests and their users know the zone by these words.
const DROP_TEXT: Record<UploadKind, string> = {
  file: "Drop File Here",
  image: "Drop Image Here",
  video: "Drop Video Here",
  audio: "Drop Audio Here",
  gallery: "Drop Media Here",
};
const CONTROL_NAME: Record<UploadKind, string> = {
  file: "Click to upload or drop files",
  image: "Drop an image file here to upload",
  video: "Drop a video file here to upload",
  audio: "Drop an audio file here to upload",
  gallery: "Click to upload or drop files",
};

/**
 * The upload area of a file-backed component: a file input named by the
 * component's label, inside a zone that also takes clicks, dropped and
 * pasted files. Each file goes to the core; the component gets the FileData
 * back. A refusal (too large, a type the field does not take) is an error
 * toast, as in Gradio; the zone itself says only that an upload is under way.
 * A zone that is not enabled has no input at all, so an output shows none.
 */
export interface UploadZone {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  /** `accept` as the input takes it; `multiple` for several files. */
  configure(options: { accept: string; multiple: boolean; enabled: boolean }): void;
  /** Show (or with "" clear) a message about the last upload. */
  say(message: string): void;
  /** Upload `files` as if they were dropped on the zone (a paste from the clipboard). */
  take(files: File[]): Promise<void>;
}

/**
 * The first picture on the clipboard as a file, or null when it holds none
 * (or the browser will not let the page read it).
 */
export async function clipboardImage(): Promise<File | null> {
  const items = await navigator.clipboard.read();
  for (const item of items) {
    const type = item.types.find((candidate) => candidate.startsWith("image/"));
    if (type === undefined) continue;
    const blob = await item.getType(type);
    return new File([blob], `clipboard.${type.slice("image/".length)}`, { type });
  }
  return null;
}

/** Why a chosen file cannot be used, or "" when it can. */
export type FileCheck = (file: File) => Promise<string>;

export interface UploadZoneOptions {
  /** A check of each file before it is uploaded. */
  readonly check?: FileCheck;
  readonly kind?: UploadKind;
  /** The id of the component's label, which names the input first. */
  readonly labelId?: string;
}

export function uploadZone(
  context: RenderContext,
  controlId: string,
  onUploaded: (files: FileData[]) => void,
  options: UploadZoneOptions = {},
): UploadZone {
  const kind = options.kind ?? "file";
  const element = document.createElement("div");
  element.className = "pagelet-upload";
  const input = document.createElement("input");
  input.type = "file";
  input.id = controlId;
  input.className = "pagelet-upload-input";
  // The input is named by the label, then by what it does (Gradio's name for the control).
  const action = document.createElement("span");
  action.id = `${controlId}-action`;
  action.hidden = true;
  action.textContent = CONTROL_NAME[kind];
  if (options.labelId !== undefined) input.setAttribute("aria-labelledby", `${options.labelId} ${action.id}`);
  const hint = document.createElement("span");
  hint.className = "pagelet-upload-hint";
  // The spaces keep the words apart in the block's text ("Label Drop File Here - or - ...").
  hint.append(` ${DROP_TEXT[kind]} `);
  const or = document.createElement("span");
  or.className = "pagelet-upload-or";
  or.textContent = "- or -";
  hint.append(or, " Click to Upload ");
  const message = document.createElement("p");
  message.className = "pagelet-upload-message";
  message.setAttribute("role", "alert");
  message.hidden = true;
  // The hidden name goes last: the block's text reads "Label Drop File Here - or - Click to Upload".
  element.append(input, hint, message, action);
  let enabled = true;
  let multiple = false;

  const say = (text: string): void => {
    message.textContent = text;
    message.hidden = text === "";
  };

  const send = async (files: File[]): Promise<void> => {
    if (!enabled || files.length === 0) return;
    const chosen = multiple ? files : files.slice(0, 1);
    const wrongType = chosen.filter((file) => !acceptsFile(input.accept, file)).map((file) => `${file.name} is not a type this field takes (${input.accept}).`);
    const problems = wrongType.length > 0 ? wrongType : options.check ? (await Promise.all(chosen.map(options.check))).filter((problem) => problem !== "") : [];
    if (problems.length > 0) {
      context.report(problems.join(" "));
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
      say("");
      context.report(errorText(error));
    } finally {
      element.removeAttribute("aria-busy");
      input.value = "";
    }
  };

  input.addEventListener("change", () => void send([...(input.files ?? [])]));
  // Anywhere in the zone opens the file chooser, as Gradio's upload area does.
  element.addEventListener("click", (event) => {
    if (enabled && event.target !== input) input.click();
  });
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
    configure(next) {
      enabled = next.enabled;
      multiple = next.multiple;
      input.accept = next.accept;
      input.multiple = next.multiple;
      input.disabled = !next.enabled;
      element.hidden = !next.enabled;
      if (!next.enabled) input.remove();
      else if (!input.isConnected || input.parentElement !== element) element.prepend(input);
    },
    say,
    take: send,
  };
}

/**
 * Whether `file` is one an `accept` list takes: an extension ends its name
 * (".nii.gz" too), "kind/*" starts its type. A file the browser gave no type
 * is let through to the core, which checks it again by name.
 */
export function acceptsFile(accept: string, file: File): boolean {
  const entries = accept.split(",").map((entry) => entry.trim().toLowerCase()).filter((entry) => entry !== "");
  if (entries.length === 0) return true;
  const name = file.name.toLowerCase();
  const type = file.type.toLowerCase();
  return entries.some((entry) => {
    if (entry.startsWith(".")) return name.endsWith(entry);
    if (entry === "*" || entry === "*/*") return true;
    if (type === "") return true;
    if (entry.endsWith("/*")) return type.startsWith(entry.slice(0, -1));
    return type === entry;
  });
}

/**
 * Gradio's `file_types` ("image", ".csv") as an `accept` attribute. A
 * compound extension (".nii.gz") brings its last part too, since a browser's
 * chooser matches only that; the name check keeps the whole of it.
 */
export function acceptAttribute(fileTypes: unknown): string {
  if (!Array.isArray(fileTypes)) return "";
  const entries: string[] = [];
  for (const type of fileTypes) {
    if (typeof type !== "string") continue;
    entries.push(type.startsWith(".") || type.includes("/") ? type : type === "file" ? "*/*" : `${type}/*`);
    const last = type.startsWith(".") ? type.slice(type.lastIndexOf(".")) : "";
    if (last !== "" && last !== type) entries.push(last);
  }
  return [...new Set(entries)].join(", ");
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
