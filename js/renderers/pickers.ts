import { blockElement, caption, interactive, showCaption } from "./block";
import type { Props } from "../protocol";
import { bool, str } from "./props";
import type { ComponentView, RenderContext, Renderer } from "./types";

/**
 * A labelled `<input>` whose value is a string: the frame ColorPicker and
 * DateTime share. `accept` says whether text may become the value (DateTime
 * refuses what it cannot read); the value is what was last accepted.
 */
function inputRenderer(
  type: string,
  setup: (input: HTMLInputElement, context: RenderContext, commit: () => boolean) => void,
  accept: (text: string, props: Readonly<Props>) => boolean = () => true,
): Renderer {
  return (context): ComponentView => {
    const element = blockElement("div", type);
    const parts = caption("label", context.domId);
    const input = document.createElement("input");
    input.id = `${context.domId}-control`;
    input.className = "pagelet-input";
    parts.label.setAttribute("for", input.id);
    let props: Readonly<Props> = {};
    let value = "";
    const commit = (): boolean => {
      const valid = accept(input.value, props);
      input.setAttribute("aria-invalid", String(!valid));
      if (valid) value = input.value;
      return valid;
    };
    input.addEventListener("focus", () => context.emit("focus"));
    input.addEventListener("blur", () => context.emit("blur"));
    setup(input, context, commit);
    element.append(parts.label, parts.info, input);
    return {
      element,
      update(next) {
        props = next;
        showCaption(parts, props, input);
        input.disabled = !interactive(props);
        const sent = str(props, "value");
        if (sent !== value) {
          value = sent;
          input.value = sent;
          input.setAttribute("aria-invalid", "false");
        }
        if (type === "datetime") input.placeholder = bool(props, "include_time", true) ? "YYYY-MM-DD HH:MM:SS" : "YYYY-MM-DD";
      },
      getValue: () => (value === "" ? null : value),
    };
  };
}

/** gr.ColorPicker: the browser's colour input; every pick is an `input`. */
export const colorpicker = inputRenderer("colorpicker", (input, context, commit) => {
  input.type = "color";
  input.addEventListener("input", () => {
    commit();
    context.emit("input");
  });
});

// What Gradio's DateTime takes: a date (with the time when it has one), or `now`, `now - 3d` ...
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const RELATIVE = /^\s*(now\s*(-\s*\d+\s*[dmhs])?)?\s*$/;

function readableDate(text: string, props: Readonly<Props>): boolean {
  return (bool(props, "include_time", true) ? DATE_TIME : DATE).test(text) || RELATIVE.test(text);
}

/**
 * gr.DateTime: typed text ("2024-05-01 12:00:00", "now - 1h"), which becomes
 * the value (a `change`) when the box is left or Enter is pressed (a
 * `submit`), as in Gradio. Text in no accepted form is marked invalid and
 * left out: the value stays what it was.
 */
export const datetime = inputRenderer(
  "datetime",
  (input, context, commit) => {
    input.type = "text";
    input.addEventListener("change", () => {
      if (commit()) context.emit("change");
    });
    input.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" || event.isComposing) return;
      event.preventDefault();
      if (commit()) context.emit("change");
      context.emit("submit");
    });
  },
  readableDate,
);
