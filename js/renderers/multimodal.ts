import { blockElement, caption, interactive, showCaption } from "./block";
import { bool, num, str } from "./props";
import { acceptAttribute, fileList, fileName } from "./upload";
import { errorText } from "../errors";
import type { FileData } from "../protocol";
import type { ComponentView, RenderContext, Renderer } from "./types";

/** Pasted text longer than this becomes a text file, as Gradio's box does (its `max_plain_text_length`). */
const MAX_PASTED_TEXT = 1000;

function valueOf(value: unknown): { text: string; files: FileData[] } {
  if (typeof value === "string") return { text: value, files: [] };
  if (typeof value !== "object" || value === null) return { text: "", files: [] };
  const { text, files } = value as Record<string, unknown>;
  return { text: typeof text === "string" ? text : "", files: fileList(files) };
}

function boxButton(label: string, className: string, symbol: string, onClick: () => void): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = className;
  button.setAttribute("aria-label", label);
  button.textContent = symbol;
  button.addEventListener("click", onClick);
  return button;
}

/**
 * One attached file as Gradio shows it (`.thumbnail-item`): a picture's
 * thumbnail, else a symbol for its kind, and a button that takes it off.
 */
function thumbnail(context: RenderContext, file: FileData, onRemove: () => void): HTMLElement {
  const item = document.createElement("li");
  item.className = "thumbnail-wrapper";
  const box = document.createElement("div");
  box.className = "thumbnail-item thumbnail-small";
  const mime = file.mime_type ?? "";
  const url = context.files.url(file);
  if (mime.startsWith("image/") && url !== null) {
    const image = document.createElement("img");
    image.className = "thumbnail-image";
    image.src = url;
    // Gradio leaves the thumbnail unnamed; the file's name tells a screen reader which one it is.
    image.alt = fileName(file);
    box.append(image);
  } else {
    const symbol = document.createElement("span");
    symbol.className = "pagelet-thumbnail-kind";
    symbol.textContent = mime.startsWith("audio/") ? "♪" : mime.startsWith("video/") ? "▶" : "📄";
    symbol.title = fileName(file);
    symbol.setAttribute("aria-label", fileName(file));
    box.append(symbol);
  }
  // Named after the file (Gradio says "Remove file"): with several attached, each button says which.
  box.append(boxButton(`Remove ${fileName(file)}`, "delete-button", "×", onRemove));
  item.append(box);
  return item;
}

/**
 * A message box with attached files, as Gradio's MultimodalTextbox: each
 * chosen, dropped or pasted file is uploaded at once and shown as a
 * thumbnail; Enter or Submit sends, Shift+Enter breaks a line; Stop shows
 * while the app says a reply runs (`stop_btn`).
 */
export const multimodaltextbox: Renderer = (context): ComponentView => {
  const element = blockElement("div", "multimodaltextbox");
  const parts = caption("label", context.domId);
  const area = document.createElement("textarea");
  area.id = `${context.domId}-control`;
  area.className = "pagelet-input";
  area.dataset.testid = "textbox";
  parts.label.setAttribute("for", area.id);
  const picker = document.createElement("input");
  picker.type = "file";
  picker.hidden = true;
  const attach = boxButton("Upload a file", "pagelet-chat-action upload-button", "📎", () => picker.click());
  attach.dataset.testid = "upload-button";
  const send = boxButton("Submit", "pagelet-button pagelet-button-primary pagelet-button-sm submit-button", "Submit", () => {
    context.emit("submit");
    // As in Gradio, typing goes on in the box after a click on Submit.
    area.focus();
  });
  send.dataset.testid = "submit-button";
  const stop = boxButton("Stop", "pagelet-button pagelet-button-stop pagelet-button-sm stop-button", "Stop", () => context.emit("stop"));
  stop.dataset.testid = "stop-button";
  const thumbnails = document.createElement("ul");
  thumbnails.className = "thumbnails";
  thumbnails.setAttribute("aria-label", "Uploaded files");
  const message = document.createElement("p");
  message.className = "pagelet-upload-message";
  message.setAttribute("role", "alert");
  message.hidden = true;
  let files: FileData[] = [];
  let enabled = true;
  let uploading = 0;

  const say = (text: string): void => {
    message.textContent = text;
    message.hidden = text === "";
  };

  const showFiles = (): void => {
    thumbnails.replaceChildren(
      ...files.map((file, index) =>
        thumbnail(context, file, () => {
          files = files.filter((_, at) => at !== index);
          showFiles();
          context.emit("change");
        }),
      ),
    );
    thumbnails.hidden = files.length === 0;
  };

  const add = async (chosen: File[]): Promise<void> => {
    if (!enabled || chosen.length === 0) return;
    // The app's upload limit holds here too; Gradio refuses with a toast and sends nothing.
    const refusals = chosen.map((file) => context.files.refusal(file)).filter((refusal) => refusal !== "");
    if (refusals.length > 0) {
      context.report(refusals.join(" "));
      return;
    }
    const taken = picker.multiple ? chosen : chosen.slice(0, 1);
    uploading += 1;
    element.setAttribute("aria-busy", "true");
    say("Uploading…");
    try {
      const uploaded = await Promise.all(taken.map((file) => context.files.upload(file)));
      files = picker.multiple ? [...files, ...uploaded] : uploaded;
      say("");
      showFiles();
      context.emit("upload");
    } catch (error) {
      say(errorText(error));
    } finally {
      uploading -= 1;
      if (uploading === 0) element.removeAttribute("aria-busy");
    }
  };

  picker.addEventListener("change", () => {
    const chosen = [...(picker.files ?? [])];
    picker.value = "";
    void add(chosen);
  });
  area.addEventListener("input", () => context.emit("input"));
  area.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    context.emit("submit");
  });
  area.addEventListener("focus", () => context.emit("focus"));
  area.addEventListener("blur", () => context.emit("blur"));
  // As Gradio: a long pasted text is attached as a file rather than filling the box; pasted pictures are attached.
  area.addEventListener("paste", (event) => {
    const data = event.clipboardData;
    if (data === null) return;
    const text = data.getData("text");
    if (text.length > MAX_PASTED_TEXT) {
      event.preventDefault();
      void add([new File([text], "pasted_text.txt", { type: "text/plain" })]);
      return;
    }
    const pictures = [...data.files].filter((file) => file.type.startsWith("image/"));
    if (pictures.length > 0) {
      event.preventDefault();
      void add(pictures);
    }
  });
  element.addEventListener("dragover", (event) => {
    if (enabled) event.preventDefault();
  });
  element.addEventListener("drop", (event) => {
    if (!enabled) return;
    event.preventDefault();
    void add([...(event.dataTransfer?.files ?? [])]);
  });

  const row = document.createElement("div");
  row.className = "pagelet-multimodal-row input-row";
  row.append(attach, area, send, stop);
  // Gradio's `.input-container`: the thumbnails and the row, which tests and apps' CSS select.
  const container = document.createElement("div");
  container.className = "input-container";
  container.append(thumbnails, row);
  element.append(parts.label, parts.info, container, message, picker);

  return {
    element,
    update(props) {
      showCaption(parts, props, area);
      area.placeholder = str(props, "placeholder");
      area.rows = Math.max(1, num(props, "lines") ?? 1);
      enabled = interactive(props);
      area.disabled = !enabled;
      attach.disabled = !enabled;
      send.disabled = !enabled;
      showButton(send, props.submit_btn, "Submit");
      showButton(stop, props.stop_btn, "Stop");
      picker.multiple = str(props, "file_count", "single") !== "single";
      picker.accept = acceptAttribute(props.file_types);
      area.dir = bool(props, "rtl", false) ? "rtl" : "";
      const value = valueOf(props.value);
      if (area.value !== value.text) area.value = value.text;
      files = value.files;
      showFiles();
    },
    getValue: () => ({ text: area.value, files: [...files] }),
  };
};

/** `true` shows the button under its own name, a string under that text; false or null hides it. */
function showButton(button: HTMLButtonElement, setting: unknown, name: string): void {
  button.hidden = setting !== true && (typeof setting !== "string" || setting === "");
  button.textContent = typeof setting === "string" && setting !== "" ? setting : name;
}
