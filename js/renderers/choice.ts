import type { Props } from "../protocol";
import { sameValue } from "../store";
import { blockElement, caption, interactive, showCaption } from "./block";
import { attributeValue, bool, choices, optionalStr, type Choice } from "./props";
import type { ComponentView, RenderContext, Renderer } from "./types";

/** Checkbox, checkbox group and radio: real inputs, each named by its own `<label>`. */

function labelledInput(type: "checkbox" | "radio", text: string): { label: HTMLLabelElement; input: HTMLInputElement; span: HTMLSpanElement } {
  const label = document.createElement("label");
  label.className = "pagelet-choice";
  const input = document.createElement("input");
  input.type = type;
  const span = document.createElement("span");
  span.textContent = text;
  label.append(input, span);
  return { label, input, span };
}

// A user toggle is both Gradio's `input` and its `select`.
function reportToggle(context: RenderContext): void {
  context.emit("input");
  context.emit("select");
}

export const checkbox: Renderer = (context): ComponentView => {
  const element = blockElement("div", "checkbox");
  const { label, input, span } = labelledInput("checkbox", "");
  input.id = `${context.domId}-control`;
  const info = document.createElement("div");
  info.className = "pagelet-info";
  info.id = `${context.domId}-info`;
  input.addEventListener("change", () => reportToggle(context));
  element.append(label, info);

  return {
    element,
    update(props) {
      span.textContent = optionalStr(props, "label") ?? "";
      span.classList.toggle("pagelet-sr-only", !bool(props, "show_label", true));
      const infoText = optionalStr(props, "info") ?? "";
      info.textContent = infoText;
      info.hidden = infoText === "";
      if (infoText === "") input.removeAttribute("aria-describedby");
      else input.setAttribute("aria-describedby", info.id);
      input.disabled = !interactive(props);
      input.checked = props.value === true;
    },
    getValue: () => input.checked,
  };
};

/**
 * A `<fieldset>` of inputs, one per choice. Inputs are rebuilt only when the
 * choices change, so focus survives value updates.
 */
function choiceGroup(context: RenderContext, type: "checkbox" | "radio", read: (checked: unknown[]) => unknown, isChecked: (props: Readonly<Props>, value: unknown) => boolean): ComponentView {
  const element = blockElement("fieldset", type === "radio" ? "radio" : "checkboxgroup");
  const parts = caption("legend", context.domId);
  const list = document.createElement("div");
  list.className = "pagelet-choices";
  if (type === "checkbox") list.dataset.testid = "checkbox-group";
  element.append(parts.label, parts.info, list);
  let shown: Choice[] = [];
  let inputs: HTMLInputElement[] = [];

  const rebuild = (next: Choice[]): void => {
    shown = next;
    const labels = next.map(([display, value], index) => {
      const { label, input } = labelledInput(type, display);
      input.name = `${context.domId}-choice`;
      input.id = `${context.domId}-choice-${index}`;
      input.value = attributeValue(value);
      // Gradio titles each box with its value; its tests find a choice by that title.
      if (type === "checkbox") input.title = attributeValue(value);
      input.addEventListener("change", () => reportToggle(context));
      return { label, input };
    });
    inputs = labels.map(({ input }) => input);
    // Spaces between the choices, as Gradio's markup has: its tests read the group's text.
    list.replaceChildren(...labels.flatMap(({ label }, index) => (index === 0 ? [label] : [" ", label])));
  };

  return {
    element,
    update(props) {
      showCaption(parts, props, element);
      const next = choices(props);
      if (!sameValue(next, shown)) rebuild(next);
      element.disabled = !interactive(props);
      shown.forEach(([, value], index) => {
        const input = inputs[index];
        if (input) input.checked = isChecked(props, value);
      });
    },
    getValue: () => read(shown.filter((_, index) => inputs[index]?.checked === true).map(([, value]) => value)),
  };
}

export const checkboxgroup: Renderer = (context) =>
  choiceGroup(
    context,
    "checkbox",
    (checked) => checked,
    (props, value) => Array.isArray(props.value) && props.value.some((selected: unknown) => sameValue(selected, value)),
  );

export const radio: Renderer = (context) =>
  choiceGroup(
    context,
    "radio",
    (checked) => (checked.length > 0 ? checked[0] : null),
    (props, value) => props.value !== null && props.value !== undefined && sameValue(props.value, value),
  );
