import { errorText } from "../errors";
import type { FileData, Props } from "../protocol";
import { blockElement, caption, interactive, showCaption, smallButton } from "./block";
import type { Viewer, ViewOptions } from "./model3d-viewer";
import { num, str } from "./props";
import type { ComponentView, RenderContext, Renderer } from "./types";
import { downloadLink, fileList, fileName, uploadZone } from "./upload";

const ACCEPT = ".obj,.glb,.gltf,.stl,.splat,.ply";

/** Whether this browser can draw WebGL at all (headless or locked-down browsers may not). */
function hasWebGL(): boolean {
  try {
    const probe = document.createElement("canvas");
    return (probe.getContext("webgl2") ?? probe.getContext("webgl")) !== null;
  } catch {
    return false;
  }
}

function extension(file: FileData): string {
  const name = fileName(file).toLowerCase();
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot);
}

function numbers(value: unknown, count: number): (number | null)[] {
  const list = Array.isArray(value) ? value : [];
  return Array.from({ length: count }, (_, index) => (typeof list[index] === "number" ? (list[index] as number) : null));
}

function viewOptions(props: Readonly<Props>): ViewOptions {
  const [red, green, blue, alpha] = numbers(props.clear_color, 4);
  const [a, b, r] = numbers(props.camera_position, 3);
  const mode = str(props, "display_mode", "solid");
  return {
    clearColor: [red ?? 0, green ?? 0, blue ?? 0, alpha ?? 0],
    cameraPosition: [a ?? null, b ?? null, r ?? null],
    zoomSpeed: num(props, "zoom_speed") ?? 1,
    panSpeed: num(props, "pan_speed") ?? 1,
    displayMode: mode === "wireframe" || mode === "point_cloud" ? mode : "solid",
  };
}

/**
 * gr.Model3D: the model drawn by a WebGL viewer (three.js, fetched only when
 * a model is shown), with its download link always there; upload and clear
 * when interactive. Without WebGL the block says so and keeps the link.
 */
export const model3d: Renderer = (context: RenderContext): ComponentView => {
  const element = blockElement("div", "model3d");
  const parts = caption("label", context.domId);
  const controlId = `${context.domId}-control`;
  const canvas = document.createElement("canvas");
  canvas.className = "pagelet-model3d-canvas";
  canvas.setAttribute("role", "img");
  canvas.style.width = "100%";
  canvas.style.display = "block";
  const message = document.createElement("p");
  message.className = "pagelet-model3d-message";
  message.setAttribute("role", "status");
  const actions = document.createElement("div");
  actions.className = "pagelet-media-actions";
  const resetButton = smallButton("Reset view");
  const clearButton = smallButton("Clear");
  // Gradio's icon buttons carry their names as labels; tests find them by those.
  clearButton.setAttribute("aria-label", "Clear");
  let current: Readonly<Props> = {};
  let value: FileData | null = null;
  let shownPath: string | null = null;
  let viewer: Promise<Viewer> | null = null;

  const say = (text: string): void => {
    message.textContent = text;
    message.hidden = text === "";
  };

  const openViewer = (): Promise<Viewer> => {
    viewer ??= import("./model3d-viewer").then((module) => module.createViewer(canvas));
    return viewer;
  };

  const draw = async (file: FileData): Promise<void> => {
    const url = context.files.url(file);
    if (url === null) return;
    if (!hasWebGL()) {
      say("This browser has no WebGL, so the 3D model cannot be drawn here: download it to view it.");
      canvas.hidden = true;
      return;
    }
    if (extension(file) === ".splat") {
      say("Gaussian splat (.splat) files cannot be drawn here yet: download it to view it.");
      canvas.hidden = true;
      return;
    }
    say("Loading the 3D viewer…");
    element.setAttribute("aria-busy", "true");
    try {
      const shown = await openViewer();
      shown.configure(viewOptions(current));
      await shown.show(url, extension(file));
      canvas.hidden = false;
      say("");
    } catch (error) {
      canvas.hidden = true;
      say(`${fileName(file)} could not be drawn: ${errorText(error)}`);
    } finally {
      element.removeAttribute("aria-busy");
    }
  };

  const show = (): void => {
    const editable = interactive(current);
    zone.configure({ accept: ACCEPT, multiple: false, enabled: editable && value === null });
    const download = value ? downloadLink(context, value, "Download") : null;
    download?.setAttribute("aria-label", "Download");
    actions.replaceChildren(...(download ? [download, resetButton] : []), ...(editable && value ? [clearButton] : []));
    if (value === null) {
      canvas.hidden = true;
      say("");
      shownPath = null;
      return;
    }
    if (value.path !== shownPath) {
      shownPath = value.path;
      void draw(value);
    }
  };

  const zone = uploadZone(context, controlId, (uploaded) => {
    value = uploaded[0] ?? null;
    show();
    context.emit("upload");
  }, { labelId: parts.label.id });
  resetButton.addEventListener("click", () => void viewer?.then((shown) => shown.resetView()));
  clearButton.addEventListener("click", () => {
    value = null;
    show();
    context.emit("clear");
  });
  canvas.hidden = true;
  say("");
  element.append(parts.label, parts.info, zone.element, canvas, message, actions);

  return {
    element,
    update(props) {
      current = props;
      const editable = interactive(props);
      if (editable) parts.label.setAttribute("for", controlId);
      else parts.label.removeAttribute("for");
      const label = showCaption(parts, props, zone.input);
      // Beside an upload input the label names the input; the view says what it is.
      canvas.setAttribute("aria-label", editable ? `${label || "Model"} 3D view` : label || "3D model");
      const height = num(props, "height");
      canvas.style.height = height === null ? "360px" : `${height}px`;
      value = fileList(props.value)[0] ?? null;
      void viewer?.then((shown) => shown.configure(viewOptions(props)));
      show();
    },
    getValue: () => value,
    destroy() {
      void viewer?.then((shown) => shown.dispose());
    },
  };
};
