import { defineConfig } from "vite";
import { cleanOwnOutputs } from "./vite.clean.ts";

/**
 * `lite/sw.ts` → `dist/sw.js`, the service worker of exported sites. A
 * classic script with no imports (service workers need none), so it works in
 * every browser that has service workers. Nothing loads it but an exported
 * page, so it costs an ordinary page nothing.
 */
const OUTPUTS = ["dist/sw.js", "dist/sw.js.map"];

export default defineConfig({
  publicDir: false,
  plugins: [cleanOwnOutputs("sw", OUTPUTS)],
  build: {
    outDir: "dist",
    emptyOutDir: false,
    target: "es2022",
    sourcemap: false,
    lib: {
      entry: "lite/sw.ts",
      formats: ["iife"],
      name: "pageletServiceWorker",
      fileName: () => "sw.js",
    },
    rolldownOptions: { output: { minify: true } },
  },
});
