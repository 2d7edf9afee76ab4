import css from "./sidebar.css?inline";
import { addChunkStyle } from "./chunk-style";
import { placeChildren } from "./form-groups";
import { bool, num, str } from "./props";
import type { ComponentView, Renderer } from "./types";

/**
 * `gr.Sidebar`: its children in a panel at the window's side, opened and
 * closed by a "Toggle Sidebar" button (Gradio's name for it). What the person
 * chooses is recorded as `open`, so an update to another prop keeps it, and
 * fires `expand` or `collapse`. A closed panel is `inert`: its fields cannot
 * be reached with the keyboard while out of view.
 */
export const sidebar: Renderer = (context): ComponentView => {
  addChunkStyle("sidebar", css);
  const element = document.createElement("aside");
  element.className = "pagelet-sidebar";
  const toggle = document.createElement("button");
  toggle.type = "button";
  toggle.className = "pagelet-sidebar-toggle";
  toggle.setAttribute("aria-label", "Toggle Sidebar");
  const content = document.createElement("div");
  content.className = "pagelet-sidebar-content";
  content.id = `${context.domId}-content`;
  toggle.setAttribute("aria-controls", content.id);
  placeChildren(content, context.children, { grouped: true });
  element.append(toggle, content);

  let open = true;
  let side: "left" | "right" = "left";
  let width = "320px";
  let visible = true;

  const show = (): void => {
    element.classList.toggle("pagelet-sidebar-open", open);
    element.classList.toggle("pagelet-sidebar-left", side === "left");
    element.classList.toggle("pagelet-sidebar-right", side === "right");
    element.style.setProperty("--pagelet-sidebar-width", width);
    toggle.setAttribute("aria-expanded", String(open));
    toggle.textContent = (side === "left") === open ? "‹" : "›";
    content.inert = !open;
    // The app makes room for an open panel; it is found once the view is in the page.
    const app = element.closest<HTMLElement>(".pagelet-app");
    if (app === null) return;
    // A hidden sidebar (visible=False, or on a page not shown) takes no room; a closed one, its button's.
    const shown = visible && element.closest("[hidden]") === null;
    app.classList.toggle(`pagelet-with-sidebar-${side}`, shown);
    app.style.setProperty(`--pagelet-sidebar-${side}`, shown && open ? width : "0px");
  };

  toggle.addEventListener("click", () => {
    open = !open;
    show();
    context.setProps({ open });
    context.emit(open ? "expand" : "collapse");
  });

  return {
    element,
    update(props) {
      open = bool(props, "open", true);
      visible = bool(props, "visible", true);
      side = str(props, "position") === "right" ? "right" : "left";
      const pixels = num(props, "width");
      width = pixels !== null ? `${pixels}px` : str(props, "width", "320px");
      show();
      // The first update comes before the view is placed in the page.
      requestAnimationFrame(show);
    },
    getValue: () => undefined,
  };
};
