import { placeChildren } from "./form-groups";
import { bool, optionalStr, shown } from "./props";
import type { ChildView, ComponentView, RenderContext, Renderer } from "./types";

/** A tab's (or a step's) content: its children stacked; the parent owns the tab list and the panel roles. */
export function stackedContent(context: RenderContext, className: string): ComponentView {
  const element = document.createElement("div");
  element.className = `${className} pagelet-column`;
  placeChildren(element, context.children, { grouped: true });
  return { element, update: () => undefined, getValue: () => undefined };
}

export const tab: Renderer = (context) => stackedContent(context, "pagelet-tab");

/** A tab's id as Gradio gives it: its `id=`, else its component id (the stepper's `data-tab-id`). */
export function tabId(child: ChildView): string | number {
  const id = child.props().id;
  return typeof id === "string" || typeof id === "number" ? id : child.id;
}

/** Gradio's `gr.SelectData` of a tab chosen: its label, place and id. */
export function tabSelectData(child: ChildView, index: number, fallbackLabel: string): Record<string, unknown> {
  return { value: optionalStr(child.props(), "label") ?? fallbackLabel, index, id: tabId(child), selected: true };
}

export interface TabEntry {
  readonly child: ChildView;
  readonly button: HTMLButtonElement;
  readonly panel: HTMLDivElement;
  /** Put the child in its panel, once (a lazy panel is empty until then). */
  mount(): void;
}

/**
 * A WAI-ARIA tab list over `context`'s children, put in `element`: a `tab`
 * button per child in the list, then a `tabpanel` holding the child, each
 * naming the other. `kind` keeps the ids of tabs and steps apart. A `lazy`
 * panel gets its child only when `mount` is called.
 */
export function tabEntries(context: RenderContext, element: HTMLElement, listClass: string, kind: string, lazy = false): TabEntry[] {
  const list = document.createElement("div");
  list.className = listClass;
  list.setAttribute("role", "tablist");
  element.append(list);
  return context.children.map((child, index) => {
    const button = document.createElement("button");
    button.type = "button";
    button.id = `${context.domId}-${kind}-${index}`;
    button.setAttribute("role", "tab");
    // Gradio's tests find a tab by its id this way.
    button.dataset.tabId = String(tabId(child));
    const panel = document.createElement("div");
    panel.id = `${context.domId}-${kind}panel-${index}`;
    panel.className = `pagelet-${kind}panel`;
    panel.setAttribute("role", "tabpanel");
    button.setAttribute("aria-controls", panel.id);
    const mount = (): void => {
      if (child.element && child.element.parentElement !== panel) panel.append(child.element);
    };
    if (!lazy) mount();
    list.append(button);
    element.append(panel);
    return { child, button, panel, mount };
  });
}

/**
 * Show one panel, hide the others. Only the shown panel is named by its tab:
 * a hidden one is out of the accessibility tree anyway, and named it would be
 * found by a label search ("Visible Textbox" in a tab "Invisible Textbox Demo").
 */
export function showPanel(entry: TabEntry, selected: boolean): void {
  entry.panel.hidden = !selected;
  if (selected) entry.panel.setAttribute("aria-labelledby", entry.button.id);
  else entry.panel.removeAttribute("aria-labelledby");
}

/**
 * A WAI-ARIA tab list over the child tabs. Panels are wrappers made here, so
 * hiding an unselected panel never fights the host's `visible` handling of
 * the tab itself. `selected` is a tab's `id`, else an index; the person's
 * choice is recorded there too, so other updates keep it.
 */
export const tabs: Renderer = (context): ComponentView => {
  const element = document.createElement("div");
  element.className = "pagelet-tabs";
  // As in Gradio, a tab's content is put on the page when the tab is first shown (or at once
  // with render_children): a page of many tabs starts light, and what is never seen is not there.
  const entries = tabEntries(context, element, "pagelet-tablist", "tab", true);

  let selected = 0;

  const usable = (child: ChildView): boolean => shown(child.props());

  const show = (): void => {
    const current = entries[selected];
    if (!current || !usable(current.child)) {
      selected = Math.max(0, entries.findIndex((entry) => usable(entry.child)));
    }
    entries.forEach((entry, index) => {
      const { child, button, mount } = entry;
      const props = child.props();
      button.textContent = optionalStr(props, "label") ?? `Tab ${index + 1}`;
      button.dataset.tabId = String(tabId(child));
      button.hidden = !usable(child);
      button.disabled = !bool(props, "interactive", true);
      const isSelected = index === selected;
      button.setAttribute("aria-selected", String(isSelected));
      // Roving tabindex: Tab reaches the list once; arrows move within it.
      button.tabIndex = isSelected ? 0 : -1;
      showPanel(entry, isSelected);
      // Gradio grows a tab's panel by its `scale` (the host gives the tab itself --pagelet-scale).
      const scale = props.scale;
      entry.panel.style.flexGrow = typeof scale === "number" && Number.isFinite(scale) ? String(scale) : "";
      if (isSelected || bool(props, "render_children", false)) mount();
    });
  };

  const choose = (index: number, focus: boolean): void => {
    const entry = entries[index];
    if (!entry) return;
    const changed = index !== selected;
    selected = index;
    show();
    if (focus) entry.button.focus();
    if (changed) {
      const id = entry.child.props().id;
      context.setProps({ selected: id === undefined || id === null ? index : id });
      // Gradio describes both events by the tab chosen, so `evt.value` is its label.
      const data = tabSelectData(entry.child, index, `Tab ${index + 1}`);
      entry.child.emit("select", data);
      context.emit("select", data);
    }
  };

  entries.forEach(({ button }, index) => {
    button.addEventListener("click", () => choose(index, false));
    button.addEventListener("keydown", (event) => {
      const open = entries.map((entry, i) => ({ entry, i })).filter(({ entry }) => usable(entry.child) && !entry.button.disabled);
      const at = open.findIndex(({ i }) => i === index);
      let target: number | undefined;
      if (event.key === "ArrowRight") target = open[(at + 1) % open.length]?.i;
      else if (event.key === "ArrowLeft") target = open[(at - 1 + open.length) % open.length]?.i;
      else if (event.key === "Home") target = open[0]?.i;
      else if (event.key === "End") target = open[open.length - 1]?.i;
      if (target === undefined) return;
      event.preventDefault();
      choose(target, true);
    });
  });

  context.onChildUpdate(show);

  return {
    element,
    update(props) {
      const wanted = props.selected;
      const byId = entries.findIndex(({ child }) => wanted !== null && wanted !== undefined && child.props().id === wanted);
      if (byId >= 0) selected = byId;
      else if (typeof wanted === "number" && Number.isInteger(wanted) && entries[wanted]) selected = wanted;
      show();
    },
    getValue() {
      const entry = entries[selected];
      const id = entry?.child.props().id;
      return id === undefined || id === null ? selected : id;
    },
  };
};
