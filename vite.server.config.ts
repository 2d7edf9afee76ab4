import { existsSync, rmSync } from "node:fs";
import { defineConfig, type Plugin } from "vite";

/**
 * `js/server-page.ts` → `py/pagelet/server/static/`: the host as the server
 * adapter serves it (`index-page.js`, `page.css`, lazy chunks). The folder is
 * git-ignored and shipped inside the Python wheel (hatch `artifacts`).
 */
const OUT_DIR = "py/pagelet/server/static";

function cleanOutputs(): Plugin {
  return {
    name: "pagelet:clean-server-static",
    apply: "build",
    buildStart() {
      rmSync(OUT_DIR, { recursive: true, force: true });
    },
  };
}

if (!existsSync("js/server-page.ts")) throw new Error("vite.server.config.ts: run from the repository root");

export default defineConfig({
  base: "./",
  publicDir: false,
  plugins: [cleanOutputs()],
  build: {
    outDir: OUT_DIR,
    emptyOutDir: false,
    target: "es2022",
    sourcemap: false,
    cssCodeSplit: false,
    lib: {
      entry: "js/server-page.ts",
      formats: ["es"],
      // Gradio's entry name (assets/index-*.js), by which pages and tests find the script to embed an app.
      fileName: () => "index-page.js",
      cssFileName: "page",
    },
    rolldownOptions: {
      output: { chunkFileNames: "chunks/[name]-[hash].js", minify: true },
    },
  },
});
