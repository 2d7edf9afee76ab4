import type { Props } from "../protocol";
import { sameValue } from "../store";
import { blockElement, caption, interactive, showCaption } from "./block";
import { attributeValue, bool, choices, displayText, type Choice } from "./props";
import type { ComponentView, Renderer } from "./types";

/**
 * A native `<select>` (with `multiple` for multiselect), or, when custom
 * values are allowed, a text input suggesting the choices from a `<datalist>`.
 * Options keep the real value in their `value` attribute (what a form or a
 * test reads) and their position in `data-index`, which maps back to the
 * possibly non-string value.
 */
export const dropdown: Renderer = (context): ComponentView => {
  const element = blockElement("div", "dropdown");
  const parts = caption("label", context.domId);
  const controlId = `${context.domId}-control`;
  const datalist = document.createElement("datalist");
  datalist.id = `${context.domId}-choices`;
  element.append(parts.label, parts.info);

  let control: HTMLSelectElement | HTMLInputElement | null = null;
  let shown: Choice[] = [];
  let multiselect = false;

  const options = (withPlaceholder: boolean): HTMLOptionElement[] => {
    const list = shown.map(([display, value], index) => {
      const option = document.createElement("option");
      option.value = attributeValue(value);
      option.textContent = display;
      option.dataset.index = String(index);
      return option;
    });
    if (withPlaceholder) {
      // A select of size 1 always selects something; this empty option is
      // what it selects when the value is None, instead of the first choice.
      const empty = document.createElement("option");
      empty.value = "";
      empty.disabled = true;
      empty.hidden = true;
      list.unshift(empty);
    }
    return list;
  };

  const wire = (fresh: HTMLSelectElement | HTMLInputElement): void => {
    fresh.id = controlId;
    fresh.className = "pagelet-input";
    fresh.addEventListener("input", () => context.emit("input"));
    // A completed choice (select closed, custom text committed) is a `select`.
    fresh.addEventListener("change", () => context.emit("select"));
    fresh.addEventListener("focus", () => context.emit("focus"));
    fresh.addEventListener("blur", () => context.emit("blur"));
    // Gradio's KeyUpData: the key and the text in the box after it (the choice itself may not have changed).
    if (fresh instanceof HTMLInputElement) {
      fresh.addEventListener("keyup", (event) => context.emit("key_up", { key: event.key, input_value: fresh.value }));
    }
  };

  const build = (custom: boolean): HTMLSelectElement | HTMLInputElement => {
    let fresh: HTMLSelectElement | HTMLInputElement;
    if (custom) {
      fresh = document.createElement("input");
      fresh.setAttribute("list", datalist.id);
      fresh.autocomplete = "off";
    } else {
      fresh = document.createElement("select");
      fresh.multiple = multiselect;
    }
    wire(fresh);
    if (control) control.replaceWith(fresh);
    else element.append(fresh);
    if (custom) fresh.after(datalist);
    else datalist.remove();
    return fresh;
  };

  // Text in the custom box means the choice it names, else itself.
  const fromText = (text: string): unknown => {
    const match = shown.find(([display, value]) => display === text || attributeValue(value) === text);
    return match ? match[1] : text;
  };

  const show = (props: Readonly<Props>): void => {
    const value = props.value;
    if (control instanceof HTMLInputElement) {
      const match = shown.find(([, choice]) => sameValue(choice, value));
      control.value = match ? match[0] : displayText(value);
      return;
    }
    if (control === null) return;
    const selected = multiselect ? (Array.isArray(value) ? value : []) : [value];
    let anyChosen = false;
    for (const option of control.options) {
      const choice = shown[Number(option.dataset.index ?? -1)];
      // Computed, not read back: a size-1 select re-selects its first option on its own.
      const chosen = choice !== undefined && selected.some((item: unknown) => sameValue(item, choice[1]));
      option.selected = chosen;
      anyChosen ||= chosen;
    }
    const placeholder = control.options[0];
    if (!multiselect && !anyChosen && placeholder) placeholder.selected = true;
  };

  return {
    element,
    update(props) {
      const nextMultiselect = bool(props, "multiselect", false);
      const custom = bool(props, "allow_custom_value", false) && !nextMultiselect;
      const nextChoices = choices(props);
      const kindChanged = control === null || control instanceof HTMLInputElement !== custom || nextMultiselect !== multiselect;
      const choicesChanged = !sameValue(nextChoices, shown);
      multiselect = nextMultiselect;
      shown = nextChoices;
      if (kindChanged) control = build(custom);
      if (control === null) return;
      if (kindChanged || choicesChanged) {
        if (control instanceof HTMLSelectElement) control.replaceChildren(...options(!multiselect));
        else datalist.replaceChildren(...options(false));
      }
      parts.label.setAttribute("for", controlId);
      showCaption(parts, props, control);
      control.disabled = !interactive(props);
      show(props);
    },
    getValue() {
      if (control instanceof HTMLInputElement) return fromText(control.value);
      if (control === null) return null;
      const picked = Array.from(control.selectedOptions)
        .map((option) => shown[Number(option.dataset.index ?? -1)])
        .filter((choice) => choice !== undefined)
        .map(([, value]) => value);
      return multiselect ? picked : (picked[0] ?? null);
    },
  };
};
