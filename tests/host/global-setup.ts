import { build } from "vite";
import { HARNESS_DIST, HARNESS_SOURCE } from "./paths";

/** Bundle the harness page (and with it the host) once, before any test runs. */
export default async function globalSetup(): Promise<void> {
  await build({
    configFile: false,
    root: HARNESS_SOURCE,
    base: "./",
    logLevel: "warn",
    build: { outDir: HARNESS_DIST, emptyOutDir: true, sourcemap: true },
  });
}
