import { placeholder, state } from "./fallback";
import type { Renderer, RendererLoader } from "./types";

/**
 * Renderers keyed by the component type the core sends. Each entry is a
 * loader, so a renderer's module (and what it imports, such as marked) is
 * fetched only when a component of its type is on the page.
 */
const loaders = new Map<string, RendererLoader>();
const loaded = new Map<string, Promise<Renderer>>();

/** Register (or replace) the renderer for `type`. */
export function register(type: string, loader: RendererLoader): void {
  loaders.set(type, loader);
  loaded.delete(type);
}

export function isRegistered(type: string): boolean {
  return loaders.has(type);
}

/**
 * The renderer for `type`. Unknown types resolve to a visible placeholder;
 * a loader that fails rejects, and is retried on the next call.
 */
export function loadRenderer(type: string): Promise<Renderer> {
  const cached = loaded.get(type);
  if (cached) return cached;
  const loader = loaders.get(type);
  const promise = loader ? loader() : Promise.resolve(placeholder(`Unsupported component: ${type}`));
  loaded.set(type, promise);
  promise.catch(() => loaded.delete(type));
  return promise;
}

const builtIn: Record<string, RendererLoader> = {
  textbox: () => import("./text").then((m) => m.textbox),
  number: () => import("./text").then((m) => m.number),
  slider: () => import("./slider").then((m) => m.slider),
  checkbox: () => import("./choice").then((m) => m.checkbox),
  checkboxgroup: () => import("./choice").then((m) => m.checkboxgroup),
  radio: () => import("./choice").then((m) => m.radio),
  dropdown: () => import("./dropdown").then((m) => m.dropdown),
  button: () => import("./button").then((m) => m.button),
  markdown: () => import("./markdown").then((m) => m.markdown),
  html: () => import("./html").then((m) => m.html),
  json: () => import("./data").then((m) => m.json),
  label: () => import("./data").then((m) => m.label),
  dataset: () => import("./dataset").then((m) => m.dataset),
  row: () => import("./layout").then((m) => m.row),
  column: () => import("./layout").then((m) => m.column),
  group: () => import("./layout").then((m) => m.group),
  form: () => import("./layout").then((m) => m.form),
  blocks: () => import("./layout").then((m) => m.blocks),
  accordion: () => import("./layout").then((m) => m.accordion),
  tabs: () => import("./tabs").then((m) => m.tabs),
  tab: () => import("./tabs").then((m) => m.tab),
  // Gradio's own config calls a Tab "tabitem".
  tabitem: () => import("./tabs").then((m) => m.tab),
  state: () => Promise.resolve(state),
  // gr.api's parameters and results: values for API clients, drawn as nothing, like State.
  api: () => Promise.resolve(state),
  file: () => import("./file").then((m) => m.file),
  image: () => import("./media").then((m) => m.image),
  audio: () => import("./media").then((m) => m.audio),
  video: () => import("./media").then((m) => m.video),
  gallery: () => import("./gallery").then((m) => m.gallery),
  dataframe: () => import("./dataframe").then((m) => m.dataframe),
  colorpicker: () => import("./pickers").then((m) => m.colorpicker),
  datetime: () => import("./pickers").then((m) => m.datetime),
  highlightedtext: () => import("./annotation").then((m) => m.highlightedtext),
  annotatedimage: () => import("./annotation").then((m) => m.annotatedimage),
  code: () => import("./code").then((m) => m.code),
  // The chart library is in the plots chunk: fetched only when a plot is on the page.
  // Gradio 6's type for all three (which one is in the value's mark); the others are Pagelet's earlier names.
  nativeplot: () => import("./plots").then((m) => m.nativePlot),
  lineplot: () => import("./plots").then((m) => m.nativePlot),
  scatterplot: () => import("./plots").then((m) => m.nativePlot),
  barplot: () => import("./plots").then((m) => m.nativePlot),
  plot: () => import("./figure").then((m) => m.plot),
};

for (const [type, loader] of Object.entries(builtIn)) register(type, loader);

register("chatbot", () => import("./chatbot").then((m) => m.chatbot));
register("multimodaltextbox", () => import("./multimodal").then((m) => m.multimodaltextbox));
register("timer", () => import("./timer").then((m) => m.timer));
register("uploadbutton", () => import("./file-buttons").then((m) => m.uploadbutton));
register("downloadbutton", () => import("./file-buttons").then((m) => m.downloadbutton));
register("paramviewer", () => import("./param-viewer").then((m) => m.paramviewer));
register("imageslider", () => import("./image-slider").then((m) => m.imageslider));
register("deeplinkbutton", () => import("./special-buttons").then((m) => m.deeplinkbutton));
register("loginbutton", () => import("./special-buttons").then((m) => m.loginbutton));
register("browserstate", () => import("./browser-state").then((m) => m.browserstate));
register("sidebar", () => import("./sidebar").then((m) => m.sidebar));
register("walkthrough", () => import("./walkthrough").then((m) => m.walkthrough));
register("walkthroughstep", () => import("./walkthrough").then((m) => m.walkthroughstep));
register("dialogue", () => import("./dialogue").then((m) => m.dialogue));
register("pages", () => import("./pages").then((m) => m.pages));
register("page", () => import("./pages").then((m) => m.page));
register("navbar", () => import("./pages").then((m) => m.navbar));
register("draggable", () => import("./draggable").then((m) => m.draggable));
// The editor and the 3D viewer are chunks of their own, fetched only when one is on the page.
register("imageeditor", () => import("./image-editor").then((m) => m.imageeditor));
register("model3d", () => import("./model3d").then((m) => m.model3d));
register("fileexplorer", () => import("./file-explorer").then((m) => m.fileexplorer));
