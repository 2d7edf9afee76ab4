import { isBinaryEnvelope, type BinaryEnvelope } from "../../js/transport/port";
import type { AppFile } from "../messages";
import { loadOptionalPackage } from "./optional-packages";
import type { Pyodide } from "./runtime";

type PyProxy = ReturnType<Pyodide["pyimport"]>;

/** Where the app's files live in Pyodide's file system; also the working directory. */
export const APP_DIR = "/home/pyodide/app";

/**
 * Unpack a wheel into site-packages. This is all an install needs for a
 * pure-Python wheel, and it skips micropip, which is itself a download.
 */
export function installWheel(pyodide: Pyodide, wheel: ArrayBuffer): void {
  unpackIntoSitePackages(pyodide, wheel, "wheel");
}

/**
 * Unpack the Pagelet core, which the build ships as one gzip stream of the
 * wheel's files (`scripts/build_assets.py`): a third smaller than the wheel,
 * whose zip deflates each small file on its own.
 */
export function installCore(pyodide: Pyodide, archive: ArrayBuffer): void {
  unpackIntoSitePackages(pyodide, archive, "gztar");
}

function unpackIntoSitePackages(pyodide: Pyodide, archive: ArrayBuffer, format: "wheel" | "gztar"): void {
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]") as string;
  pyodide.unpackArchive(archive, format, { extractDir: sitePackages });
  // The import system caches directory listings; drop them so the new package is seen.
  pyodide.runPython("import importlib; importlib.invalidate_caches()");
}

/**
 * Check a file name from the page before it becomes a path: relative, no `..`,
 * no empty segment. The page is trusted less than the file system it writes to.
 */
export function appPath(name: string): string {
  const segments = name.split("/");
  const bad = name.startsWith("/") || segments.some((s) => s === "" || s === "." || s === ".." || s.includes("\\"));
  if (bad) throw new Error(`Invalid app file name ${JSON.stringify(name)}: use a relative path such as "app.py" or "utils/data.csv"`);
  return `${APP_DIR}/${name}`;
}

/**
 * Write the app's files, make their directory the working directory and put it
 * first on `sys.path`, so that the entrypoint can import its sibling files.
 */
export function writeAppFiles(pyodide: Pyodide, files: AppFile[], dir: string = APP_DIR): void {
  pyodide.FS.mkdirTree(dir);
  for (const file of files) {
    const path = dir + appPath(file.name).slice(APP_DIR.length);
    pyodide.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
    pyodide.FS.writeFile(path, file.content);
  }
  pyodide.runPython(`import os, sys\nos.chdir(${JSON.stringify(dir)})\nsys.path.insert(0, ${JSON.stringify(dir)})`);
}

/** The app's `pagelet.worker_bridge.AppBridge` in Python: one per app, also in a worker shared by several. */
export type AppBridge = PyProxy;

/**
 * Make the app's bridge on `port` and run the entrypoint. Resolves, with the
 * bridge, once it has sent the app's config, or its fatal error, on the port.
 * Messages with bytes (uploads in, output files out) cross the port as
 * `BinaryEnvelope`s, the bytes transferred. `eventEnded` is called after each
 * event's last status.
 */
export async function startBridge(
  pyodide: Pyodide,
  entrypoint: string,
  port: MessagePort,
  packageBaseUrl: string,
  eventEnded?: () => void,
): Promise<AppBridge> {
  const sendBytes = (json: string, data: { toJs(): Uint8Array }): void => {
    // A copy out of Python's memory (the argument's proxy is released by Pyodide after the call),
    // which the port can then hand over whole.
    const bytes = data.toJs().slice().buffer;
    port.postMessage({ json, bytes } satisfies BinaryEnvelope, [bytes]);
  };
  const loadPackage = (name: string): Promise<string> => loadOptionalPackage(pyodide, packageBaseUrl, name);
  const module = pyodide.pyimport("pagelet.worker_bridge");
  const bridge = module.AppBridge((message: string) => port.postMessage(message), sendBytes, loadPackage, eventEnded) as AppBridge;
  module.destroy();
  // Look the method up once: each attribute access would make a new proxy.
  const receive = bridge.receive;
  port.onmessage = (event: MessageEvent<unknown>) => {
    if (isBinaryEnvelope(event.data)) receive(event.data.json, new Uint8Array(event.data.bytes));
    else receive(event.data);
  };
  await bridge.run(entrypoint);
  return bridge;
}

/** A boot failure as the page shows it: a message, and a traceback when Python raised. */
export class BootError extends Error {
  override name = "BootError";
  constructor(message: string, readonly traceback?: string) {
    super(message);
  }
}

/**
 * A Python exception as a `BootError`: the exception line(s) as the message,
 * the whole traceback beside it. Anything else comes back unchanged.
 */
export function fromPython(pyodide: Pyodide | undefined, error: unknown): unknown {
  if (pyodide === undefined || !(error instanceof pyodide.ffi.PythonError)) return error;
  const traceback = error.message.trimEnd();
  const lines = traceback.split("\n");
  // The exception's own message may span lines; it starts at the line naming its type.
  const escaped = error.type.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const head = new RegExp(`^(?:[\\w.]+\\.)?${escaped}(?::|$)`);
  let start = lines.length - 1;
  while (start > 0 && !head.test(lines[start] ?? "")) start--;
  const message = head.test(lines[start] ?? "") ? lines.slice(start).join("\n") : (lines[lines.length - 1] ?? error.type);
  return new BootError(message, traceback);
}
