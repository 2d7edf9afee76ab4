import { defineConfig } from "@playwright/test";

/**
 * Host tests: the JS host rendered in Chromium from a harness page that
 * `tests/host/global-setup.ts` bundles and the tests serve from disk with
 * `page.route` (no server, no port, no network).
 */
export default defineConfig({
  testDir: "tests/host",
  globalSetup: "./tests/host/global-setup.ts",
  fullyParallel: true,
  reporter: "list",
  use: { trace: "retain-on-failure" },
  projects: [
    {
      name: "chromium",
      use: {
        browserName: "chromium",
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
          ],
        },
      },
    },
  ],
});
