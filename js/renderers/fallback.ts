import type { ComponentView, Renderer } from "./types";

/** State is session data for the core: nothing is drawn and its value never shown. */
export const state: Renderer = (): ComponentView => {
  let value: unknown = null;
  return {
    element: null,
    update(props) {
      value = props.value;
    },
    getValue: () => value,
  };
};

/** What a type without a renderer shows: a visible note instead of a broken page. */
export function placeholder(text: string): Renderer {
  return (): ComponentView => {
    const element = document.createElement("div");
    element.className = "pagelet-block pagelet-unsupported";
    element.textContent = text;
    return { element, update: () => undefined, getValue: () => undefined };
  };
}
