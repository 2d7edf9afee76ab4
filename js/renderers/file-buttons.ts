import type { FileData } from "../protocol";
import { errorText } from "../errors";
import { interactive } from "./block";
import { displayText, str } from "./props";
import type { ComponentView, RenderContext, Renderer } from "./types";
import { acceptAttribute, fileList, fileName } from "./upload";

const VARIANTS: ReadonlySet<string> = new Set(["primary", "secondary", "stop", "huggingface"]);
const SIZES: ReadonlySet<string> = new Set(["sm", "md", "lg"]);

/** A button styled as gr.Button, its text (and accessible name) the component's label. */
function styledButton(context: RenderContext): { element: HTMLButtonElement; style(props: Readonly<Record<string, unknown>>): void } {
  const element = document.createElement("button");
  element.type = "button";
  element.id = `${context.domId}-button`;
  let classes: string[] = [];
  return {
    element,
    style(props) {
      const variant = str(props, "variant", "secondary");
      const size = str(props, "size", "lg");
      element.classList.remove(...classes);
      classes = ["pagelet-button", `pagelet-button-${VARIANTS.has(variant) ? variant : "secondary"}`, `pagelet-button-${SIZES.has(size) ? size : "lg"}`];
      element.classList.add(...classes);
      element.textContent = displayText(props.label);
      element.disabled = !interactive(props);
    },
  };
}

/**
 * gr.UploadButton: a click fires `click` and opens the file chooser; the
 * chosen files go to the core, become the value, and fire `upload`. A refusal
 * (too large, wrong type) is an error toast, as in Gradio.
 */
export const uploadbutton: Renderer = (context): ComponentView => {
  const element = document.createElement("div");
  element.className = "pagelet-uploadbutton";
  const button = styledButton(context);
  const input = document.createElement("input");
  input.type = "file";
  input.hidden = true;
  // The chooser is reached through the button; the input carries its name for tests and assistive tech.
  input.setAttribute("aria-labelledby", button.element.id);
  const message = document.createElement("p");
  message.className = "pagelet-upload-message";
  message.setAttribute("role", "alert");
  message.hidden = true;
  element.append(button.element, input, message);
  let value: FileData | FileData[] | null = null;
  let multiple = false;

  const say = (text: string): void => {
    message.textContent = text;
    message.hidden = text === "";
  };

  button.element.addEventListener("click", () => {
    context.emit("click");
    input.click();
  });
  input.addEventListener("change", () => {
    const chosen = [...(input.files ?? [])];
    input.value = "";
    if (chosen.length === 0) return;
    say("Uploading…");
    button.element.setAttribute("aria-busy", "true");
    void Promise.all((multiple ? chosen : chosen.slice(0, 1)).map((file) => context.files.upload(file))).then(
      (uploaded) => {
        say("");
        value = multiple ? uploaded : (uploaded[0] ?? null);
        context.emit("upload");
      },
      (error: unknown) => {
        say("");
        context.report(errorText(error));
      },
    ).finally(() => button.element.removeAttribute("aria-busy"));
  });

  return {
    element,
    update(props) {
      button.style(props);
      // Gradio's test id, on the input a test hands its files to.
      input.dataset.testid = `${displayText(props.label)}-upload-button`;
      const count = str(props, "file_count", "single");
      multiple = count !== "single";
      input.multiple = multiple;
      if (count === "directory") input.setAttribute("webkitdirectory", "");
      else input.removeAttribute("webkitdirectory");
      input.accept = acceptAttribute(props.file_types);
      value = (props.value as FileData | FileData[] | null | undefined) ?? null;
    },
    getValue: () => value,
  };
};

/**
 * gr.DownloadButton: a click fires `click` and saves the value's file under
 * its own name. With no file yet there is nothing to save, and the button says so.
 */
export const downloadbutton: Renderer = (context): ComponentView => {
  const button = styledButton(context);
  const element = button.element;
  let value: unknown = null;

  element.addEventListener("click", () => {
    context.emit("click");
    const [file] = fileList(value);
    const url = file ? context.files.url(file) : null;
    if (!file || url === null) return;
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName(file);
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  });

  return {
    element,
    update(props) {
      button.style(props);
      value = props.value ?? null;
      element.title = fileList(value).length === 0 ? "No file to download yet" : "";
    },
    getValue: () => value,
  };
};
