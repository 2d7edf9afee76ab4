import type { Props } from "../protocol";
import { sameValue } from "../store";
import { blockElement, caption, interactive, showCaption } from "./block";
import { createCombobox, type Combobox } from "./combobox";
import { attributeValue, bool, choices, displayText, type Choice } from "./props";
import type { ComponentView, Renderer } from "./types";

/**
 * A single choice is Gradio's filterable combobox (see combobox.ts), with or
 * without custom values; `multiselect` is a native `<select multiple>`, whose
 * options keep the real value in their `value` attribute and their position
 * in `data-index`, which maps back to the possibly non-string value.
 */
export const dropdown: Renderer = (context): ComponentView => {
  const element = blockElement("div", "dropdown");
  const parts = caption("label", context.domId);
  const controlId = `${context.domId}-control`;
  element.append(parts.label, parts.info);

  let shown: Choice[] = [];
  let multiselect: boolean | null = null;
  let select: HTMLSelectElement | null = null;
  let combobox: Combobox | null = null;
  // The single choice's value: what was picked or committed, else what the core last sent.
  let chosen: unknown = null;

  const selectEventData = (index: number | null, value: unknown): Record<string, unknown> => ({ index, value, selected: true });

  const buildCombobox = (): Combobox => {
    const box = createCombobox(controlId, {
      pick(index) {
        chosen = shown[index]?.[1] ?? null;
        context.emit("input");
        context.emit("select", selectEventData(index, chosen));
      },
      commit(text) {
        chosen = text;
        context.emit("input");
        context.emit("select", selectEventData(null, text));
      },
      focus: () => context.emit("focus"),
      blur: () => context.emit("blur"),
    });
    // Gradio's KeyUpData: the key and the text in the box after it (the choice itself may not have changed).
    box.input.addEventListener("keyup", (event) => context.emit("key_up", { key: event.key, input_value: box.input.value }));
    return box;
  };

  const buildSelect = (): HTMLSelectElement => {
    const fresh = document.createElement("select");
    fresh.id = controlId;
    fresh.className = "pagelet-input";
    fresh.multiple = true;
    fresh.addEventListener("input", () => context.emit("input"));
    fresh.addEventListener("change", () => context.emit("select"));
    fresh.addEventListener("focus", () => context.emit("focus"));
    fresh.addEventListener("blur", () => context.emit("blur"));
    return fresh;
  };

  const options = (): HTMLOptionElement[] =>
    shown.map(([display, value], index) => {
      const option = document.createElement("option");
      option.value = attributeValue(value);
      option.textContent = display;
      option.dataset.index = String(index);
      return option;
    });

  const showSelected = (value: unknown): void => {
    if (select) {
      const selected = Array.isArray(value) ? value : [];
      for (const option of select.options) {
        const choice = shown[Number(option.dataset.index ?? -1)];
        option.selected = choice !== undefined && selected.some((item: unknown) => sameValue(item, choice[1]));
      }
      return;
    }
    if (!combobox) return;
    chosen = value;
    const index = shown.findIndex(([, choice]) => sameValue(choice, value));
    const match = shown[index];
    // A value that is no choice shows as itself where custom values are allowed (the core refuses it elsewhere).
    combobox.show(match ? match[0] : displayText(value), index === -1 ? null : index);
  };

  return {
    element,
    update(props: Readonly<Props>) {
      const nextMultiselect = bool(props, "multiselect", false);
      const nextChoices = choices(props);
      const kindChanged = nextMultiselect !== multiselect;
      const choicesChanged = kindChanged || !sameValue(nextChoices, shown);
      multiselect = nextMultiselect;
      shown = nextChoices;
      if (kindChanged) {
        const old = select ?? combobox?.input ?? null;
        combobox?.listbox.remove();
        select = null;
        combobox = null;
        let control: HTMLElement;
        if (nextMultiselect) control = select = buildSelect();
        else {
          combobox = buildCombobox();
          control = combobox.input;
        }
        if (old) old.replaceWith(control);
        else element.append(control);
        if (combobox) control.after(combobox.listbox);
      }
      if (choicesChanged) {
        if (select) select.replaceChildren(...options());
        else combobox?.setChoices(shown);
      }
      const control = select ?? combobox?.input;
      if (!control) return;
      parts.label.setAttribute("for", controlId);
      showCaption(parts, props, control);
      combobox?.setCustom(bool(props, "allow_custom_value", false));
      if (select) select.disabled = !interactive(props);
      else combobox?.setDisabled(!interactive(props));
      showSelected(props.value);
    },
    getValue() {
      if (!select) return chosen;
      return Array.from(select.selectedOptions)
        .map((option) => shown[Number(option.dataset.index ?? -1)])
        .filter((choice) => choice !== undefined)
        .map(([, value]) => value);
    },
  };
};
