import { blockElement, caption, interactive, showCaption } from "./block";
import { bool, num, str } from "./props";
import type { ComponentView, Renderer } from "./types";

function valueOf(value: unknown): { text: string; files: string[] } {
  if (typeof value === "string") return { text: value, files: [] };
  if (typeof value !== "object" || value === null) return { text: "", files: [] };
  const { text, files } = value as Record<string, unknown>;
  return {
    text: typeof text === "string" ? text : "",
    files: Array.isArray(files) ? files.filter((file): file is string => typeof file === "string") : [],
  };
}

/**
 * A message box with attached files. Files travel by name only in this
 * runtime (their bytes are not sent yet); Enter sends, Shift+Enter breaks a line.
 */
export const multimodaltextbox: Renderer = (context): ComponentView => {
  const element = blockElement("div", "multimodaltextbox");
  const parts = caption("label", context.domId);
  const area = document.createElement("textarea");
  area.id = `${context.domId}-control`;
  area.className = "pagelet-input";
  parts.label.setAttribute("for", area.id);
  const picker = document.createElement("input");
  picker.type = "file";
  picker.hidden = true;
  const attach = document.createElement("button");
  attach.type = "button";
  attach.className = "pagelet-chat-action";
  attach.setAttribute("aria-label", "Upload a file");
  attach.dataset.testid = "upload-button";
  attach.textContent = "📎";
  attach.addEventListener("click", () => picker.click());
  const send = document.createElement("button");
  send.type = "button";
  send.className = "pagelet-button pagelet-button-primary pagelet-button-sm";
  send.textContent = "Send";
  send.addEventListener("click", () => context.emit("submit"));
  const chips = document.createElement("ul");
  chips.className = "pagelet-file-chips";
  chips.setAttribute("aria-label", "Attached files");
  let files: string[] = [];

  const showFiles = (): void => {
    chips.replaceChildren(
      ...files.map((name, index) => {
        const chip = document.createElement("li");
        chip.textContent = name;
        const remove = document.createElement("button");
        remove.type = "button";
        remove.setAttribute("aria-label", `Remove ${name}`);
        remove.textContent = "×";
        remove.addEventListener("click", () => {
          files = files.filter((_, at) => at !== index);
          showFiles();
          context.emit("input");
        });
        chip.append(remove);
        return chip;
      }),
    );
    chips.hidden = files.length === 0;
  };

  picker.addEventListener("change", () => {
    const chosen = [...(picker.files ?? [])];
    picker.value = "";
    // The app's upload limit holds here too, though only names travel (Gradio refuses with a toast).
    const refusals = chosen.map((file) => context.files.refusal(file)).filter((refusal) => refusal !== "");
    if (refusals.length > 0) {
      context.report(refusals.join(" "));
      return;
    }
    files = [...files, ...chosen.map((file) => file.name)];
    showFiles();
    context.emit("input");
  });
  area.addEventListener("input", () => context.emit("input"));
  area.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    context.emit("submit");
  });
  area.addEventListener("focus", () => context.emit("focus"));
  area.addEventListener("blur", () => context.emit("blur"));

  const row = document.createElement("div");
  row.className = "pagelet-multimodal-row";
  row.append(attach, area, send);
  element.append(parts.label, parts.info, chips, row, picker);

  return {
    element,
    update(props) {
      showCaption(parts, props, area);
      area.placeholder = str(props, "placeholder");
      area.rows = Math.max(1, num(props, "lines") ?? 1);
      const enabled = interactive(props);
      area.disabled = !enabled;
      attach.disabled = !enabled;
      send.disabled = !enabled;
      send.hidden = props.submit_btn === false || props.submit_btn === null;
      if (typeof props.submit_btn === "string") send.textContent = props.submit_btn;
      picker.multiple = str(props, "file_count", "single") !== "single";
      area.dir = bool(props, "rtl", false) ? "rtl" : "";
      const value = valueOf(props.value);
      if (area.value !== value.text) area.value = value.text;
      files = value.files;
      showFiles();
    },
    getValue: () => ({ text: area.value, files: [...files] }),
  };
};
