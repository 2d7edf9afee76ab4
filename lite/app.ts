/**
 * The JS API: run a Pagelet app in an element of the page.
 *
 * ```js
 * import { createPageletApp } from "./dist/lite.js";
 * const app = createPageletApp(document.querySelector("#demo"), {
 *   files: { "app.py": "import gradio as gr\n..." },
 *   requirements: ["numpy"],
 * });
 * await app.ready;
 * ```
 */
import type { ControlBody } from "./control-messages";
import { defaultEntrypoint } from "./entrypoint";
import { describe } from "./fetch";
import { BOOT_STAGES, type AppFile, type MemoryUsage } from "./messages";
import { persistKeyFor } from "./persist-key";
import { isProvidedByPagelet } from "./provided";
import { resolveIndexUrl, resolveRequirement } from "./urls";
import { AppView } from "./app-view";
import { WorkerLifecycle, type BootOptions } from "./worker-lifecycle";

export { STATE_EVENT, type PageletState, type PageletStateDetail } from "./app-view";

export interface PageletAppOptions {
  /** The app's files by path relative to the app directory: `{"app.py": "...", "data/x.csv": bytes}`. */
  files: Record<string, string | Uint8Array>;
  /** The file run as `__main__`. Default: the only file, else `app.py`. */
  entrypoint?: string;
  /** Requirements installed with micropip before the app runs. Relative wheel paths resolve against the page. */
  requirements?: string[];
  /** Package indexes for the requirements (micropip's `index_urls`); relative ones resolve against the page. Default: PyPI. */
  indexUrls?: string[];
  /**
   * Where numpy, pillow and pandas load from when a component needs them
   * (Pyodide's wheel file names are appended). Relative URLs resolve against
   * the page. Default: the `pyodide/` directory next to `lite.js`; e.g.
   * `https://cdn.jsdelivr.net/pyodide/v<version>/full/` to use the CDN.
   */
  packageBaseUrl?: string;
  /**
   * Run in the one SharedWorker that all such apps of the page share (one
   * Python for all, each app its own session and globals); a dedicated
   * worker where SharedWorker is missing. See `lite/shared-worker-client.ts`.
   */
  sharedWorker?: boolean;
  /**
   * Names the store behind the app's persist folder, `/home/pyodide/persist`.
   * Default: the page's path and the target's id (else the app's place on the page).
   */
  persistKey?: string;
}

export interface PageletApp {
  /** Resolves when the app is on screen; rejects, with the message shown on screen, if it cannot start. */
  ready: Promise<void>;
  /** Stop the app's worker and remove everything it put in the target. */
  destroy(): void;
  /** How much memory the app's Python holds (zero before the runtime has loaded). */
  memoryUsage(): Promise<MemoryUsage>;
  /**
   * Change the running app in its worker (run new code, write files; see
   * `lite/controller.ts`). Rejects with an `AppRequestError` when it fails.
   */
  control(body: ControlBody): Promise<void>;
  /** The app's container: `STATE_EVENT`, `OUTPUT_EVENT` and `ERROR_EVENT` are fired from it. */
  readonly element: HTMLElement;
}

/** Run a Pagelet app inside `target`. Progress and failures are shown there too. */
export function createPageletApp(target: HTMLElement, options: PageletAppOptions): PageletApp {
  const view = new AppView(target);
  let boot: BootOptions;
  try {
    boot = { ...normalize(options, document.baseURI), persistKey: persistKeyFor(target, options.persistKey) };
  } catch (error) {
    view.refused(describe(error), error instanceof Error ? error : new Error(describe(error)));
    const notStarted = (): Promise<never> => Promise.reject(new Error("The app did not start"));
    return { ready: view.ready, destroy: () => view.element.remove(), memoryUsage: notStarted, control: notStarted, element: view.element };
  }
  view.boot(BOOT_STAGES.filter((stage) => stage !== "requirements" || boot.requirements.length > 0));
  const worker = new WorkerLifecycle(view, boot, options.sharedWorker === true);
  worker.launch();
  return {
    ready: view.ready,
    destroy: () => {
      worker.destroy();
      view.destroy();
    },
    memoryUsage: () => worker.memoryUsage(),
    control: (body) => worker.control(body),
    element: view.element,
  };
}

/** Check the options and put them in the form the worker takes. */
function normalize(options: PageletAppOptions, baseUrl: string): BootOptions {
  const files: AppFile[] = Object.entries(options.files ?? {}).map(([name, content]) => ({ name, content }));
  if (files.length === 0) throw new Error("The app has no files: give at least the app's code.");
  const names = files.map((file) => file.name);
  const entrypoint = options.entrypoint ?? defaultEntrypoint(names);
  if (entrypoint === undefined) {
    throw new Error(`Which file is the app? Mark one as the entrypoint (files: ${names.join(", ")}).`);
  }
  if (!names.includes(entrypoint)) throw new Error(`The entrypoint ${entrypoint} is not one of the app's files (${names.join(", ")}).`);
  return {
    files,
    entrypoint,
    requirements: (options.requirements ?? [])
      .filter((requirement) => !isProvidedByPagelet(requirement))
      .map((requirement) => resolveRequirement(requirement, baseUrl)),
    indexUrls: (options.indexUrls ?? []).map((url) => resolveIndexUrl(url, baseUrl)),
    pageUrl: baseUrl,
    ...(options.packageBaseUrl ? { packageBaseUrl: new URL(options.packageBaseUrl.replace(/\/*$/, "/"), baseUrl).href } : {}),
  };
}
