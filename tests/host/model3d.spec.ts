import type { Page } from "@playwright/test";
import { appConfig, component, dependency, expect, fileData, test } from "./fixtures";

// One triangle, as an OBJ file.
const TRIANGLE_OBJ = [..."v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n"].map((char) => char.charCodeAt(0));
const triangle = { ...fileData("/tmp/out/triangle.obj", "triangle.obj"), mime_type: "model/obj" };

const viewerScripts = (page: Page): Promise<string[]> =>
  page.evaluate(() => performance.getEntriesByType("resource").map((entry) => entry.name).filter((name) => /model3d-viewer/.test(name)));

test("the 3D viewer's chunk is fetched only once a model is shown, and then draws it", async ({ core, page }) => {
  const webgl = await page.evaluate(() => document.createElement("canvas").getContext("webgl2") !== null || document.createElement("canvas").getContext("webgl") !== null);
  await core.mount(appConfig([component(1, "model3d", { label: "Model", value: null, interactive: false })]));
  await expect(page.getByText("Model", { exact: true })).toBeVisible();
  expect(await viewerScripts(page)).toEqual([]);

  await core.push({ v: 1, type: "file", path: triangle.path, mime_type: "model/obj" }, TRIANGLE_OBJ);
  await core.update("e1", [{ id: 1, value: triangle }]);
  await expect(page.getByRole("link", { name: "Download" })).toHaveAttribute("download", "triangle.obj");
  if (webgl) {
    // three.js draws it: the canvas shows, no message stands in its place.
    await expect(page.getByRole("img", { name: "Model" })).toBeVisible();
    await expect(page.getByRole("status")).toBeHidden();
    expect((await viewerScripts(page)).length).toBe(1);
  } else {
    await expect(page.getByRole("status")).toHaveText(/no WebGL/);
  }
});

test("without WebGL the block says so, keeps the download link and never fetches the viewer", async ({ core, page }) => {
  await page.evaluate(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    // A browser without WebGL: every webgl context request fails, 2D still works.
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
      return kind.startsWith("webgl") ? null : (original as (...args: unknown[]) => unknown).call(this, kind, ...rest);
    } as typeof original;
  });
  await core.mount(appConfig([component(1, "model3d", { label: "Model", value: null, interactive: false })]));
  await core.push({ v: 1, type: "file", path: triangle.path, mime_type: "model/obj" }, TRIANGLE_OBJ);
  await core.update("e1", [{ id: 1, value: triangle }]);
  await expect(page.getByRole("status")).toHaveText("This browser has no WebGL, so the 3D model cannot be drawn here: download it to view it.");
  await expect(page.getByRole("link", { name: "Download" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Model" })).toBeHidden();
  expect(await viewerScripts(page)).toEqual([]);
});

test("an uploaded model becomes the value and fires upload; Clear empties it and fires clear", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [component(1, "model3d", { label: "Model", value: null })],
      [dependency(0, { targets: [[1, "upload"]], inputs: [1], outputs: [] }), dependency(1, { targets: [[1, "clear"]], inputs: [1], outputs: [] })],
    ),
  );
  await page.getByLabel("Model", { exact: true }).setInputFiles({ name: "triangle.obj", mimeType: "model/obj", buffer: Buffer.from(TRIANGLE_OBJ) });
  await expect.poll(async () => (await core.sent()).length).toBe(1);
  const [upload] = (await core.sent()) as { upload_id: string; name: string }[];
  expect(upload?.name).toBe("triangle.obj");
  const stored = fileData("/tmp/s/triangle.obj", "triangle.obj");
  await core.push({ v: 1, type: "uploaded", upload_id: upload?.upload_id, file: stored });
  const [uploaded] = await core.expectEvents(1);
  expect([uploaded?.fn, uploaded?.data]).toEqual([0, [stored]]);
  await expect(page.getByRole("link", { name: "Download" })).toBeVisible();

  await page.getByRole("button", { name: "Clear" }).click();
  const events = await core.expectEvents(2);
  expect([events[1]?.fn, events[1]?.data]).toEqual([1, [null]]);
  await expect(page.getByRole("link", { name: "Download" })).toHaveCount(0);
});

test("a file the viewer cannot draw says why and keeps its link", async ({ core, page }) => {
  const splat = { ...fileData("/tmp/out/scene.splat", "scene.splat"), mime_type: "application/octet-stream" };
  await core.mount(appConfig([component(1, "model3d", { label: "Scene", value: null, interactive: false })]));
  await core.push({ v: 1, type: "file", path: splat.path, mime_type: splat.mime_type }, [0, 1, 2, 3]);
  await core.update("e1", [{ id: 1, value: splat }]);
  await expect(page.getByRole("status")).toHaveText(/cannot be drawn here/);
  await expect(page.getByRole("link", { name: "Download" })).toHaveAttribute("download", "scene.splat");
});
