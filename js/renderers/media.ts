import type { FileData, Props } from "../protocol";
import { blockElement, caption, interactive, showCaption } from "./block";
import { bool, num, optionalStr } from "./props";
import type { ComponentView, RenderContext, Renderer } from "./types";
import { downloadLink, fileList, uploadZone, type FileCheck } from "./upload";

type Preview = HTMLImageElement | HTMLAudioElement | HTMLVideoElement;

interface MediaKind {
  readonly type: string;
  /** The `accept` of the upload input. */
  readonly accept: string;
  preview(): Preview;
  /**
   * Name the preview after the label, as Gradio's alt text and player labels
   * do. A player beside an upload input says it plays, so the label names one control.
   */
  name(preview: Preview, label: string, editable: boolean): void;
  /** A check of a chosen file before it is uploaded (see `uploadZone`). */
  readonly check?: FileCheck;
}

/**
 * A picture the browser cannot decode (a corrupt or mislabelled file) is
 * refused under the field at once, rather than shown broken and failing
 * later in the app. The decoder is the browser's own.
 */
export async function decodableImage(file: File): Promise<string> {
  // An SVG is a document, not a bitmap: the browser shows it, createImageBitmap would refuse it.
  if (file.type === "image/svg+xml") return "";
  try {
    (await createImageBitmap(file)).close();
    return "";
  } catch {
    return `${file.name} is not an image this app can read.`;
  }
}

function size(value: number | null): string {
  return value === null ? "" : `${value}px`;
}

/**
 * One file shown by the browser's own element (an image, a player): upload it
 * when interactive, see it, download it, clear it.
 */
function mediaRenderer(kind: MediaKind): Renderer {
  return (context: RenderContext): ComponentView => {
    const element = blockElement("div", kind.type);
    const parts = caption("label", context.domId);
    const controlId = `${context.domId}-control`;
    const preview = kind.preview();
    preview.className = "pagelet-media-preview";
    const actions = document.createElement("div");
    actions.className = "pagelet-media-actions";
    const clear = document.createElement("button");
    clear.type = "button";
    clear.className = "pagelet-button pagelet-button-sm";
    clear.textContent = "Clear";
    let value: FileData | null = null;
    let current: Readonly<Props> = {};

    const show = (): void => {
      const url = value ? context.files.url(value) : null;
      if (url === null) preview.removeAttribute("src");
      else if (preview.getAttribute("src") !== url) preview.src = url;
      preview.hidden = url === null;
      const editable = interactive(current);
      clear.hidden = !editable || value === null;
      const download = value && bool(current, "show_download_button", true) ? downloadLink(context, value, "Download") : null;
      actions.replaceChildren(...(download ? [download] : []), clear);
    };

    const zone = uploadZone(context, controlId, (uploaded) => {
      value = uploaded[0] ?? null;
      show();
      context.emit("upload");
    }, kind.check);
    clear.addEventListener("click", () => {
      value = null;
      show();
      context.emit("clear");
    });
    if (!(preview instanceof HTMLImageElement)) {
      preview.addEventListener("play", () => context.emit("play"));
      preview.addEventListener("pause", () => context.emit("pause"));
    }
    element.append(parts.label, parts.info, zone.element, preview, actions);

    return {
      element,
      update(props) {
        current = props;
        const editable = interactive(props);
        zone.configure({ accept: kind.accept, multiple: false, enabled: editable });
        // A hidden input (an output) must not take the label from what is shown.
        if (editable) parts.label.setAttribute("for", controlId);
        else parts.label.removeAttribute("for");
        const label = showCaption(parts, props, zone.input);
        kind.name(preview, label, editable);
        preview.style.height = size(num(props, "height"));
        preview.style.width = size(num(props, "width"));
        if (preview instanceof HTMLMediaElement) {
          preview.autoplay = bool(props, "autoplay", false);
          preview.loop = bool(props, "loop", false);
        }
        value = fileList(props.value)[0] ?? null;
        show();
      },
      getValue: () => value,
    };
  };
}

function player(tag: "audio" | "video"): () => Preview {
  return () => {
    const media = document.createElement(tag);
    media.controls = true;
    return media;
  };
}

function nameByAriaLabel(preview: Preview, label: string, editable: boolean): void {
  if (label === "") preview.removeAttribute("aria-label");
  else preview.setAttribute("aria-label", editable ? `${label} (playback)` : label);
}

export const image = mediaRenderer({
  type: "image",
  accept: "image/*",
  preview: () => document.createElement("img"),
  name: (preview, label) => {
    (preview as HTMLImageElement).alt = label;
  },
  check: decodableImage,
});

export const audio = mediaRenderer({ type: "audio", accept: "audio/*", preview: player("audio"), name: nameByAriaLabel });

export const video = mediaRenderer({ type: "video", accept: "video/*", preview: player("video"), name: nameByAriaLabel });

/** A gallery item as the core sends it. */
interface GalleryItem {
  image: FileData;
  caption: string | null;
}

function galleryItems(value: unknown): GalleryItem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown): GalleryItem[] => {
    if (typeof entry !== "object" || entry === null) return [];
    const record = entry as Record<string, unknown>;
    const [image] = fileList(record.image);
    if (!image) return [];
    return [{ image, caption: typeof record.caption === "string" ? record.caption : null }];
  });
}

/**
 * gr.Gallery: a grid of images, each with its caption under it. Each image
 * is a button: choosing it fires `select` with its index and item.
 */
export const gallery: Renderer = (context): ComponentView => {
  const element = blockElement("div", "gallery");
  const parts = caption("span", context.domId);
  const grid = document.createElement("ul");
  grid.className = "pagelet-gallery-grid";
  grid.setAttribute("aria-labelledby", parts.label.id);
  element.append(parts.label, parts.info, grid);
  let value: unknown = null;
  let selected: number | null = null;

  const choose = (index: number, item: GalleryItem): void => {
    selected = index;
    grid.querySelectorAll("button").forEach((button, at) => button.setAttribute("aria-pressed", String(at === index)));
    context.emit("select", { index, value: item, selected: true });
  };

  return {
    element,
    update(props) {
      const label = showCaption(parts, props);
      if (props.value !== value) selected = null;
      value = props.value;
      const columns = num(props, "columns") ?? 2;
      grid.style.setProperty("--pagelet-gallery-columns", String(Math.max(1, Math.round(columns))));
      grid.replaceChildren(
        ...galleryItems(value).map((item, index) => {
          const cell = document.createElement("li");
          const figure = document.createElement("figure");
          const img = document.createElement("img");
          const url = context.files.url(item.image);
          if (url !== null) img.src = url;
          img.alt = item.caption ?? `${label || "Image"} ${index + 1}`;
          const fit = optionalStr(props, "object_fit");
          if (fit) img.style.objectFit = fit;
          const button = document.createElement("button");
          button.type = "button";
          button.className = "pagelet-gallery-item";
          button.setAttribute("aria-pressed", String(index === selected));
          button.addEventListener("click", () => choose(index, item));
          button.append(img);
          figure.append(button);
          if (item.caption !== null) {
            const text = document.createElement("figcaption");
            text.textContent = item.caption;
            figure.append(text);
          }
          cell.append(figure);
          return cell;
        }),
      );
    },
    getValue: () => value,
  };
};
