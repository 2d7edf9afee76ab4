import type { Page } from "@playwright/test";
import { appConfig, component, dependency, expect, test } from "./fixtures";

const remote = (url: string, name: string) => ({ path: url, url, orig_name: name, size: null, mime_type: null, meta: { _type: "gradio.FileData" } });
const PICTURE = remote("https://example.test/cheetah.jpg", "cheetah.jpg");
const CLIP = remote("https://example.test/world.mp4", "world.mp4");
const items = [{ image: PICTURE, caption: null }, { video: CLIP, caption: null }, { image: remote("https://example.test/cat.jpg", "cat.jpg"), caption: null }];

/** The clipboard as `navigator.clipboard.read()` gives it: one item of `type` holding `text`. */
async function fakeClipboard(page: Page, type: string, text: string): Promise<void> {
  await page.evaluate(({ type, text }) => {
    const item = { types: [type], getType: async () => new Blob([text], { type }) };
    Object.defineProperty(navigator, "clipboard", { configurable: true, value: { read: async () => [item] } });
  }, { type, text });
}

test("choosing 'Thumbnail 2 of 3' opens Gradio's preview; Close shuts it", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [component(1, "gallery", { label: "Results", value: items, interactive: false })],
      [
        dependency(0, { targets: [[1, "preview_open"]] }),
        dependency(1, { targets: [[1, "select"]] }),
        dependency(2, { targets: [[1, "preview_close"]] }),
      ],
    ),
  );
  await page.getByLabel("Thumbnail 2 of 3").click();
  await expect(page.getByTestId("detailed-video")).toHaveAttribute("src", CLIP.url);
  await expect(page.getByTestId("thumbnail 1")).toHaveAttribute("src", PICTURE.url);
  await expect(page.getByRole("group", { name: "Preview of Results 2" }).getByRole("button", { name: "Download", exact: true })).toBeVisible();
  await expect.poll(() => core.calls()).toEqual([[0, []], [1, []]]);
  const [opened, chosen] = await core.events();
  expect(chosen?.event_data).toEqual({ index: 1, value: { video: CLIP, caption: null }, selected: true });
  // Each run over, so that the next select is not held back as a repeat.
  for (const run of [opened, chosen]) await core.answer(run?.event_id ?? "", []);
  // Another thumbnail of the strip selects without opening the preview again.
  await page.getByRole("button", { name: "Thumbnail 3 of 3", exact: true }).click();
  await expect(page.getByRole("img", { name: "Results 3" }).first()).toBeVisible();
  await page.getByRole("button", { name: "Close", exact: true }).click();
  await expect(page.getByTestId("detailed-video")).toHaveCount(0);
  await expect.poll(async () => (await core.calls()).map(([fn]) => fn)).toEqual([0, 1, 1, 2]);
});

test("a filled interactive gallery adds files with 'Click to Upload'", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [component(1, "gallery", { label: "Pictures", value: [items[0]], sources: ["upload", "clipboard"], interactive: true })],
      [dependency(0, { targets: [[1, "upload"]], inputs: [1] })],
    ),
  );
  // Filled, the drop zone is gone: its chooser opens from the row's button.
  await expect(page.getByText("Drop Media Here")).toBeHidden();
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByLabel("Click to Upload", { exact: true }).click()]);
  await chooser.setFiles({ name: "cat.png", mimeType: "image/png", buffer: Buffer.from("png") });
  await expect.poll(async () => (await core.sent()).length).toBe(1);
  const [upload] = (await core.sent()) as { upload_id: string }[];
  const cat = { ...remote("/tmp/s/cat.png", "cat.png"), url: null, mime_type: "image/png" };
  await core.push({ v: 1, type: "uploaded", upload_id: upload?.upload_id, file: cat });
  await expect.poll(async () => (await core.events()).map((event) => event.data)).toEqual([[[items[0], { image: cat, caption: null }]]]);
  await expect(page.getByLabel("Thumbnail 2 of 2")).toBeVisible();
});

test("pasting a clipboard without a picture warns with Gradio's words; with one it is added as a change", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [component(1, "gallery", { label: "Pictures", value: [items[0]], sources: ["upload", "clipboard"], interactive: true })],
      [dependency(0, { targets: [[1, "change"]], inputs: [1] }), dependency(1, { targets: [[1, "upload"]], inputs: [1] })],
    ),
  );
  await fakeClipboard(page, "text/plain", "just text");
  await page.getByLabel("Paste from Clipboard").click();
  const toast = page.getByTestId("toast-body");
  await expect(toast).toContainText("No image or video found in clipboard");
  await expect(toast).toContainText("Warning");
  expect(await core.sent()).toEqual([]);

  await fakeClipboard(page, "image/png", "png");
  await page.getByLabel("Paste from Clipboard").click();
  await expect.poll(async () => (await core.sent()).length).toBe(1);
  const [upload] = (await core.sent()) as { upload_id: string; name: string }[];
  expect(upload?.name).toBe("clipboard.png");
  const pasted = { ...remote("/tmp/s/clipboard.png", "clipboard.png"), url: null, mime_type: "image/png" };
  await core.push({ v: 1, type: "uploaded", upload_id: upload?.upload_id, file: pasted });
  // A change only: the upload listener does not run.
  await expect.poll(() => core.calls()).toEqual([[0, [[items[0], { image: pasted, caption: null }]]]]);
});

test("an empty interactive gallery with the clipboard source offers 'Paste from clipboard' under its drop zone", async ({ core, page }) => {
  await core.mount(appConfig([component(1, "gallery", { label: "Pictures", value: null, sources: ["upload", "clipboard"], interactive: true })]));
  await expect(page.getByText("Drop Media Here")).toBeVisible();
  await expect(page.getByRole("button", { name: "Paste from clipboard" })).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Click to Upload", exact: true })).toBeHidden();
});
