import { interactive } from "./block";
import { displayText, optionalStr, str } from "./props";
import type { ComponentView, Renderer } from "./types";

const VARIANTS: ReadonlySet<string> = new Set(["primary", "secondary", "stop", "huggingface"]);
const SIZES: ReadonlySet<string> = new Set(["sm", "md", "lg"]);

/** A button whose text is its value, and thereby its accessible name. */
export const button: Renderer = (context): ComponentView => {
  const element = document.createElement("button");
  element.type = "button";
  let value: unknown = "";
  let link: string | null = null;
  let target = "_self";
  element.addEventListener("click", () => {
    context.emit("click");
    // gr.Button(link=...): Gradio opens the link on a click (a DuplicateButton on a Space does this).
    if (link !== null) window.open(link, target, "noopener");
  });
  element.className = "pagelet-button";
  // Own classes are swapped one by one: the host adds `elem_classes` to the same element.
  let styleClasses: string[] = [];

  return {
    element,
    update(props) {
      value = props.value;
      element.textContent = displayText(value);
      const variant = str(props, "variant", "secondary");
      const size = str(props, "size", "lg");
      element.classList.remove(...styleClasses);
      const shownVariant = VARIANTS.has(variant) ? variant : "secondary";
      const shownSize = SIZES.has(size) ? size : "lg";
      // Gradio's bare `primary`, `lg` ... as well: apps' stylesheets and tests select `button.primary`.
      styleClasses = [`pagelet-button-${shownVariant}`, `pagelet-button-${shownSize}`, shownVariant, shownSize];
      element.classList.add(...styleClasses);
      element.disabled = !interactive(props);
      const given = optionalStr(props, "link");
      link = given !== null && /^https?:\/\//i.test(given) ? given : null;
      target = str(props, "link_target", "_self");
    },
    getValue: () => value,
  };
};
