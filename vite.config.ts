import { existsSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig, type Plugin } from "vite";

/**
 * `lite/index.ts` → `dist/lite.js`, the one script a page includes, with the
 * host in lazy chunks under `dist/chunks/` (imported relative to `lite.js`)
 * and all CSS in `dist/lite.css`, which `lite.js` links relative to itself.
 * `dist/` also holds the worker and the Python assets, built by other steps,
 * so this build cleans only its own outputs.
 */
const OUT_DIR = "dist";
const OWN_OUTPUTS = ["lite.js", "lite.js.map", "lite.css", "chunks"];

/** Remove the previous build's outputs of this config, so stale chunks do not pile up. */
function cleanOwnOutputs(): Plugin {
  return {
    name: "pagelet:clean-own-outputs",
    apply: "build",
    buildStart() {
      for (const name of OWN_OUTPUTS) rmSync(resolve(OUT_DIR, name), { recursive: true, force: true });
    },
  };
}

/** `lite.js` always links `lite.css`; emit an empty one if nothing imported CSS, rather than a 404. */
function ensureStylesheet(): Plugin {
  return {
    name: "pagelet:ensure-stylesheet",
    apply: "build",
    enforce: "post",
    generateBundle: {
      // After Vite's own CSS step, which emits lite.css when there is CSS.
      order: "post",
      handler(_options, bundle) {
        if (!("lite.css" in bundle)) this.emitFile({ type: "asset", fileName: "lite.css", source: "" });
      },
    },
  };
}

if (!existsSync("lite/index.ts")) throw new Error("vite.config.ts: run from the repository root");

export default defineConfig({
  base: "./",
  // public/ holds example pages, served as they are; nothing of it belongs in dist/.
  publicDir: false,
  plugins: [cleanOwnOutputs(), ensureStylesheet()],
  build: {
    outDir: OUT_DIR,
    emptyOutDir: false,
    target: "es2022",
    sourcemap: true,
    // plotly.js (about 4.6 MB) is one lazy chunk, fetched only for a Plotly figure; nothing else comes near.
    chunkSizeWarningLimit: 5000,
    cssCodeSplit: false,
    lib: {
      entry: "lite/index.ts",
      formats: ["es"],
      fileName: () => "lite.js",
      cssFileName: "lite",
    },
    rolldownOptions: {
      // Library mode keeps whitespace in ES output for the next bundler; these files are served as they are.
      output: { chunkFileNames: "chunks/[name]-[hash].js", minify: true },
    },
  },
});
