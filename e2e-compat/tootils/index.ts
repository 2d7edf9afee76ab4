/**
 * `@self/tootils` for `make e2e-compat`: what Gradio's specs import from it,
 * written for this runner. Every test gets the page of its demo
 * (`demo/<spec name>/run.py`, or `<case>_testcase.py` when the title starts
 * with `case <case>:` or `test case <case> `), served by Pagelet or, with
 * `BASELINE=gradio`, by real Gradio.
 */
import { test as base, type Locator, type Page } from "@playwright/test";
import type { ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { hasTestcase, killGradioApp, launchGradioApp } from "./app-launcher.ts";

export { expect } from "@playwright/test";

/** The one demo this worker is serving; a spec's tests run one after another. */
let running: { key: string; port: number; process: ChildProcess } | undefined;

function testcaseOf(title: string, demoName: string): string | undefined {
  const match = /^case (\w+):/.exec(title) ?? /^test case (\w+) /.exec(title);
  const name = match?.[1];
  return name !== undefined && hasTestcase(demoName, name) ? name : undefined;
}

async function appFor(demoName: string, testcase: string | undefined): Promise<number> {
  const key = testcase ? `${demoName}/${testcase}` : demoName;
  if (running?.key === key && running.process.exitCode === null && running.process.signalCode === null) {
    return running.port;
  }
  if (running) killGradioApp(running.process);
  running = undefined;
  const app = await launchGradioApp(demoName, 0, 90_000, testcase);
  running = { key, ...app };
  return app.port;
}

for (const signal of ["exit", "SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (running) killGradioApp(running.process);
    if (signal !== "exit") process.exit(1);
  });
}

export const test = base.extend<{ demoPage: void }>({
  demoPage: [
    async ({ page }, use, testInfo) => {
      const demoName = path.basename(testInfo.file, ".spec.ts");
      const port = await appFor(demoName, testcaseOf(testInfo.title, demoName));
      await page.goto(`http://localhost:${port}/`);
      await page.waitForLoadState("load");
      await use();
    },
    // Starting a demo (importing gradio, pandas ...) is not part of a test's time.
    { auto: true, timeout: 120_000 },
  ],
});

/** The page is already at its testcase: the fixture read it from the title. */
export async function go_to_testcase(_page: Page, _testcase: string): Promise<void> {}

export function get_text(element: HTMLElement): string {
  return element.innerText.trim();
}

export function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Drops `count` copies of the file at `filePath` (read here, in Node) on the
 * target, as a person dragging it from their desktop would.
 */
export async function drag_and_drop_file(
  page: Page,
  target: string | Locator,
  filePath: string,
  fileName: string,
  fileType = "",
  count = 1,
): Promise<void> {
  const base64 = (await fs.readFile(filePath)).toString("base64");
  const dataTransfer = await page.evaluateHandle(
    ({ base64, fileName, fileType, count }) => {
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const transfer = new DataTransfer();
      for (let i = 0; i < count; i++) transfer.items.add(new File([bytes], fileName, { type: fileType }));
      return transfer;
    },
    { base64, fileName, fileType, count },
  );
  const locator = typeof target === "string" ? page.locator(target).first() : target;
  await locator.dispatchEvent("drop", { dataTransfer });
}
