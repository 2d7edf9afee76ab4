/**
 * transformers.js for the app's Python, as the JS module `pagelet_js_transformers`
 * (used by `pagelet.transformers`). Registering it costs nothing: the library
 * (`dist/transformers/`, with onnxruntime-web's wasm) is imported on first use.
 *
 * Models are looked up in a folder served next to the page (`models/` by
 * default), never on the hub unless the app allows remote models.
 */
import { describe, fetchBytes } from "../fetch";
import type { ModelProgressMessage } from "../messages";
import { assetUrl } from "./fetch-asset";
import type { Pyodide } from "./runtime";

/** The browser build of `@huggingface/transformers`, with onnxruntime-web bundled in; see the Makefile. */
const LIBRARY_DIR = "transformers/";
const LIBRARY_FILE = "transformers.min.js";
const DEFAULT_LOCAL_MODEL_PATH = "models/";
const PROBE_TIMEOUT_MS = 30_000;

/** The part of transformers.js' `env` that Pagelet sets. */
interface TransformersEnv {
  allowRemoteModels: boolean;
  allowLocalModels: boolean;
  localModelPath: string;
  backends: { onnx: { wasm?: { wasmPaths?: unknown } } };
}

type Options = Record<string, unknown>;
type Pipe = (inputs: unknown, options?: Options) => Promise<unknown>;

/** transformers.js' decoded image, which its image pipelines take as input. */
interface RawImage {
  width: number;
  height: number;
  channels: number;
}

interface TransformersLibrary {
  env: TransformersEnv;
  pipeline(task: string, model?: string, options?: Options): Promise<Pipe>;
  RawImage: { fromBlob(blob: Blob): Promise<RawImage> };
}

/** Bytes as Python hands them over: a proxy of its buffer. */
interface PythonBytes {
  toJs(): Uint8Array;
}

/** A pipeline as Python holds it: outputs come back as plain data (see `toPlain`). */
export interface PipelineHandle {
  run(inputs: unknown, options: Options): Promise<unknown>;
  dispose(): Promise<void>;
}

/** What the app may change, with the page-relative path already made absolute. */
export interface ModelSettings {
  localModelPath: string;
  allowRemoteModels: boolean;
}

/** One file's download, as transformers.js reports it to `progress_callback`. */
interface ProgressInfo {
  status?: unknown;
  file?: unknown;
  loaded?: unknown;
  total?: unknown;
}

function isLibrary(value: unknown): value is TransformersLibrary {
  const candidate = value as Partial<TransformersLibrary> | null;
  return typeof candidate === "object" && candidate !== null && typeof candidate.pipeline === "function" && typeof candidate.env === "object";
}

/**
 * Outputs as plain data for `to_py()`: tensors become nested lists, typed
 * arrays become arrays. transformers.js' `Tensor` has `tolist()`.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  const tensorLike = value as { tolist?: unknown; dims?: unknown };
  if (typeof tensorLike.tolist === "function" && Array.isArray(tensorLike.dims)) {
    return (tensorLike.tolist as () => unknown)();
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map(toPlain);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toPlain(item)]));
}

/** Adds a model's download progress up over its files, for one bar. */
class DownloadTally {
  readonly #files = new Map<string, { loaded: number; total: number }>();

  add(info: ProgressInfo): number | null {
    if (typeof info.file === "string" && typeof info.loaded === "number" && typeof info.total === "number") {
      this.#files.set(info.file, { loaded: info.loaded, total: info.total });
    }
    let loaded = 0;
    let total = 0;
    for (const file of this.#files.values()) {
      loaded += file.loaded;
      total += file.total;
    }
    return total > 0 ? Math.min(1, loaded / total) : null;
  }
}

/**
 * transformers.js 4.3 looks for a model's optional files (the tokenizer among
 * them) only when `localModelPath` is not an `http(s):` URL, so a model in a
 * folder given as a full URL loads without its tokenizer. A path from the
 * root resolves to the same place for a worker of the page's origin.
 */
function asFetchPath(url: string): string {
  const parsed = new URL(url);
  return parsed.origin === self.location.origin ? parsed.pathname : url;
}

export function registerTransformers(pyodide: Pyodide, pageUrl: string, post: (message: ModelProgressMessage) => void): void {
  let library: Promise<TransformersLibrary> | undefined;
  const settings: ModelSettings = {
    localModelPath: new URL(DEFAULT_LOCAL_MODEL_PATH, pageUrl).href,
    allowRemoteModels: false,
  };

  function apply(env: TransformersEnv): void {
    env.allowLocalModels = true;
    env.localModelPath = asFetchPath(settings.localModelPath);
    env.allowRemoteModels = settings.allowRemoteModels;
  }

  /** Import the library once, with our wasm files and the offline settings. */
  function load(): Promise<TransformersLibrary> {
    library ??= (async () => {
      const url = assetUrl(LIBRARY_DIR + LIBRARY_FILE);
      let module: unknown;
      try {
        module = await import(/* @vite-ignore */ url);
      } catch (error) {
        throw new Error(`Could not load transformers.js from ${url}: ${describe(error)}. Is dist/ built with \`make build\`?`);
      }
      if (!isLibrary(module)) throw new Error(`${url} is not transformers.js`);
      const wasm = (module.env.backends.onnx.wasm ??= {});
      // onnxruntime-web's .wasm and its loader come from our copy, never a CDN.
      wasm.wasmPaths = assetUrl(LIBRARY_DIR);
      apply(module.env);
      return module;
    })();
    // A failed import may succeed after a rebuild; do not keep the failure.
    library.catch(() => (library = undefined));
    return library;
  }

  async function configure(changes: { localModelPath?: string; allowRemoteModels?: boolean }): Promise<ModelSettings> {
    if (typeof changes.localModelPath === "string") {
      // A folder: without the trailing slash, URL resolution would drop its last segment.
      const folder = changes.localModelPath.endsWith("/") ? changes.localModelPath : `${changes.localModelPath}/`;
      settings.localModelPath = new URL(folder, pageUrl).href;
    }
    if (typeof changes.allowRemoteModels === "boolean") settings.allowRemoteModels = changes.allowRemoteModels;
    if (library !== undefined) apply((await library).env);
    return { ...settings };
  }

  /**
   * transformers.js says only "Could not locate file" for a model that is not
   * there; when the hub is off, look first and say where the model should be.
   */
  async function checkLocalModel(model: string): Promise<void> {
    if (settings.allowRemoteModels) return;
    const folder = new URL(`${model}/`, settings.localModelPath).href;
    try {
      await fetchBytes(`${folder}config.json`, PROBE_TIMEOUT_MS);
    } catch (error) {
      throw new Error(
        `Model "${model}" was not found at ${folder} (${describe(error)}), and downloading models from the hub is off. ` +
          "Put the model's files (config.json, tokenizer.json, onnx/model.onnx …) in that folder, " +
          "or pass allow_remote_models=True to pipeline() to download it when online.",
      );
    }
  }

  /**
   * A pipeline for Python: a handle whose `run` gives plain data (`toPlain`),
   * so that Python converts the answer with one `to_py()` and never holds
   * transformers.js' tensors. The download progress goes to the page.
   */
  async function createPipeline(task: string, model: string | undefined, options: Options): Promise<PipelineHandle> {
    const transformers = await load();
    if (model !== undefined) await checkLocalModel(model);
    const name = model ?? task;
    const tally = new DownloadTally();
    const appCallback = options.progress_callback;
    const progress_callback = (info: ProgressInfo): void => {
      if (info.status === "progress" || info.status === "done") post({ kind: "model-progress", model: name, fraction: tally.add(info), done: false });
      if (typeof appCallback === "function") (appCallback as (info: ProgressInfo) => void)(info);
    };
    post({ kind: "model-progress", model: name, fraction: null, done: false });
    let pipe: Pipe;
    try {
      pipe = await transformers.pipeline(task, model, { ...options, progress_callback });
    } finally {
      post({ kind: "model-progress", model: name, fraction: 1, done: true });
    }
    return {
      run: async (inputs, runOptions) => toPlain(await pipe(inputs, runOptions)),
      dispose: async () => {
        await (pipe as { dispose?: () => Promise<void> }).dispose?.();
      },
    };
  }

  /**
   * An image file's bytes as a RawImage, for image pipelines: they read a
   * string as a URL, and a file in the worker's file system has none.
   */
  async function readImage(data: PythonBytes, mimeType: string, name: string): Promise<RawImage> {
    // Copied out of Python's memory before the first await: the proxy lives only as long as the call.
    const bytes = data.toJs().slice();
    const transformers = await load();
    try {
      return await transformers.RawImage.fromBlob(new Blob([bytes], { type: mimeType }));
    } catch (error) {
      const what = name ? `"${name}"` : "the image";
      throw new Error(`Could not read ${what} as an image (${bytes.length} bytes${mimeType ? `, ${mimeType}` : ""}): ${describe(error)}`);
    }
  }

  pyodide.registerJsModule("pagelet_js_transformers", { load, configure, createPipeline, readImage });
}
