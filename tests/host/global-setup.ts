import { build } from "vite";
import { HARNESS_DIST, HARNESS_SOURCE } from "./paths";

/** Bundle the harness page (and with it the host) once, before any test runs. */
export default async function globalSetup(): Promise<void> {
  await build({
    configFile: false,
    root: HARNESS_SOURCE,
    base: "./",
    logLevel: "warn",
    // plotly.js is one large lazy chunk, as in the real build (vite.config.ts).
    build: { outDir: HARNESS_DIST, emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 5000 },
  });
}
