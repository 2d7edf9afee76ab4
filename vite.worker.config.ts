import { existsSync, readFileSync } from "node:fs";
import { defineConfig } from "vite";
import { cleanOwnOutputs } from "./vite.clean.ts";
import type { AssetManifest } from "./lite/worker/manifest";

/**
 * `lite/worker.ts` → `dist/worker.js`, one ES module for a module worker.
 * Pyodide is not bundled: the worker imports `dist/pyodide/pyodide.mjs` at run
 * time. The asset manifest from `scripts/build_assets.py` is compiled in.
 */
const MANIFEST = "build/assets.json";
const OUTPUTS = ["dist/worker.js", "dist/worker.js.map", "dist/worker-chunks"];

function readManifest(): AssetManifest {
  if (!existsSync(MANIFEST)) {
    throw new Error(`${MANIFEST} is missing: build the Python assets first (make build, or .venv/bin/python scripts/build_assets.py)`);
  }
  return JSON.parse(readFileSync(MANIFEST, "utf8")) as AssetManifest;
}

export default defineConfig({
  publicDir: false,
  plugins: [cleanOwnOutputs("worker", OUTPUTS)],
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
    // Code only some apps need (requirements, the shared worker) in chunks of its own, fetched when needed.
    // The entry may export what those chunks share with it, so that what every boot needs stays in worker.js.
    rolldownOptions: { preserveEntrySignatures: "allow-extension", output: { minify: true, chunkFileNames: "worker-chunks/[name]-[hash].js" } },
  },
});
