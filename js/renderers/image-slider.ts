import type { FileData, Props } from "../protocol";
import { blockElement, caption, interactive, showCaption } from "./block";
import { num } from "./props";
import type { ComponentView, Renderer } from "./types";
import { fileList, uploadZone } from "./upload";

/** The pair an ImageSlider's value holds: `[before, after]`, either may be missing. */
function pair(value: unknown): [FileData | null, FileData | null] {
  if (!Array.isArray(value)) return [null, null];
  return [fileList(value[0])[0] ?? null, fileList(value[1])[0] ?? null];
}

/**
 * gr.ImageSlider: the second picture lies over the first and is cut at the
 * handle, so the first shows to its left and the second to its right. The
 * handle is a range input (keyboard and screen readers move it too), starting
 * at `slider_position` percent. An interactive slider takes the first picture
 * by upload, as Gradio's does; a function then usually fills the second.
 */
export const imageslider: Renderer = (context): ComponentView => {
  const element = blockElement("div", "imageslider");
  const parts = caption("span", context.domId);
  const frame = document.createElement("div");
  frame.className = "pagelet-imageslider-frame";
  frame.style.position = "relative";
  frame.style.display = "inline-block";
  const before = document.createElement("img");
  const after = document.createElement("img");
  after.style.position = "absolute";
  after.style.inset = "0";
  for (const img of [before, after]) {
    img.style.display = "block";
    img.style.maxWidth = "100%";
  }
  const handle = document.createElement("input");
  handle.type = "range";
  handle.min = "0";
  handle.max = "100";
  handle.step = "0.01";
  handle.className = "pagelet-imageslider-handle";
  handle.style.width = "100%";
  frame.append(before, after);
  element.append(parts.label, parts.info, frame, handle);
  let value: unknown = null;
  let label = "";

  const cut = (): void => {
    // What lies left of the handle is the first picture: the second is clipped away there.
    after.style.clipPath = `inset(0 0 0 ${handle.value}%)`;
  };
  handle.addEventListener("input", cut);

  const show = (): void => {
    const [first, second] = pair(value);
    for (const [img, file, name] of [[before, first, "before"], [after, second, "after"]] as const) {
      const url = file ? context.files.url(file) : null;
      if (url === null) img.removeAttribute("src");
      else if (img.getAttribute("src") !== url) img.src = url;
      img.hidden = url === null;
      img.alt = `${label || "Image"} (${name})`;
    }
    frame.hidden = first === null && second === null;
  };

  const zone = uploadZone(context, `${context.domId}-upload`, (uploaded) => {
    const [first] = uploaded;
    if (!first) return;
    value = [first, pair(value)[1]];
    show();
    context.emit("upload");
  });
  zone.input.setAttribute("aria-labelledby", parts.label.id);
  element.append(zone.element);

  return {
    element,
    update(props: Readonly<Props>) {
      label = showCaption(parts, props);
      handle.setAttribute("aria-label", `${label || "Image"} slider position`);
      handle.value = String(num(props, "slider_position") ?? 50);
      const maxHeight = num(props, "max_height");
      for (const img of [before, after]) img.style.maxHeight = maxHeight === null ? "" : `${maxHeight}px`;
      value = props.value ?? null;
      zone.configure({ accept: "image/*", multiple: false, enabled: interactive(props) });
      show();
      cut();
    },
    getValue: () => value,
  };
};
