import css from "./walkthrough.css?inline";
import { addChunkStyle } from "./chunk-style";
import { bool, optionalStr, shown } from "./props";
import { showPanel, stackedContent, tabEntries, tabSelectData } from "./tabs";
import type { ChildView, ComponentView, Renderer } from "./types";

export const walkthroughstep: Renderer = (context) => stackedContent(context, "pagelet-step");

/**
 * Gradio 6's stepper: the steps numbered in a row, the chosen one's content
 * below. As in Gradio, a person may go back to a step already reached but
 * not jump ahead: the app moves forward with `gr.Walkthrough(selected=...)`.
 * `selected` names a step's `id`, else its index.
 */
export const walkthrough: Renderer = (context): ComponentView => {
  addChunkStyle("walkthrough", css);
  const element = document.createElement("div");
  element.className = "pagelet-walkthrough";
  const entries = tabEntries(context, element, "pagelet-stepper", "step").map((entry) => {
    const number = document.createElement("span");
    number.className = "pagelet-step-number";
    number.setAttribute("aria-hidden", "true");
    const label = document.createElement("span");
    label.className = "pagelet-step-label";
    entry.button.className = "pagelet-step-button";
    entry.button.append(number, label);
    return { ...entry, number, label };
  });

  let selected = 0;
  const usable = (child: ChildView): boolean => shown(child.props());
  const idOf = (index: number): unknown => {
    const id = entries[index]?.child.props().id;
    return id === undefined || id === null ? index : id;
  };

  const show = (): void => {
    entries.forEach((entry, index) => {
      const { child, button, number, label } = entry;
      const props = child.props();
      const name = optionalStr(props, "label") ?? `Step ${index + 1}`;
      label.textContent = name;
      number.textContent = index < selected ? "✓" : String(index + 1);
      button.hidden = !usable(child);
      const isSelected = index === selected;
      button.disabled = !bool(props, "interactive", true) || index > selected;
      button.classList.toggle("pagelet-step-done", index < selected);
      button.setAttribute("aria-selected", String(isSelected));
      if (isSelected) button.setAttribute("aria-current", "step");
      else button.removeAttribute("aria-current");
      button.tabIndex = isSelected ? 0 : -1;
      showPanel(entry, isSelected);
    });
  };

  entries.forEach(({ child, button }, index) => {
    button.addEventListener("click", () => {
      if (index >= selected) return;
      selected = index;
      show();
      context.setProps({ selected: idOf(index) });
      const data = tabSelectData(child, index, `Step ${index + 1}`);
      child.emit("select", data);
      // The host fires `change` itself when the value (the chosen step) differs.
      context.emit("select", data);
    });
  });

  context.onChildUpdate(show);

  return {
    element,
    update(props) {
      const wanted = props.selected;
      const byId = entries.findIndex((_, index) => wanted !== null && wanted !== undefined && entries[index]?.child.props().id === wanted);
      if (byId >= 0) selected = byId;
      else if (typeof wanted === "number" && Number.isInteger(wanted) && entries[wanted]) selected = wanted;
      show();
    },
    getValue: () => idOf(selected),
  };
};
