import { blockElement, caption, interactive, showCaption } from "./block";
import { bool, str } from "./props";
import type { ComponentView, RenderContext, Renderer } from "./types";

/** A labelled `<input>` whose value is a string: the frame ColorPicker and DateTime share. */
function inputRenderer(type: string, setup: (input: HTMLInputElement, context: RenderContext) => void): Renderer {
  return (context): ComponentView => {
    const element = blockElement("div", type);
    const parts = caption("label", context.domId);
    const input = document.createElement("input");
    input.id = `${context.domId}-control`;
    input.className = "pagelet-input";
    parts.label.setAttribute("for", input.id);
    input.addEventListener("focus", () => context.emit("focus"));
    input.addEventListener("blur", () => context.emit("blur"));
    setup(input, context);
    element.append(parts.label, parts.info, input);
    return {
      element,
      update(props) {
        showCaption(parts, props, input);
        input.disabled = !interactive(props);
        const value = str(props, "value");
        if (input.value !== value) input.value = value;
        if (type === "datetime") input.placeholder = bool(props, "include_time", true) ? "YYYY-MM-DD HH:MM:SS" : "YYYY-MM-DD";
      },
      getValue: () => (input.value === "" ? null : input.value),
    };
  };
}

/** gr.ColorPicker: the browser's colour input; every pick is an `input`. */
export const colorpicker = inputRenderer("colorpicker", (input, context) => {
  input.type = "color";
  input.addEventListener("input", () => context.emit("input"));
});

/** gr.DateTime: typed text ("2024-05-01 12:00:00", "now - 1h"); the core reads it. Enter submits. */
export const datetime = inputRenderer("datetime", (input, context) => {
  input.type = "text";
  input.addEventListener("change", () => context.emit("change"));
  input.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || event.isComposing) return;
    event.preventDefault();
    context.emit("submit");
  });
});
