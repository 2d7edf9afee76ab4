import type { Props } from "../protocol";
import { bool, optionalStr, str } from "./props";
import { placeChildren } from "./form-groups";
import type { ComponentView, RenderContext, Renderer } from "./types";

/**
 * Containers. Scale and min_width of children are applied by the host as CSS
 * variables; the stylesheet decides what they mean inside a row or a column.
 */

function container(
  context: RenderContext,
  className: string,
  apply?: (element: HTMLElement, props: Readonly<Props>) => void,
  grouping: { inRow?: boolean; fields?: boolean } = {},
): ComponentView {
  const element = document.createElement("div");
  element.className = className;
  let placed = false;
  return {
    element,
    update(props) {
      // Placed at the first update, when the props say whether fields are grouped in forms.
      if (!placed) {
        placed = true;
        const grouped = (grouping.fields ?? true) && str(props, "variant") !== "compact";
        placeChildren(element, context.children, { grouped, ...(grouping.inRow ? { inRow: true } : {}) });
      }
      apply?.(element, props);
    },
    getValue: () => undefined,
  };
}

export const row: Renderer = (context) =>
  container(
    context,
    "pagelet-row",
    (element, props) => {
      element.classList.toggle("pagelet-equal-height", bool(props, "equal_height", false));
      element.classList.toggle("pagelet-panel", str(props, "variant") === "panel");
      element.classList.toggle("pagelet-compact", str(props, "variant") === "compact");
    },
    { inRow: true },
  );

export const column: Renderer = (context) =>
  container(context, "pagelet-column", (element, props) => {
    element.classList.toggle("pagelet-panel", str(props, "variant") === "panel");
    element.classList.toggle("pagelet-compact", str(props, "variant") === "compact");
  });

export const group: Renderer = (context) => container(context, "pagelet-group");

// A form from the config is itself the group: its fields are not grouped again.
export const form: Renderer = (context) => container(context, "form pagelet-form", undefined, { fields: false });

/** A nested `gr.Blocks` rendered inside another app lays out like a column. */
export const blocks: Renderer = (context) => container(context, "pagelet-column");

/**
 * A `<details>`: native keyboard and screen reader support for free. What
 * the person opens or closes is recorded as the `open` prop, so an update
 * to another prop does not undo it.
 */
export const accordion: Renderer = (context): ComponentView => {
  const element = document.createElement("details");
  element.className = "pagelet-accordion";
  const summary = document.createElement("summary");
  const body = document.createElement("div");
  body.className = "pagelet-accordion-body";
  placeChildren(body, context.children, { grouped: true });
  element.append(summary, body);

  // `toggle` also fires (later) for changes made here; compare to know who acted.
  let shown = false;
  element.addEventListener("toggle", () => {
    if (element.open === shown) return;
    shown = element.open;
    context.setProps({ open: shown });
    context.emit(shown ? "expand" : "collapse");
  });

  return {
    element,
    update(props) {
      summary.textContent = optionalStr(props, "label") ?? "";
      shown = bool(props, "open", true);
      element.open = shown;
    },
    getValue: () => undefined,
  };
};
