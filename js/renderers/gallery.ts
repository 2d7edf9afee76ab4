import type { FileData, Props } from "../protocol";
import { errorText } from "../errors";
import { blockElement, caption, interactive, showCaption, smallButton } from "./block";
import { bool, num, optionalStr } from "./props";
import { offersClipboard, sourcePicker } from "./sources";
import type { ComponentView, Renderer } from "./types";
import { acceptAttribute, fileList, uploadZone } from "./upload";
import { saveUrl } from "../download";

/** A gallery item as the core sends it: Gradio's `{image, caption}` or `{video, caption}`. */
interface GalleryItem {
  file: FileData;
  isVideo: boolean;
  caption: string | null;
}

function galleryItems(value: unknown): GalleryItem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown): GalleryItem[] => {
    if (typeof entry !== "object" || entry === null) return [];
    const record = entry as Record<string, unknown>;
    const isVideo = !("image" in record) && "video" in record;
    const [file] = fileList(isVideo ? record.video : record.image);
    if (!file) return [];
    return [{ file, isVideo, caption: typeof record.caption === "string" ? record.caption : null }];
  });
}

/** The item as Gradio's SelectData carries it. */
function itemValue(item: GalleryItem): Record<string, unknown> {
  return item.isVideo ? { video: item.file, caption: item.caption } : { image: item.file, caption: item.caption };
}

/** An uploaded or pasted file as a gallery entry: a video by its type, else a picture (Gradio's rule). */
function entryOf(file: FileData): Record<string, unknown> {
  return file.mime_type?.includes("video") ? { video: file, caption: null } : { image: file, caption: null };
}

/**
 * The first clipboard item whose type `accept` takes ("image/*,video/*"), as
 * a file; null when there is none. Throws when the browser will not let the
 * page read the clipboard.
 */
async function clipboardMedia(accept: string): Promise<File | null> {
  const kinds = accept.split(",").map((entry) => entry.trim().replace(/\*$/, "")).filter((entry) => entry.endsWith("/"));
  for (const item of await navigator.clipboard.read()) {
    const type = item.types.find((candidate) => kinds.some((kind) => candidate.startsWith(kind)));
    if (type === undefined) continue;
    const blob = await item.getType(type);
    return new File([blob], `clipboard.${type.slice(type.indexOf("/") + 1)}`, { type });
  }
  return null;
}

/** A picture or a muted video, as a cell or a thumbnail shows one. */
function mediaElement(item: GalleryItem, url: string | null, name: string, fit: string | null): HTMLImageElement | HTMLVideoElement {
  const media = document.createElement(item.isVideo ? "video" : "img");
  if (url !== null) media.src = url;
  if (media instanceof HTMLImageElement) media.alt = name;
  else {
    media.muted = true;
    if (name !== "") media.setAttribute("aria-label", name);
  }
  if (fit) media.style.objectFit = fit;
  return media;
}

/** Whether Gradio 6's `buttons=` (or the older `show_download_button`) offers a download. */
function offersDownload(props: Readonly<Props>): boolean {
  if (Array.isArray(props.buttons)) return props.buttons.includes("download");
  return bool(props, "show_download_button", true);
}

/**
 * gr.Gallery: a grid of pictures and videos. Choosing one fires `select` and
 * opens Gradio's preview (`preview_open`): the item large, a Download and a
 * Close button (`preview_close`), and a strip of "Thumbnail N of M" buttons.
 * An interactive gallery takes uploads and, with the "clipboard" source,
 * pastes; once it holds items a row offers Clear, "Click to Upload" (more
 * files, added) and "Paste from Clipboard".
 */
export const gallery: Renderer = (context): ComponentView => {
  const element = blockElement("div", "gallery");
  const parts = caption("span", context.domId);
  let value: unknown = null;
  let items: GalleryItem[] = [];
  let selected: number | null = null;
  let current: Readonly<Props> = {};
  let label = "";
  let lastSelectedProp: unknown = undefined;

  const accept = (): string => acceptAttribute(current.file_types) || "image/*,video/*";
  const nameOf = (item: GalleryItem, index: number): string => item.caption ?? `${label || (item.isVideo ? "Video" : "Image")} ${index + 1}`;
  const setItems = (next: unknown[]): void => {
    value = next;
    draw();
  };

  // Uploads add to what is there: the first fills an empty gallery, later ones (Click to Upload) append.
  const zone = uploadZone(context, `${context.domId}-upload`, (uploaded) => {
    setItems([...(Array.isArray(value) ? value : []), ...uploaded.map(entryOf)]);
    context.emit("upload");
  }, { kind: "gallery", labelId: parts.label.id });

  const paste = async (): Promise<void> => {
    let file: File | null;
    try {
      file = await clipboardMedia(accept());
    } catch (error) {
      context.report(`Could not read the clipboard: ${errorText(error)}`);
      return;
    }
    // Gradio's words when the clipboard holds text or nothing it can show.
    if (file === null) {
      context.warn("No image or video found in clipboard");
      return;
    }
    try {
      const stored = await context.files.upload(file);
      // A paste is a change, not an upload, as in Gradio.
      setItems([...(Array.isArray(value) ? value : []), entryOf(stored)]);
      context.emit("change");
    } catch (error) {
      context.report(errorText(error));
    }
  };
  // The empty gallery's sources: only the clipboard is a button (Gradio's "Paste from clipboard").
  const picker = sourcePicker(() => undefined, () => void paste());

  // The row of an interactive gallery that holds items.
  const tools = document.createElement("div");
  tools.className = "pagelet-gallery-tools";
  tools.setAttribute("role", "toolbar");
  const clear = smallButton("Clear");
  clear.setAttribute("aria-label", "Clear");
  clear.addEventListener("click", () => {
    selected = null;
    setItems([]);
    context.emit("change");
  });
  const more = smallButton("Click to Upload");
  // Gradio's icon button is named by its label; its chooser is the zone's own input.
  more.setAttribute("aria-label", "Click to Upload");
  more.addEventListener("click", () => zone.input.click());
  const pasteMore = smallButton("Paste from Clipboard");
  pasteMore.setAttribute("aria-label", "Paste from Clipboard");
  pasteMore.addEventListener("click", () => void paste());

  const preview = document.createElement("div");
  preview.className = "pagelet-gallery-preview";
  preview.setAttribute("role", "group");
  preview.tabIndex = -1;
  const grid = document.createElement("ul");
  grid.className = "pagelet-gallery-grid";
  grid.setAttribute("aria-labelledby", parts.label.id);
  const filled = document.createElement("div");
  filled.className = "pagelet-gallery-container";
  filled.append(preview, tools, grid);
  element.append(parts.label, parts.info, zone.element, picker.element, filled);

  const select = (index: number): void => {
    const item = items[index];
    if (item === undefined) return;
    selected = index;
    draw();
    context.emit("select", { index, value: itemValue(item), selected: true });
  };
  const closePreview = (): void => {
    selected = null;
    draw();
    context.emit("preview_close");
  };
  const step = (by: number): void => {
    if (selected === null || items.length === 0) return;
    select((selected + by + items.length) % items.length);
  };
  preview.addEventListener("keydown", (event) => {
    if (event.key === "Escape") closePreview();
    else if (event.key === "ArrowLeft") step(-1);
    else if (event.key === "ArrowRight") step(1);
    else return;
    event.preventDefault();
  });

  const drawPreview = (fit: string | null): void => {
    const item = selected === null ? undefined : items[selected];
    preview.hidden = item === undefined || !bool(current, "allow_preview", true);
    if (item === undefined || preview.hidden) {
      preview.replaceChildren();
      return;
    }
    const index = selected ?? 0;
    const name = nameOf(item, index);
    preview.setAttribute("aria-label", `Preview of ${name}`);
    const url = context.files.url(item.file);
    const buttons = document.createElement("div");
    buttons.className = "pagelet-gallery-preview-buttons";
    if (offersDownload(current) && url !== null) {
      const download = smallButton("Download");
      download.setAttribute("aria-label", "Download");
      download.addEventListener("click", () => void saveUrl(url, item.file.orig_name ?? "image"));
      buttons.append(download);
    }
    const close = smallButton("Close");
    close.setAttribute("aria-label", "Close");
    close.addEventListener("click", closePreview);
    buttons.append(close);

    const large = mediaElement(item, url, name, null);
    let detail: HTMLElement;
    if (large instanceof HTMLVideoElement) {
      // A video keeps its own controls (and sound): it is not inside a button.
      large.muted = false;
      large.controls = true;
      large.dataset.testid = "detailed-video";
      detail = document.createElement("div");
      detail.append(large);
    } else {
      large.dataset.testid = "detailed-image";
      // As in Gradio, a click on the left half shows the previous item, on the right half the next.
      const button = document.createElement("button");
      button.type = "button";
      button.setAttribute("aria-label", "Previous (left half) or next (right half)");
      button.addEventListener("click", (event) => step(event.offsetX < button.offsetWidth / 2 ? -1 : 1));
      button.append(large);
      detail = button;
    }
    detail.className = "pagelet-gallery-detail";
    const strip = document.createElement("div");
    strip.className = "pagelet-gallery-thumbnails";
    strip.dataset.testid = "container_el";
    strip.append(
      ...items.map((entry, at) => {
        const thumb = document.createElement("button");
        thumb.type = "button";
        thumb.className = "pagelet-gallery-thumbnail";
        // Gradio's name for it; the picture inside is decorative here.
        thumb.setAttribute("aria-label", `Thumbnail ${at + 1} of ${items.length}`);
        thumb.setAttribute("aria-pressed", String(at === index));
        const media = mediaElement(entry, context.files.url(entry.file), "", fit);
        media.dataset.testid = `thumbnail ${at + 1}`;
        thumb.append(media);
        thumb.addEventListener("click", () => select(at));
        return thumb;
      }),
    );
    const parts: HTMLElement[] = [buttons, detail];
    if (item.caption !== null) {
      const text = document.createElement("p");
      text.className = "pagelet-gallery-caption";
      text.textContent = item.caption;
      parts.push(text);
    }
    preview.replaceChildren(...parts, strip);
  };

  const draw = (): void => {
    items = galleryItems(value);
    if (selected !== null && selected >= items.length) selected = items.length > 0 ? items.length - 1 : null;
    const editable = interactive(current);
    const empty = items.length === 0;
    const sources = Array.isArray(current.sources) ? current.sources : ["upload"];
    const clipboard = editable && offersClipboard(current.sources, ["upload"]);
    zone.configure({ accept: accept(), multiple: true, enabled: editable && sources.includes("upload") });
    // Filled, the zone is out of sight; its input still serves "Click to Upload".
    zone.element.hidden = zone.element.hidden || !empty;
    picker.show([], empty && clipboard);
    filled.hidden = empty;
    tools.hidden = !editable || empty || selected !== null;
    tools.replaceChildren(clear, ...(sources.includes("upload") ? [more] : []), ...(clipboard ? [pasteMore] : []));
    tools.setAttribute("aria-label", `${label || "Gallery"} tools`);

    const columns = num(current, "columns") ?? 2;
    // Gradio's fit_columns: no wider than the items need.
    const fitted = bool(current, "fit_columns", true) && !empty ? Math.min(columns, items.length) : columns;
    grid.style.setProperty("--pagelet-gallery-columns", String(Math.max(1, Math.round(fitted))));
    const fit = optionalStr(current, "object_fit");
    grid.replaceChildren(
      ...items.map((item, index) => {
        const cell = document.createElement("li");
        const figure = document.createElement("figure");
        const name = nameOf(item, index);
        const button = document.createElement("button");
        button.type = "button";
        button.className = "pagelet-gallery-item";
        // The item's own name first, then Gradio's ("Thumbnail 2 of 3"), by which its tests find it.
        button.setAttribute("aria-label", `${name}, thumbnail ${index + 1} of ${items.length}`);
        button.setAttribute("aria-pressed", String(index === selected));
        button.addEventListener("click", () => {
          if (selected === null && bool(current, "allow_preview", true)) context.emit("preview_open");
          select(index);
        });
        button.append(mediaElement(item, context.files.url(item.file), name, fit));
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
    drawPreview(fit);
  };

  return {
    element,
    update(props) {
      current = props;
      label = showCaption(parts, props);
      const next = props.value ?? null;
      const fresh = next !== value;
      value = next;
      const length = galleryItems(value).length;
      if (props.selected_index !== lastSelectedProp) {
        lastSelectedProp = props.selected_index;
        const index = num(props, "selected_index");
        if (index !== null || props.selected_index === null) selected = index;
      }
      // Gradio keeps the chosen item through a new value that still has it; `preview=True` opens the first.
      if (fresh && selected !== null) selected = length > 0 ? Math.min(selected, length - 1) : null;
      if (selected === null && bool(props, "preview", false) && fresh && length > 0) selected = 0;
      draw();
    },
    getValue: () => value,
  };
};
