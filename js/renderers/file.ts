import { humanSize } from "../files";
import type { FileData } from "../protocol";
import { blockElement, caption, interactive, showCaption } from "./block";
import { str } from "./props";
import type { ComponentView, Renderer } from "./types";
import { acceptAttribute, downloadLink, fileList, uploadZone } from "./upload";

/** gr.File: upload one or several files; each file shown is a download link. */
export const file: Renderer = (context): ComponentView => {
  const element = blockElement("div", "file");
  const parts = caption("label", context.domId);
  const controlId = `${context.domId}-control`;
  const list = document.createElement("ul");
  list.className = "pagelet-file-list";
  let value: FileData | FileData[] | null = null;
  let multiple = false;
  let editable = true;

  const show = (): void => {
    const files = fileList(value);
    list.replaceChildren(
      ...files.map((item) => {
        const row = document.createElement("li");
        const size = document.createElement("span");
        size.className = "pagelet-file-size";
        size.textContent = typeof item.size === "number" ? humanSize(item.size) : "";
        const link = downloadLink(context, item);
        // Gradio's DownloadData: the file the person downloaded.
        link.addEventListener("click", () => context.emit("download", { ...item }));
        row.append(link, size);
        if (editable) {
          const remove = document.createElement("button");
          remove.type = "button";
          remove.className = "pagelet-file-remove";
          remove.setAttribute("aria-label", "Remove this file");
          remove.textContent = "×";
          remove.addEventListener("click", () => {
            const left = fileList(value).filter((other) => other !== item);
            value = multiple ? left : null;
            show();
            // Gradio's DeletedFileData: the file removed; `change` follows with the new value.
            context.emit("delete", { ...item });
          });
          row.append(remove);
        }
        return row;
      }),
    );
    list.hidden = files.length === 0;
    clear.hidden = !editable || files.length === 0;
  };

  const zone = uploadZone(context, controlId, (uploaded) => {
    value = multiple ? uploaded : (uploaded[0] ?? null);
    show();
    context.emit("upload");
  }, { labelId: parts.label.id });
  const clear = document.createElement("button");
  clear.type = "button";
  clear.className = "pagelet-button pagelet-button-sm";
  clear.textContent = "Clear";
  clear.addEventListener("click", () => {
    value = null;
    show();
    context.emit("clear");
  });
  element.append(parts.label, parts.info, zone.element, list, clear);

  return {
    element,
    update(props) {
      editable = interactive(props);
      multiple = str(props, "file_count", "single") !== "single";
      zone.configure({ accept: acceptAttribute(props.file_types), multiple, enabled: editable });
      // A hidden input (an output) must not take the label from the list.
      if (editable) parts.label.setAttribute("for", controlId);
      else parts.label.removeAttribute("for");
      showCaption(parts, props, zone.input);
      // An output has no input: the list is what the label names then.
      if (editable) list.removeAttribute("aria-labelledby");
      else list.setAttribute("aria-labelledby", parts.label.id);
      value = (props.value as FileData | FileData[] | null | undefined) ?? null;
      show();
    },
    getValue: () => value,
  };
};
