/**
 * Gradio Lite's JS API, under its names, so that pages written for it keep working:
 *
 * ```js
 * import { createGradioApp } from "./dist/lite.js";   // also globalThis.createGradioApp
 * const controller = createGradioApp({ target, code: "import gradio as gr\n...", playground: true });
 * controller.addEventListener("stdout", (event) => console.log(event.detail));
 * await controller.run_code(newCode);                 // the same worker, no new Python
 * ```
 *
 * The controller runs one app (`lite/app.ts`) and forwards its events; with
 * `playground`, a code editor is loaded beside it (`lite/playground/`, a lazy chunk).
 */
import { applyColorMode, colorModeOf, type ColorMode } from "../js/color-mode";
import { createPageletApp, STATE_EVENT, type PageletApp, type PageletAppOptions, type PageletStateDetail } from "./app";
import { ERROR_EVENT, OUTPUT_EVENT, type ErrorDetail, type OutputDetail } from "./control";
import type { ControlBody } from "./control-messages";
import { defaultEntrypoint } from "./entrypoint";
import { fetchBytes } from "./fetch";
import type { MemoryUsage } from "./messages";
import { isProvidedByPagelet } from "./provided";
import { takeSharedApp, type SharedAppOutcome } from "./share-link";
import { resolveIndexUrl, resolveRequirement } from "./urls";

/** A file as Gradio Lite took it: its content, `{ data }`, or `{ url }` fetched relative to the page. */
export type GradioFile = string | ArrayBufferView | { data: string | ArrayBufferView } | { url: string };

export type PlaygroundLayout = "horizontal" | "vertical";
export type ThemeMode = ColorMode;

export interface GradioAppOptions {
  /** The element the app (and the playground) is put in. */
  target: HTMLElement;
  /** The app's files by path relative to the app directory. */
  files?: Record<string, GradioFile>;
  /** The app's code; it becomes the entrypoint file (`app.py` unless `entrypoint` names another). */
  code?: string;
  /** The file run as `__main__`. Default: the only file, else `app.py`. */
  entrypoint?: string;
  requirements?: string[];
  /** Package indexes for the requirements; relative ones resolve against the page. Default: PyPI. */
  indexUrls?: string[];
  /** Where numpy, pillow and pandas load from; see `PageletAppOptions.packageBaseUrl`. */
  packageBaseUrl?: string;
  /** Run in the page's one shared worker; see `PageletAppOptions.sharedWorker`. */
  sharedWorker?: boolean;
  /** Names the store behind the persist folder; see `PageletAppOptions.persistKey`. */
  persistKey?: string;
  /** Show a code editor beside the app, with Run and Share buttons. */
  playground?: boolean;
  /** Editor beside the app (`"horizontal"`, the default) or above it (`"vertical"`). */
  layout?: PlaygroundLayout | string | null;
  /** Force light or dark colours (app and editor); default: follow the system. */
  theme?: ThemeMode | string | null;
  /** Gradio Lite's name for `theme`. */
  themeMode?: ThemeMode | string | null;
  /**
   * The page a Share link opens (its hash is replaced by the app). Default:
   * this page, whose first playground then runs the shared app.
   */
  shareUrl?: string;
}

/** The events a controller fires, with their `detail`. */
export interface GradioAppEvents {
  /** The app is on screen: at start, and after each successful run. */
  ready: undefined;
  /** A line the Python app printed. */
  stdout: string;
  stderr: string;
  /** The app could not run: Python raised (`python-error` too) or the runtime failed (`initialization-error` too). */
  error: ErrorDetail;
  "python-error": ErrorDetail;
  "initialization-error": ErrorDetail;
}

/** Drives one app: Gradio Lite's controller methods, plus `ready`, `memoryUsage` and `destroy`. */
export class GradioAppController extends EventTarget {
  /** Resolves when the first app is on screen; rejects, with the message shown, if it cannot start. */
  readonly ready: Promise<void>;
  readonly #app: Promise<PageletApp>;
  readonly #root: HTMLElement;
  #unmounted = false;
  /** Rejecters of the calls under way: a runtime that dies, or an unmount, must not leave them hanging. */
  readonly #pending = new Set<(error: Error) => void>();

  /** @internal Use `createGradioApp`. */
  constructor(root: HTMLElement, app: Promise<PageletApp>) {
    super();
    this.#root = root;
    this.#app = app;
    this.ready = app.then((started) => started.ready);
    this.ready.catch(() => undefined);
    void app.then((started) => this.#forward(started.element), () => undefined);
  }

  /** Run `code` as the app, in the same worker: the old app is closed, the new one shown (or its error). */
  run_code = (code: string): Promise<void> => this.#run({ kind: "run", code });

  /** Run the file at `path` (relative to the app directory) as the app. */
  run_file = (path: string): Promise<void> => this.#run({ kind: "run", path });

  /** Write a file into the app directory (`opts` is accepted for Gradio Lite's signature and unused). */
  write = (path: string, data: string | ArrayBufferView, _opts?: unknown): Promise<void> =>
    this.#control({ kind: "write", path, data: typeof data === "string" ? data : bytesOf(data) });

  rename = (oldPath: string, newPath: string): Promise<void> => this.#control({ kind: "rename", oldPath, newPath });

  unlink = (path: string): Promise<void> => this.#control({ kind: "unlink", path });

  /** Install more requirements with micropip; the app's index URLs apply. Run the app again to use them. */
  install = (requirements: string[]): Promise<void> => {
    const base = document.baseURI;
    const wanted = requirements.filter((requirement) => !isProvidedByPagelet(requirement)).map((requirement) => resolveRequirement(requirement, base));
    return this.#control({ kind: "install", requirements: wanted, indexUrls: this.indexUrls });
  };

  /** Stop the worker and remove the app (and the playground) from the page. */
  unmount = (): void => {
    if (this.#unmounted) return;
    this.#unmounted = true;
    this.#abortAll(new Error("The app was unmounted"));
    void this.#app.then((app) => app.destroy(), () => undefined);
    this.#root.remove();
  };

  /** Same as `unmount`, under the name `createPageletApp`'s handle uses. */
  destroy = (): void => this.unmount();

  /** How much memory the app's Python holds. */
  memoryUsage = async (): Promise<MemoryUsage> => (await this.#app).memoryUsage();

  /** @internal Absolute index URLs for `install`, set by `createGradioApp`. */
  indexUrls: string[] = [];

  #control(body: ControlBody): Promise<void> {
    return this.#abortable(this.#app.then((app) => app.control(body)));
  }

  /** A run settles when the host shows the new app or its error, after the worker's reply. */
  #run(body: ControlBody): Promise<void> {
    return this.#abortable(this.#app.then((app) => this.#runIn(app, body)));
  }

  async #runIn(app: PageletApp, body: ControlBody): Promise<void> {
    const shown = new Promise<void>((resolve) => {
      const settle = (event: Event): void => {
        const { state } = (event as CustomEvent<PageletStateDetail>).detail;
        if (state === "booting") return;
        app.element.removeEventListener(STATE_EVENT, settle);
        resolve();
      };
      app.element.addEventListener(STATE_EVENT, settle);
    });
    await app.control(body);
    await shown;
  }

  /** `promise`, or a rejection as soon as the app can no longer answer. */
  #abortable(promise: Promise<void>): Promise<void> {
    if (this.#unmounted) return Promise.reject(new Error("The app was unmounted"));
    return new Promise<void>((resolve, reject) => {
      this.#pending.add(reject);
      promise.then(resolve, reject).finally(() => this.#pending.delete(reject));
    });
  }

  #abortAll(error: Error): void {
    for (const reject of this.#pending) reject(error);
    this.#pending.clear();
  }

  #forward(element: HTMLElement): void {
    element.addEventListener(STATE_EVENT, (event) => {
      if ((event as CustomEvent<PageletStateDetail>).detail.state === "ready") this.dispatchEvent(new Event("ready"));
    });
    element.addEventListener(OUTPUT_EVENT, (event) => {
      const { stream, text } = (event as CustomEvent<OutputDetail>).detail;
      this.dispatchEvent(new CustomEvent<string>(stream, { detail: text }));
    });
    element.addEventListener(ERROR_EVENT, (event) => {
      const detail = (event as CustomEvent<ErrorDetail>).detail;
      // The runtime failed (not the app's code): its worker is gone, and so are the answers awaited from it.
      if (!detail.python) this.#abortAll(new Error(detail.message));
      this.dispatchEvent(new CustomEvent<ErrorDetail>("error", { detail }));
      this.dispatchEvent(new CustomEvent<ErrorDetail>(detail.python ? "python-error" : "initialization-error", { detail }));
    });
  }
}

/**
 * Start an app, as Gradio Lite's `createGradioApp({target, ...})` did. The
 * older form `createGradioApp(target, options)` (options as `createPageletApp`
 * takes them) is accepted too.
 */
export function createGradioApp(options: GradioAppOptions): GradioAppController;
export function createGradioApp(target: HTMLElement, options: PageletAppOptions): GradioAppController;
export function createGradioApp(first: GradioAppOptions | HTMLElement, second?: PageletAppOptions): GradioAppController {
  const options: GradioAppOptions = first instanceof HTMLElement ? { ...second, target: first } : first;
  const theme = colorModeOf(options.theme ?? options.themeMode);
  const root = document.createElement("div");
  root.className = "pagelet-lite";
  applyColorMode(root, theme);
  options.target.append(root);

  let appTarget = root;
  let editorPane: HTMLElement | undefined;
  if (options.playground) {
    const layout: PlaygroundLayout = options.layout === "vertical" ? "vertical" : "horizontal";
    root.classList.add("pagelet-playground", `pagelet-layout-${layout}`);
    editorPane = document.createElement("div");
    editorPane.className = "pagelet-playground-editor";
    appTarget = document.createElement("div");
    appTarget.className = "pagelet-playground-app";
    root.append(editorPane, appTarget);
  }

  // The first playground on a page opened from a share link runs the shared app instead of its own.
  const shared: Promise<SharedAppOutcome> = options.playground ? takeSharedApp() : Promise.resolve({});
  const prepared = shared.then(({ app }) => appOptions(app ? { ...options, ...app, code: undefined } : options));
  const app = prepared.then((pageletOptions) => createPageletApp(appTarget, pageletOptions));
  const controller = new GradioAppController(root, app);
  controller.indexUrls = (options.indexUrls ?? []).map((url) => resolveIndexUrl(url, document.baseURI));

  if (editorPane !== undefined) {
    const pane = editorPane;
    void Promise.all([prepared, shared, import("./playground/mount")]).then(
      ([pageletOptions, { notice }, { mountPlayground }]) =>
        mountPlayground(pane, controller, {
          files: textFiles(pageletOptions.files),
          entrypoint: pageletOptions.entrypoint ?? defaultEntrypoint(Object.keys(pageletOptions.files)) ?? "app.py",
          requirements: pageletOptions.requirements ?? [],
          ...(theme ? { theme } : {}),
          ...(notice ? { notice } : {}),
          shareUrl: options.shareUrl ?? location.href,
        }),
      (error: unknown) => {
        pane.textContent = `The code editor could not load: ${error instanceof Error ? error.message : String(error)}`;
        pane.setAttribute("role", "alert");
      },
    );
  }
  return controller;
}

/** The text files, for the editor and Share (binary files are not shared). */
function textFiles(files: Record<string, string | Uint8Array>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/** Gradio Lite's options as `createPageletApp` takes them; files given by URL are fetched first. */
async function appOptions(options: GradioAppOptions): Promise<PageletAppOptions> {
  const files: Record<string, string | Uint8Array> = {};
  await Promise.all(
    Object.entries(options.files ?? {}).map(async ([name, file]) => {
      files[name] = await fileContent(file);
    }),
  );
  let entrypoint = options.entrypoint;
  if (options.code !== undefined) {
    entrypoint ??= "app.py";
    files[entrypoint] = options.code;
  }
  return {
    files,
    ...(entrypoint !== undefined ? { entrypoint } : {}),
    ...(options.requirements ? { requirements: options.requirements } : {}),
    ...(options.indexUrls ? { indexUrls: options.indexUrls } : {}),
    ...(options.packageBaseUrl ? { packageBaseUrl: options.packageBaseUrl } : {}),
    ...(options.sharedWorker === true ? { sharedWorker: true } : {}),
    ...(options.persistKey !== undefined ? { persistKey: options.persistKey } : {}),
  };
}

const FILE_TIMEOUT_MS = 30_000;

async function fileContent(file: GradioFile): Promise<string | Uint8Array> {
  if (typeof file === "string") return file;
  if (ArrayBuffer.isView(file)) return bytesOf(file);
  if ("url" in file) return new Uint8Array(await fetchBytes(new URL(file.url, document.baseURI).href, FILE_TIMEOUT_MS));
  return typeof file.data === "string" ? file.data : bytesOf(file.data);
}

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}
