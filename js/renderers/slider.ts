import { blockElement, caption, interactive, showCaption } from "./block";
import { num } from "./props";
import type { ComponentView, Renderer } from "./types";

/**
 * A range input plus a number box, kept in step. As in Gradio, the range is
 * named "range slider for {label}" (its `<label>` still points at it) and the
 * box "number input for {label}".
 */
export const slider: Renderer = (context): ComponentView => {
  const element = blockElement("div", "slider");
  const parts = caption("label", context.domId);
  const head = document.createElement("div");
  head.className = "pagelet-slider-head";
  const box = document.createElement("input");
  box.type = "number";
  box.className = "pagelet-input pagelet-slider-number";
  const range = document.createElement("input");
  range.type = "range";
  range.id = `${context.domId}-control`;
  range.className = "pagelet-range";
  parts.label.setAttribute("for", range.id);
  head.append(parts.label, box);
  element.append(head, parts.info, range);

  let value = 0;
  let minimum = 0;
  let maximum = 100;

  const clamp = (n: number): number => Math.min(maximum, Math.max(minimum, n));
  const show = (): void => {
    range.value = String(value);
    // Leave the box alone while the person is typing a partial number in it.
    if (document.activeElement !== box || box.valueAsNumber !== value) box.value = String(value);
  };

  range.addEventListener("input", () => {
    value = range.valueAsNumber;
    box.value = range.value;
    context.emit("input");
  });
  // A range's DOM `change` fires when the thumb is let go.
  range.addEventListener("change", () => context.emit("release"));
  box.addEventListener("input", () => {
    if (Number.isNaN(box.valueAsNumber)) return;
    value = clamp(box.valueAsNumber);
    range.value = String(value);
    context.emit("input");
  });
  box.addEventListener("change", () => {
    show();
    context.emit("release");
  });

  return {
    element,
    update(props) {
      const label = showCaption(parts, props, range);
      box.setAttribute("aria-label", `number input for ${label}`);
      // Gradio names the range itself "range slider for {label}"; the visible label still points at it.
      if (label === "") range.removeAttribute("aria-label");
      else range.setAttribute("aria-label", `range slider for ${label}`);
      minimum = num(props, "minimum") ?? 0;
      maximum = num(props, "maximum") ?? 100;
      const step = num(props, "step");
      for (const input of [range, box]) {
        input.min = String(minimum);
        input.max = String(maximum);
        input.step = step === null ? "any" : String(step);
        input.disabled = !interactive(props);
      }
      value = num(props, "value") ?? minimum;
      show();
    },
    getValue: () => value,
  };
};
