/**
 * The drawing surface of gr.ImageEditor: a background and named layers, each
 * its own canvas, flattened onto the one canvas the person sees. The page makes
 * the composite itself (canvas to PNG), so the core never needs PIL for it.
 */

export type Tool = "brush" | "eraser" | "crop";

export interface Stroke {
  tool: Tool;
  color: string;
  /** Radius in canvas pixels. */
  size: number;
}

interface Layer {
  name: string;
  canvas: HTMLCanvasElement;
}

function blankCanvas(width: number, height: number): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

function context2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const context = canvas.getContext("2d");
  if (context === null) throw new Error("This browser cannot draw on a canvas.");
  return context;
}

function pngFile(canvas: HTMLCanvasElement, name: string): Promise<File> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(new File([blob], name, { type: "image/png" })) : reject(new Error("The drawing could not be saved as PNG."))), "image/png");
  });
}

export class EditorCanvas {
  /** The canvas on the page: background and layers flattened, plus the crop outline. */
  readonly view: HTMLCanvasElement;
  #background: HTMLCanvasElement | null = null;
  #layers: Layer[] = [];
  #active = 0;
  #crop: { x: number; y: number; width: number; height: number } | null = null;

  constructor(width: number, height: number) {
    this.view = blankCanvas(width, height);
  }

  get width(): number {
    return this.view.width;
  }

  get height(): number {
    return this.view.height;
  }

  get layerNames(): string[] {
    return this.#layers.map((layer) => layer.name);
  }

  get activeLayer(): number {
    return this.#active;
  }

  get hasBackground(): boolean {
    return this.#background !== null;
  }

  get cropArea(): { x: number; y: number; width: number; height: number } | null {
    return this.#crop;
  }

  /** Start again: `names` empty layers over no background, at `width` × `height`. */
  reset(names: readonly string[], width: number, height: number): void {
    this.#resize(width, height);
    this.#background = null;
    this.#layers = names.map((name) => ({ name, canvas: blankCanvas(width, height) }));
    this.#active = 0;
    this.#crop = null;
    this.redraw();
  }

  addLayer(name: string): void {
    this.#layers.push({ name, canvas: blankCanvas(this.width, this.height) });
    this.#active = this.#layers.length - 1;
  }

  selectLayer(index: number): void {
    if (index >= 0 && index < this.#layers.length) this.#active = index;
  }

  /**
   * Make `image` the background. Unless the canvas is fixed, the canvas takes
   * the image's size; a fixed canvas fits the image inside, centred, keeping its shape.
   */
  setBackground(image: CanvasImageSource & { width: number; height: number }, fixed: boolean): void {
    if (!fixed) this.#resize(image.width, image.height);
    const background = blankCanvas(this.width, this.height);
    const scale = fixed ? Math.min(this.width / image.width, this.height / image.height) : 1;
    const width = image.width * scale;
    const height = image.height * scale;
    context2d(background).drawImage(image, (this.width - width) / 2, (this.height - height) / 2, width, height);
    this.#background = background;
    this.redraw();
  }

  /** Put a picture on layer `index` (a layer the app sent back), adding layers as needed. */
  setLayerImage(index: number, image: CanvasImageSource, name: string): void {
    while (this.#layers.length <= index) this.addLayer(name);
    const layer = this.#layers[index];
    if (!layer) return;
    const context = context2d(layer.canvas);
    context.clearRect(0, 0, this.width, this.height);
    context.drawImage(image, 0, 0);
    this.redraw();
  }

  /** A line segment of `stroke` on the active layer, from one canvas point to another. */
  paint(stroke: Stroke, from: { x: number; y: number }, to: { x: number; y: number }): void {
    const layer = this.#layers[this.#active];
    if (!layer) return;
    const context = context2d(layer.canvas);
    context.save();
    // The eraser cuts through the layer to what is under it; it never touches the background.
    context.globalCompositeOperation = stroke.tool === "eraser" ? "destination-out" : "source-over";
    context.strokeStyle = stroke.color;
    context.fillStyle = stroke.color;
    context.lineWidth = stroke.size * 2;
    context.lineCap = "round";
    context.lineJoin = "round";
    context.beginPath();
    context.moveTo(from.x, from.y);
    context.lineTo(to.x, to.y);
    context.stroke();
    context.restore();
    this.redraw();
  }

  /** The rectangle a crop would keep, between two canvas points (null to drop it). */
  markCrop(from: { x: number; y: number } | null, to?: { x: number; y: number }): void {
    if (from === null || to === undefined) {
      this.#crop = null;
    } else {
      const x = Math.max(0, Math.min(from.x, to.x));
      const y = Math.max(0, Math.min(from.y, to.y));
      const width = Math.min(this.width, Math.max(from.x, to.x)) - x;
      const height = Math.min(this.height, Math.max(from.y, to.y)) - y;
      this.#crop = width >= 1 && height >= 1 ? { x, y, width: Math.round(width), height: Math.round(height) } : null;
    }
    this.redraw();
  }

  /** Cut the background and every layer to the marked rectangle; false when none is marked. */
  applyCrop(): boolean {
    const area = this.#crop;
    if (area === null) return false;
    const cut = (source: HTMLCanvasElement): HTMLCanvasElement => {
      const target = blankCanvas(area.width, area.height);
      context2d(target).drawImage(source, area.x, area.y, area.width, area.height, 0, 0, area.width, area.height);
      return target;
    };
    this.#background = this.#background ? cut(this.#background) : null;
    for (const layer of this.#layers) layer.canvas = cut(layer.canvas);
    this.#crop = null;
    this.#resize(area.width, area.height);
    this.redraw();
    return true;
  }

  redraw(): void {
    const context = context2d(this.view);
    context.clearRect(0, 0, this.width, this.height);
    this.#flatten(context);
    if (this.#crop) {
      const { x, y, width, height } = this.#crop;
      context.save();
      context.fillStyle = "rgba(0, 0, 0, 0.4)";
      context.fillRect(0, 0, this.width, y);
      context.fillRect(0, y + height, this.width, this.height - y - height);
      context.fillRect(0, y, x, height);
      context.fillRect(x + width, y, this.width - x - width, height);
      context.restore();
    }
  }

  /** The background, each layer and the composite as PNG files, in Gradio's EditorData order. */
  async files(): Promise<{ background: File | null; layers: File[]; composite: File }> {
    const composite = blankCanvas(this.width, this.height);
    this.#flatten(context2d(composite));
    const [background, layers, flattened] = await Promise.all([
      this.#background ? pngFile(this.#background, "background.png") : Promise.resolve(null),
      Promise.all(this.#layers.map((layer, index) => pngFile(layer.canvas, `layer_${index + 1}.png`))),
      pngFile(composite, "composite.png"),
    ]);
    return { background, layers, composite: flattened };
  }

  #flatten(context: CanvasRenderingContext2D): void {
    if (this.#background) context.drawImage(this.#background, 0, 0);
    for (const layer of this.#layers) context.drawImage(layer.canvas, 0, 0);
  }

  #resize(width: number, height: number): void {
    const w = Math.max(1, Math.round(width));
    const h = Math.max(1, Math.round(height));
    if (w === this.view.width && h === this.view.height) return;
    // Layers keep what is drawn on them, anchored top-left, as the canvas grows or shrinks.
    for (const layer of this.#layers) {
      const resized = blankCanvas(w, h);
      context2d(resized).drawImage(layer.canvas, 0, 0);
      layer.canvas = resized;
    }
    this.view.width = w;
    this.view.height = h;
  }
}
