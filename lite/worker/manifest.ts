import type { Lockfile } from "pyodide";

/**
 * The build's asset manifest, written by `scripts/build_assets.py` to
 * `build/assets.json` and compiled into `dist/worker.js` by
 * `vite.worker.config.ts`, so that boot makes no request for it.
 * File paths are relative to `dist/`, the directory of `worker.js`.
 */
export interface AssetManifest {
  /** Version of the Pyodide core copied into `dist/pyodide/`. */
  pyodideVersion: string;
  /**
   * Pyodide's lock file, keeping only the packages whose files are in
   * `dist/pyodide/`. A package missing from it is looked up on the package
   * index by micropip instead of being fetched from `dist/pyodide/` and 404ing.
   */
  lockFile: Lockfile;
  /** The Pagelet core (the wheel's files as one .tar.gz), installed at every boot. */
  core: Asset;
  /** The wheels that make up micropip, in install order; fetched only for requirements. */
  micropip: Asset[];
}

export interface Asset {
  /** Path relative to `dist/`, e.g. `pagelet/pagelet-0.1.0.tar.gz`. */
  file: string;
  /** Subresource-integrity string, e.g. `sha256-<base64>`. */
  integrity: string;
}

declare const __PAGELET_ASSETS__: AssetManifest;

/** The manifest of the build this worker belongs to. */
export const ASSETS: AssetManifest = __PAGELET_ASSETS__;
