import type { ComponentConfig, LayoutNode } from "./protocol";
import { viewType } from "./renderers/view-type";

/** What the page knows of a component it shows (the store's view of it). */
export interface Shown {
  readonly has: (id: number) => boolean;
  readonly type: (id: number) => string | undefined;
  readonly value: (id: number) => unknown;
}

/**
 * The components of a `@gr.render` rebuild, each new one given the value the page showed at its
 * place when the app leaves it without one, as Gradio's page does: it keeps the component mounted
 * at the same place (the same position among its parent's children, the same type) and pushes it
 * only the props the new config defines, so what a person typed in an unkeyed box (a new id each
 * rebuild) stays. A component whose id the page knows (a keyed one) is left to the store.
 */
export function withKeptValues(old: LayoutNode, fresh: LayoutNode, components: readonly ComponentConfig[], shown: Shown): ComponentConfig[] {
  const byId = new Map(components.map((component) => [component.id, component]));
  const kept = new Map<number, unknown>();
  const match = (before: LayoutNode, after: LayoutNode): void => {
    const config = byId.get(after.id);
    if (config === undefined || shown.type(before.id) !== viewType(config)) return;
    if (!shown.has(after.id) && after.id !== before.id && config.props.value == null) {
      const value = shown.value(before.id);
      if (value !== undefined && value !== null) kept.set(after.id, value);
    }
    matchChildren(before, after);
  };
  const matchChildren = (before: LayoutNode, after: LayoutNode): void => {
    (after.children ?? []).forEach((child, index) => {
      const older = before.children?.[index];
      if (older !== undefined) match(older, child);
    });
  };
  // The render column itself keeps its id; what is inside it is matched by position.
  matchChildren(old, fresh);
  if (kept.size === 0) return [...components];
  return components.map((component) =>
    kept.has(component.id) ? { ...component, props: { ...component.props, value: kept.get(component.id) } } : component,
  );
}

/** The node `id` in `layout`, or null. */
export function findNode(layout: LayoutNode, id: number): LayoutNode | null {
  if (layout.id === id) return layout;
  for (const child of layout.children ?? []) {
    const found = findNode(child, id);
    if (found !== null) return found;
  }
  return null;
}

/** `layout` with node `replacement.id` replaced by `replacement` (a new tree; `layout` is unchanged). */
export function replaceNode(layout: LayoutNode, replacement: LayoutNode): LayoutNode {
  if (layout.id === replacement.id) return replacement;
  if (layout.children === undefined) return layout;
  return { ...layout, children: layout.children.map((child) => replaceNode(child, replacement)) };
}
