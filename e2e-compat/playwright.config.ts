/**
 * Gradio's own Playwright suite (`js/spa/test/*.spec.ts`), unmodified, against
 * Pagelet or (BASELINE=gradio) real Gradio. `make e2e-compat` copies the specs,
 * demos and test files into build/e2e-compat/gradio/ and runs from its js/spa/
 * folder, where the specs' relative file paths point.
 *
 * Left out: `*.reload.spec.ts` (Gradio's CLI reload mode, which restarts the
 * app on file changes; Pagelet has no reload mode).
 */
import { defineConfig, devices } from "@playwright/test";
import path from "node:path";
import { settings } from "./tootils/settings.ts";

const specs = (process.env.SPECS ?? "")
  .split(",")
  .map((name) => name.trim().replace(/\.spec\.ts$/, ""))
  .filter((name) => name !== "");

const escape = (name: string): string => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export default defineConfig({
  testDir: path.join(settings.gradioRoot, "js", "spa", "test"),
  testMatch: specs.length > 0 ? specs.map((name) => new RegExp(`(^|/)${escape(name)}\\.spec\\.ts$`)) : /.*\.spec\.ts$/,
  testIgnore: /\.reload\.spec\.ts$/,
  // `@self/tootils` is ours (see tsconfig.json), whatever tsconfig the specs sit beside.
  tsconfig: "./tsconfig.json",
  globalTeardown: "./tootils/teardown.ts",
  outputDir: path.join(settings.outputDir, "test-results", settings.runtime),
  workers: 1,
  fullyParallel: false,
  retries: 0,
  // Half of Gradio's own timeouts (30 s a test, 10 s an expect), and 5 s for an
  // action: a test that passes takes a few seconds, and a failing one must not
  // cost half a minute, or a full run would take an hour.
  timeout: 15_000,
  expect: { timeout: 5_000 },
  reporter: [["list"], ["json", { outputFile: path.join(settings.outputDir, `playwright-${settings.runtime}.json`) }]],
  use: {
    ...devices["Desktop Chrome"],
    bypassCSP: true,
    actionTimeout: 5_000,
    permissions: ["clipboard-read", "clipboard-write", "microphone"],
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        // A made-up camera and microphone, so media specs need no device.
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
      ],
    },
  },
});
