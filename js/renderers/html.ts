import type { Props } from "../protocol";
import { bool, str } from "./props";
import { sanitizedFragment } from "./sanitize";
import type { ComponentView, Renderer } from "./types";

/** Gradio's defaults: a template that is just the value, and a script that reports clicks. */
const DEFAULT_TEMPLATE = "${value}";
const DEFAULT_SCRIPT = "element.addEventListener('click', function() { trigger('click') });";

/**
 * gr.HTML. Plain HTML from the app (the default template) is shown sanitized:
 * markup and styles yes, script no; a click fires `click`, as Gradio's default
 * `js_on_load` makes it. An author's own template, styles, script or head
 * (Gradio 6's component in a string) are drawn by the `html-template` chunk,
 * fetched only when such a component is on the page.
 */
export const html: Renderer = (context): ComponentView => {
  const element = document.createElement("div");
  element.className = "pagelet-html pagelet-prose";
  let source: string | null = null;
  let templated: ComponentView | null = null;
  let latest: Readonly<Record<string, unknown>> = {};
  let value: unknown = null;
  let clicks = false;
  let loading = false;
  let templateProps: Record<string, unknown> = {};
  element.addEventListener("click", () => {
    if (clicks && templated === null) context.emit("click");
  });

  return {
    element,
    update(given) {
      // An update's `props` names only the template props it changes (gr.HTML(size=60)): merged here,
      // where every update passes, also those that come while the template chunk loads.
      if (typeof given.props === "object" && given.props !== null) templateProps = { ...templateProps, ...(given.props as Record<string, unknown>) };
      const props: Readonly<Props> = { ...given, props: templateProps };
      latest = props;
      value = props.value;
      // Gradio's `padding=True`: the HTML sits inset, as a block's content does.
      element.classList.toggle("pagelet-padded", bool(props, "padding", false));
      if (templated !== null) {
        templated.update(props);
        return;
      }
      const template = str(props, "html_template", DEFAULT_TEMPLATE);
      const script = props.js_on_load === undefined ? DEFAULT_SCRIPT : props.js_on_load;
      const custom = template !== DEFAULT_TEMPLATE || (script !== null && script !== DEFAULT_SCRIPT)
        || str(props, "css_template") !== "" || str(props, "head") !== "" || context.children.length > 0;
      if (custom) {
        // Updates that come while the chunk loads are kept in `latest` and shown once it is here.
        if (loading) return;
        loading = true;
        element.replaceChildren();
        void import("./html-template").then(
          (module) => {
            templated = module.templatedHtml(context, element);
            templated.update(latest);
          },
          (error: unknown) => {
            element.textContent = `Could not show this HTML component: ${String(error)}`;
          },
        );
        return;
      }
      clicks = script === DEFAULT_SCRIPT;
      const next = value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
      if (next === source) return;
      source = next;
      element.replaceChildren(sanitizedFragment(next));
    },
    getValue: () => (templated !== null ? templated.getValue() : value ?? ""),
    destroy: () => templated?.destroy?.(),
  };
};
