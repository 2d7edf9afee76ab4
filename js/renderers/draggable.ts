import css from "./draggable.css?inline";
import { addChunkStyle } from "./chunk-style";
import { str } from "./props";
import type { ComponentView, Renderer } from "./types";

/**
 * `gr.Draggable`: the children in a row or a column, each with a handle.
 * Dragging a handle onto another child puts it in that child's place; with
 * the keyboard, the handle's arrow keys move it one place. As in Gradio only
 * the page's order changes: the app is not told.
 */
export const draggable: Renderer = (context): ComponentView => {
  addChunkStyle("draggable", css);
  const element = document.createElement("div");
  element.className = "pagelet-draggable";
  let dragged: HTMLElement | null = null;

  const items = context.children.map((child, index) => {
    const item = document.createElement("div");
    item.className = "pagelet-draggable-item";
    const handle = document.createElement("button");
    handle.type = "button";
    handle.className = "pagelet-drag-handle";
    handle.draggable = true;
    handle.textContent = "⠿";
    handle.setAttribute("aria-label", `Move item ${index + 1}`);
    item.append(handle);
    if (child.element) item.append(child.element);

    handle.addEventListener("dragstart", (event) => {
      dragged = item;
      item.classList.add("pagelet-dragging");
      event.dataTransfer?.setData("text/plain", "");
      if (event.dataTransfer) event.dataTransfer.effectAllowed = "move";
      event.dataTransfer?.setDragImage(item, 0, 0);
    });
    handle.addEventListener("dragend", () => {
      item.classList.remove("pagelet-dragging");
      dragged = null;
    });
    item.addEventListener("dragover", (event) => {
      if (dragged === null || dragged === item) return;
      event.preventDefault();
    });
    item.addEventListener("drop", (event) => {
      if (dragged === null || dragged === item) return;
      event.preventDefault();
      const order = [...element.children];
      // Dropped on a later item: after it; on an earlier one: before it.
      if (order.indexOf(dragged) < order.indexOf(item)) item.after(dragged);
      else item.before(dragged);
    });
    handle.addEventListener("keydown", (event) => {
      const back = event.key === "ArrowUp" || event.key === "ArrowLeft";
      const forward = event.key === "ArrowDown" || event.key === "ArrowRight";
      if (!back && !forward) return;
      event.preventDefault();
      const sibling = back ? item.previousElementSibling : item.nextElementSibling;
      if (sibling === null) return;
      if (back) sibling.before(item);
      else sibling.after(item);
      handle.focus();
    });
    return item;
  });
  element.append(...items);

  return {
    element,
    update(props) {
      element.classList.toggle("pagelet-draggable-row", str(props, "orientation") === "row");
    },
    getValue: () => undefined,
  };
};
