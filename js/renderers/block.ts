import type { Props } from "../protocol";
import { bool, optionalStr } from "./props";

/**
 * The frame shared by form components: a block holding a caption (Gradio's
 * "block-info"), optional info text under it, then the control.
 */

export function blockElement<K extends keyof HTMLElementTagNameMap>(tag: K, type: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  // `block` is Gradio's class for the same frame: apps' CSS and tests select it.
  element.className = `block pagelet-block pagelet-${type}`;
  return element;
}

export interface Caption {
  /** `<label>`, `<legend>` or `<span>`: whichever names the control. */
  readonly label: HTMLElement;
  readonly info: HTMLElement;
}

export function caption(tag: "label" | "legend" | "span" | "div", domId: string): Caption {
  const label = document.createElement(tag);
  label.className = "pagelet-block-info";
  label.id = `${domId}-label`;
  const info = document.createElement("div");
  info.className = "pagelet-info";
  info.id = `${domId}-info`;
  info.hidden = true;
  return { label, info };
}

/**
 * Show label and info from `props`. With `show_label: false` the label stays
 * in the accessibility tree (visually hidden) so the control keeps its name.
 * `control`, when given, is described by the info text.
 */
export function showCaption(parts: Caption, props: Readonly<Props>, control?: HTMLElement, fallbackLabel = ""): string {
  const text = optionalStr(props, "label") ?? fallbackLabel;
  parts.label.textContent = text;
  parts.label.hidden = text === "";
  parts.label.classList.toggle("pagelet-sr-only", !bool(props, "show_label", true));

  const info = optionalStr(props, "info") ?? "";
  parts.info.textContent = info;
  parts.info.hidden = info === "";
  if (control) {
    if (info === "") control.removeAttribute("aria-describedby");
    else control.setAttribute("aria-describedby", parts.info.id);
  }
  return text;
}

/** Whether the person may edit the component; the core always resolves it to a bool. */
export function interactive(props: Readonly<Props>): boolean {
  return bool(props, "interactive", true);
}

/** A small secondary button (Clear, Capture, a tool). */
export function smallButton(text: string): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "pagelet-button pagelet-button-sm";
  button.textContent = text;
  return button;
}
