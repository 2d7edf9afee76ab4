import type { Props } from "../protocol";
import { bool, optionalStr, str } from "./props";
import type { ComponentView, RenderContext, Renderer } from "./types";

/**
 * Containers. Scale and min_width of children are applied by the host as CSS
 * variables; the stylesheet decides what they mean inside a row or a column.
 */

function container(context: RenderContext, className: string, apply?: (element: HTMLElement, props: Readonly<Props>) => void): ComponentView {
  const element = document.createElement("div");
  element.className = className;
  for (const child of context.children) if (child.element) element.append(child.element);
  return {
    element,
    update: (props) => apply?.(element, props),
    getValue: () => undefined,
  };
}

export const row: Renderer = (context) =>
  container(context, "pagelet-row", (element, props) => {
    element.classList.toggle("pagelet-equal-height", bool(props, "equal_height", false));
    element.classList.toggle("pagelet-panel", str(props, "variant") === "panel");
    element.classList.toggle("pagelet-compact", str(props, "variant") === "compact");
  });

export const column: Renderer = (context) =>
  container(context, "pagelet-column", (element, props) => {
    element.classList.toggle("pagelet-panel", str(props, "variant") === "panel");
  });

export const group: Renderer = (context) => container(context, "pagelet-group");

export const form: Renderer = (context) => container(context, "pagelet-form");

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
  for (const child of context.children) if (child.element) body.append(child.element);
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

/**
 * gr.Draggable: its children, in a row or a column, reordered by dragging one
 * onto another, or from the keyboard with Alt+arrow keys while focus is inside
 * a child. The order lives in the page only, as in Gradio (no event is sent).
 */
export const draggable: Renderer = (context): ComponentView => {
  const view = container(context, "pagelet-draggable", (element, props) => {
    element.classList.toggle("pagelet-row", str(props, "orientation", "column") === "row");
    element.classList.toggle("pagelet-column", str(props, "orientation", "column") !== "row");
  });
  const element = view.element;
  if (element === null) return view;
  let dragged: HTMLElement | null = null;
  const childOf = (target: EventTarget | null): HTMLElement | null => {
    let node = target instanceof Node ? target : null;
    while (node !== null && node.parentNode !== element) node = node.parentNode;
    return node instanceof HTMLElement ? node : null;
  };
  for (const child of element.children) {
    if (child instanceof HTMLElement) child.draggable = true;
  }
  element.addEventListener("dragstart", (event) => {
    dragged = childOf(event.target);
    dragged?.classList.add("pagelet-dragging");
  });
  element.addEventListener("dragover", (event) => {
    if (dragged !== null) event.preventDefault();
  });
  element.addEventListener("drop", (event) => {
    const target = childOf(event.target);
    if (dragged === null || target === null || target === dragged) return;
    event.preventDefault();
    const children = [...element.children];
    // Dropped on a child that came before it: it goes before that child, else after it.
    if (children.indexOf(dragged) > children.indexOf(target)) target.before(dragged);
    else target.after(dragged);
  });
  element.addEventListener("dragend", () => {
    dragged?.classList.remove("pagelet-dragging");
    dragged = null;
  });
  element.addEventListener("keydown", (event) => {
    const backward = event.key === "ArrowUp" || event.key === "ArrowLeft";
    const forward = event.key === "ArrowDown" || event.key === "ArrowRight";
    const child = childOf(event.target);
    if (!event.altKey || child === null || !(backward || forward)) return;
    event.preventDefault();
    if (backward) child.previousElementSibling?.before(child);
    else child.nextElementSibling?.after(child);
    // Moving an element in the DOM drops focus in some browsers: keep it where the person is.
    if (event.target instanceof HTMLElement) event.target.focus();
  });
  return view;
};
