import type { ComponentConfig } from "../protocol";

/**
 * The renderer a component is shown with: its config type, except for
 * Gradio's template components, which carry their base component's type
 * (a DeepLinkButton's config says "button", as Gradio's does) and are told
 * apart by a prop only they have.
 */
export function viewType(component: ComponentConfig): string {
  if (component.type === "button" && Object.hasOwn(component.props, "copied_value")) return "deeplinkbutton";
  return component.type;
}
