/**
 * `@self/tootils` for `make e2e-compat`: what Gradio's specs import from it,
 * written for this runner. Every test gets the page of its demo
 * (`demo/<spec name>/run.py`, or `<case>_testcase.py` when the title starts
 * with `case <case>:` or `test case <case> `), served by Pagelet or, with
 * `BASELINE=gradio`, by real Gradio.
 */
import { test as base, type Locator, type Page } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { hasTestcase, killDemoGroup, launchGradioApp } from "./app-launcher.ts";
import { settings } from "./settings.ts";

export { expect } from "@playwright/test";

interface Serving {
  key: string;
  port: number;
  pid: number;
}

function testcaseOf(title: string, demoName: string): string | undefined {
  const match = /^case (\w+):/.exec(title) ?? /^test case (\w+) /.exec(title);
  const name = match?.[1];
  return name !== undefined && hasTestcase(demoName, name) ? name : undefined;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function serving(): Serving | undefined {
  try {
    return JSON.parse(fs.readFileSync(settings.demoFile, "utf8")) as Serving;
  } catch {
    return undefined;
  }
}

/**
 * The port of the demo for this test: the one already serving when it is the
 * same demo (Playwright replaces the worker after a failed test, and starting
 * gradio again would cost seconds per test), else a fresh one in its place.
 */
async function appFor(demoName: string, testcase: string | undefined): Promise<number> {
  const key = testcase ? `${demoName}/${testcase}` : demoName;
  const current = serving();
  if (current?.key === key && alive(current.pid)) return current.port;
  if (current) killDemoGroup(current.pid);
  fs.rmSync(settings.demoFile, { force: true });
  const app = await launchGradioApp(demoName, 0, 90_000, testcase);
  const next: Serving = { key, port: app.port, pid: app.process.pid ?? 0 };
  fs.writeFileSync(settings.demoFile, JSON.stringify(next));
  return app.port;
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
  const base64 = (await fs.promises.readFile(filePath)).toString("base64");
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
