import { errorText } from "../errors";
import type { FileData, Props } from "../protocol";
import { blockElement, caption, interactive, showCaption, smallButton } from "./block";
import { EditorCanvas, type Tool } from "./editor-canvas";
import { decodableImage } from "./media";
import { bool, num } from "./props";
import type { ComponentView, RenderContext, Renderer } from "./types";
import { uploadZone } from "./upload";

/** Gradio's EditorData: what the core receives and sends. */
interface EditorValue {
  background: FileData | null;
  layers: FileData[];
  composite: FileData | null;
  id: null;
}

interface ToolOptions {
  default_size: number | "auto";
  colors?: unknown;
  default_color?: unknown;
  color_mode?: string;
}

const STYLE_ID = "pagelet-image-editor-style";
// The editor's look travels with its chunk, so pages without an editor load none of it.
const STYLE = `
.pagelet-app .pagelet-editor-tools { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-bottom: 6px; }
.pagelet-app .pagelet-editor-tools [aria-pressed="true"] { outline: 2px solid var(--pagelet-accent, #f97316); }
.pagelet-app .pagelet-editor-swatch { width: 22px; height: 22px; border-radius: 50%; border: 1px solid #8884; padding: 0; }
.pagelet-app .pagelet-editor-canvas { display: block; max-width: 100%; height: auto; touch-action: none; border: 1px solid #8884;
  background: repeating-conic-gradient(#ccc 0% 25%, #fff 0% 50%) 50% / 16px 16px; cursor: crosshair; }
`;

function addStyle(): void {
  if (document.getElementById(STYLE_ID)) return;
  const style = document.createElement("style");
  style.id = STYLE_ID;
  style.textContent = STYLE;
  document.head.append(style);
}

function toolOptions(value: unknown): ToolOptions | null {
  if (typeof value !== "object" || value === null) return null;
  const size = (value as { default_size?: unknown }).default_size;
  return { ...(value as ToolOptions), default_size: typeof size === "number" ? size : "auto" };
}

/** A colour as `<input type=color>` takes it (#rrggbb); the canvas parses every CSS form for us. */
function hexColor(color: string): string {
  const probe = document.createElement("canvas").getContext("2d");
  if (!probe) return "#000000";
  probe.fillStyle = "#000000";
  probe.fillStyle = color;
  return /^#[0-9a-f]{6}$/i.test(probe.fillStyle) ? probe.fillStyle : "#000000";
}

/** Gradio's palette entries: a colour, or a (colour, opacity) pair. */
function paletteColor(entry: unknown): string | null {
  if (typeof entry === "string") return entry;
  if (Array.isArray(entry) && typeof entry[0] === "string") return entry[0];
  return null;
}

function palette(brush: ToolOptions): string[] {
  const colors = Array.isArray(brush.colors) ? brush.colors : [brush.colors];
  return colors.map(paletteColor).filter((color): color is string => color !== null);
}

function editorValue(value: unknown): EditorValue | null {
  if (typeof value !== "object" || value === null) return null;
  const raw = value as Partial<EditorValue>;
  return {
    background: raw.background ?? null,
    layers: Array.isArray(raw.layers) ? raw.layers : [],
    composite: raw.composite ?? null,
    id: null,
  };
}

/** Which files a value names: equal keys mean the canvas already shows it. */
function valueKey(value: EditorValue | null): string {
  if (value === null) return "";
  return JSON.stringify([value.background?.path, value.layers.map((layer) => layer.path), value.composite?.path]);
}

function loadPicture(url: string): Promise<HTMLImageElement> {
  const image = new Image();
  image.src = url;
  return image.decode().then(() => image);
}

function sizeSlider(name: string): HTMLInputElement {
  const slider = document.createElement("input");
  slider.type = "range";
  slider.min = "1";
  slider.max = "100";
  slider.setAttribute("aria-label", name);
  return slider;
}

/**
 * gr.ImageEditor (and Sketchpad, Paint, ImageMask): a background from an
 * upload, brush and eraser strokes on layers, a crop. Each finished edit is
 * saved as PNG files (background, layers, composite), uploaded, and becomes
 * the value; then `input` (and `change`) fire, as in Gradio.
 */
export const imageeditor: Renderer = (context: RenderContext): ComponentView => {
  addStyle();
  const element = blockElement("div", "imageeditor");
  const parts = caption("label", context.domId);
  const controlId = `${context.domId}-control`;
  const surface = new EditorCanvas(800, 800);
  const view = surface.view;
  view.className = "pagelet-editor-canvas";
  view.setAttribute("role", "img");
  view.setAttribute("aria-label", "Canvas");

  const tools = document.createElement("div");
  tools.className = "pagelet-editor-tools";
  tools.setAttribute("role", "toolbar");
  tools.setAttribute("aria-label", "Tools");
  const brushButton = smallButton("Brush");
  const eraserButton = smallButton("Erase");
  const cropButton = smallButton("Crop");
  const applyCropButton = smallButton("Apply crop");
  const colorInput = document.createElement("input");
  colorInput.type = "color";
  colorInput.setAttribute("aria-label", "Color");
  const swatches = document.createElement("span");
  const brushSize = sizeSlider("Brush Size");
  const eraserSize = sizeSlider("Eraser Size");
  const layerSelect = document.createElement("select");
  layerSelect.setAttribute("aria-label", "Layer");
  const addLayerButton = smallButton("Add Layer");
  const saveButton = smallButton("Save changes");
  const clearButton = smallButton("Clear canvas");
  tools.append(brushButton, eraserButton, cropButton, applyCropButton, swatches, colorInput, brushSize, eraserSize, layerSelect, addLayerButton, saveButton, clearButton);

  let current: Readonly<Props> = {};
  let value: EditorValue | null = null;
  let shownKey = "";
  let tool: Tool = "brush";
  let color = "#000000";
  let backgroundData: FileData | null = null;
  let backgroundSaved = true;
  let saving = 0;
  let layerCount = 0;

  const zone = uploadZone(context, controlId, (uploaded) => {
    const [file] = uploaded;
    if (file) void takeBackground(file);
  }, { check: decodableImage, kind: "image", labelId: parts.label.id });

  const canvasSize = (): [number, number] => {
    const size = current.canvas_size;
    return Array.isArray(size) && typeof size[0] === "number" && typeof size[1] === "number" ? [size[0], size[1]] : [800, 800];
  };
  const layerOptions = (): { names: string[]; allowMore: boolean; disabled: boolean } => {
    const raw = (typeof current.layers === "object" && current.layers !== null ? current.layers : {}) as Record<string, unknown>;
    const names = Array.isArray(raw.layers) && raw.layers.length > 0 ? raw.layers.map(String) : ["Layer 1"];
    return { names, allowMore: raw.allow_additional_layers !== false, disabled: raw.disabled === true };
  };
  const autoSize = (): number => Math.max(2, Math.round(Math.min(surface.width, surface.height) / 50));
  const defaultSize = (options: ToolOptions | null): number => (options && typeof options.default_size === "number" ? options.default_size : autoSize());

  // Gradio's "auto" sizes follow the picture: set again whenever the canvas changes size.
  const showSizes = (): void => {
    brushSize.value = String(defaultSize(toolOptions(current.brush)));
    eraserSize.value = String(defaultSize(toolOptions(current.eraser)));
  };

  const showLayers = (): void => {
    const names = surface.layerNames;
    layerSelect.replaceChildren(...names.map((name, index) => new Option(name, String(index), false, index === surface.activeLayer)));
  };

  const showTool = (): void => {
    brushButton.setAttribute("aria-pressed", String(tool === "brush"));
    eraserButton.setAttribute("aria-pressed", String(tool === "eraser"));
    cropButton.setAttribute("aria-pressed", String(tool === "crop"));
    applyCropButton.hidden = tool !== "crop";
    brushSize.hidden = tool !== "brush" || toolOptions(current.brush) === null;
    eraserSize.hidden = tool !== "eraser";
  };

  const choose = (next: Tool): void => {
    tool = next;
    if (next !== "crop") surface.markCrop(null);
    showTool();
  };

  /** Save the canvas as the value: PNGs uploaded, then `events` fire (the store sees the new value first). */
  const save = async (events: readonly string[]): Promise<void> => {
    const mine = ++saving;
    try {
      const files = await surface.files();
      const uploads = [
        files.background && !backgroundSaved ? context.files.upload(files.background) : Promise.resolve(backgroundData),
        context.files.upload(files.composite),
        ...files.layers.map((layer) => context.files.upload(layer)),
      ] as const;
      const [background, composite, ...layers] = await Promise.all(uploads);
      // A later edit started while these were uploading: its save is the one that counts.
      if (mine !== saving) return;
      backgroundData = files.background ? background : null;
      backgroundSaved = true;
      value = { background: backgroundData, layers: layers.filter((layer): layer is FileData => layer !== null), composite, id: null };
      shownKey = valueKey(value);
      zone.say("");
      for (const event of events) context.emit(event);
    } catch (error) {
      zone.say(errorText(error));
    }
  };

  const takeBackground = async (file: FileData): Promise<void> => {
    const url = context.files.url(file);
    if (url === null) return;
    try {
      surface.setBackground(await loadPicture(url), bool(current, "fixed_canvas", false));
      showSizes();
    } catch {
      zone.say(`${file.orig_name ?? "This file"} is not an image this app can read.`);
      return;
    }
    // The uploaded file is the background as it came, unless the canvas had to fit it.
    backgroundData = bool(current, "fixed_canvas", false) ? null : file;
    backgroundSaved = backgroundData !== null;
    await save(["upload", "input"]);
  };

  const startOver = (): void => {
    const [width, height] = canvasSize();
    surface.reset(layerOptions().names, width, height);
    layerCount = surface.layerNames.length;
    backgroundData = null;
    backgroundSaved = true;
    showLayers();
    showSizes();
  };

  /** Draw a value the core sent: its background and layers (or, with neither, its composite). */
  const showValue = async (next: EditorValue | null): Promise<void> => {
    startOver();
    if (next === null) return;
    const url = (file: FileData | null): string | null => (file ? context.files.url(file) : null);
    const backgroundUrl = url(next.background) ?? (next.layers.length === 0 ? url(next.composite) : null);
    try {
      if (backgroundUrl !== null) surface.setBackground(await loadPicture(backgroundUrl), bool(current, "fixed_canvas", false));
      showSizes();
      backgroundData = next.background;
      for (const [index, layer] of next.layers.entries()) {
        const layerUrl = url(layer);
        if (layerUrl !== null) surface.setLayerImage(index, await loadPicture(layerUrl), `Layer ${index + 1}`);
      }
    } catch {
      zone.say("The editor could not read the picture it was given.");
    }
    showLayers();
  };

  // Pointer strokes, in canvas pixels whatever size the canvas is drawn at.
  let last: { x: number; y: number } | null = null;
  let cropStart: { x: number; y: number } | null = null;
  const point = (event: PointerEvent): { x: number; y: number } => {
    const box = view.getBoundingClientRect();
    return { x: ((event.clientX - box.left) * view.width) / (box.width || 1), y: ((event.clientY - box.top) * view.height) / (box.height || 1) };
  };
  const stroke = () => ({
    tool,
    color,
    size: Number((tool === "eraser" ? eraserSize : brushSize).value) || autoSize(),
  });
  view.addEventListener("pointerdown", (event) => {
    if (!interactive(current)) return;
    view.setPointerCapture?.(event.pointerId);
    const at = point(event);
    if (tool === "crop") {
      cropStart = at;
      return;
    }
    last = at;
    surface.paint(stroke(), at, at);
  });
  view.addEventListener("pointermove", (event) => {
    if (cropStart) surface.markCrop(cropStart, point(event));
    if (!last) return;
    const at = point(event);
    surface.paint(stroke(), last, at);
    last = at;
  });
  const endStroke = (): void => {
    cropStart = null;
    if (!last) return;
    last = null;
    void save(["input"]);
  };
  view.addEventListener("pointerup", endStroke);
  view.addEventListener("pointercancel", endStroke);

  brushButton.addEventListener("click", () => choose("brush"));
  eraserButton.addEventListener("click", () => choose("eraser"));
  cropButton.addEventListener("click", () => choose("crop"));
  applyCropButton.addEventListener("click", () => {
    if (!surface.applyCrop()) {
      zone.say("Drag over the picture to mark what to keep, then apply the crop.");
      return;
    }
    backgroundSaved = !surface.hasBackground;
    choose("brush");
    void save(["input"]);
  });
  colorInput.addEventListener("input", () => {
    color = colorInput.value;
  });
  layerSelect.addEventListener("change", () => surface.selectLayer(Number(layerSelect.value)));
  addLayerButton.addEventListener("click", () => {
    layerCount += 1;
    surface.addLayer(`Layer ${layerCount}`);
    showLayers();
  });
  saveButton.addEventListener("click", () => context.emit("apply"));
  clearButton.addEventListener("click", () => {
    saving += 1;
    startOver();
    value = null;
    shownKey = "";
    context.emit("clear");
    context.emit("input");
  });

  const showPalette = (brush: ToolOptions | null): void => {
    const colors = brush ? palette(brush) : [];
    const fixed = brush?.color_mode === "fixed";
    const first = typeof brush?.default_color === "string" ? brush.default_color : paletteColor(brush?.default_color) ?? colors[0] ?? "#000000";
    color = hexColor(first);
    colorInput.value = color;
    colorInput.hidden = brush === null || fixed;
    swatches.replaceChildren(
      ...(colors.length > 1 || !fixed ? colors : []).map((entry) => {
        const swatch = smallButton("");
        swatch.className = "pagelet-editor-swatch";
        swatch.style.background = entry;
        swatch.setAttribute("aria-label", `Color ${entry}`);
        swatch.addEventListener("click", () => {
          color = hexColor(entry);
          colorInput.value = color;
        });
        return swatch;
      }),
    );
  };

  element.append(parts.label, parts.info, zone.element, tools, view);

  return {
    element,
    update(props) {
      const first = Object.keys(current).length === 0;
      current = props;
      const editable = interactive(props);
      const sources = Array.isArray(props.sources) ? props.sources : [];
      const uploads = editable && (sources.includes("upload") || sources.includes("clipboard"));
      zone.configure({ accept: "image/*", multiple: false, enabled: uploads });
      if (uploads) parts.label.setAttribute("for", controlId);
      else parts.label.removeAttribute("for");
      const label = showCaption(parts, props, zone.input);
      view.setAttribute("aria-label", label ? `${label} canvas` : "Canvas");

      const brush = toolOptions(props.brush);
      const eraser = toolOptions(props.eraser);
      const layers = layerOptions();
      const transforms = Array.isArray(props.transforms) ? props.transforms : [];
      tools.hidden = !editable;
      brushButton.hidden = brush === null;
      // Gradio: no brush means no eraser either.
      eraserButton.hidden = brush === null || eraser === null;
      cropButton.hidden = !transforms.includes("crop");
      layerSelect.hidden = layers.disabled;
      addLayerButton.hidden = layers.disabled || !layers.allowMore;
      saveButton.hidden = !bool(props, "changeable", false);
      if (first) {
        showPalette(brush);
        choose(brush === null ? "crop" : "brush");
      }
      const height = num(props, "height");
      view.style.maxHeight = height === null ? "" : `${height}px`;

      const next = editorValue(props.value ?? null);
      const key = valueKey(next);
      if (first || key !== shownKey) {
        value = next;
        shownKey = key;
        void showValue(next);
      }
    },
    getValue: () => value,
  };
};
