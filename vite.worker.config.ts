import { existsSync, readFileSync, rmSync } from "node:fs";
import { defineConfig, type Plugin } from "vite";
import type { AssetManifest } from "./lite/worker/manifest";

/**
 * `lite/worker.ts` → `dist/worker.js`, one ES module for a module worker.
 * Pyodide is not bundled: the worker imports `dist/pyodide/pyodide.mjs` at run
 * time. The asset manifest from `scripts/build_assets.py` is compiled in.
 */
const MANIFEST = "build/assets.json";
const OUTPUTS = ["dist/worker.js", "dist/worker.js.map"];

function readManifest(): AssetManifest {
  if (!existsSync(MANIFEST)) {
    throw new Error(`${MANIFEST} is missing: build the Python assets first (make build, or .venv/bin/python scripts/build_assets.py)`);
  }
  return JSON.parse(readFileSync(MANIFEST, "utf8")) as AssetManifest;
}

function cleanOwnOutputs(): Plugin {
  return {
    name: "pagelet:clean-worker-outputs",
    apply: "build",
    buildStart() {
      for (const path of OUTPUTS) rmSync(path, { force: true });
    },
  };
}

export default defineConfig({
  publicDir: false,
  plugins: [cleanOwnOutputs()],
  define: {
    __PAGELET_ASSETS__: JSON.stringify(readManifest()),
  },
  build: {
    outDir: "dist",
    emptyOutDir: false,
    target: "es2022",
    sourcemap: true,
    lib: {
      entry: "lite/worker.ts",
      formats: ["es"],
      fileName: () => "worker.js",
    },
    // Library mode keeps whitespace in ES output for the next bundler; this file is served as it is.
    rolldownOptions: { output: { minify: true } },
  },
});
