import { appConfig, component, dependency, expect, fileData, test, type Core } from "./fixtures";

// A 40 × 30 picture of one blue (#2040ff).
const BLUE_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAACgAAAAeCAIAAADRv8uKAAAAK0lEQVR4nO3NMQ0AAAgDsElBCv5NgQw4mvRvqudExGKxWCwWi8VisVj8N16mb22rLrTtMwAAAABJRU5ErkJggg==",
  "base64",
);

interface Upload {
  type: string;
  upload_id: string;
  name: string;
}

/** Answer every upload not answered yet as the core does, each stored under /tmp/s/<n>-<name>. */
async function answerUploads(core: Core, answered: Set<string>, count: number): Promise<Upload[]> {
  const pending = async () => ((await core.sent()) as Upload[]).filter((m) => m.type === "upload" && !answered.has(m.upload_id));
  await expect.poll(async () => (await pending()).length).toBe(count);
  const uploads = await pending();
  for (const upload of uploads) {
    answered.add(upload.upload_id);
    const file = { ...fileData(`/tmp/s/${answered.size}-${upload.name}`, upload.name), mime_type: "image/png" };
    await core.push({ v: 1, type: "uploaded", upload_id: upload.upload_id, file });
  }
  return uploads;
}

function editorApp(props: Record<string, unknown> = {}, events: string[] = ["input"]) {
  return appConfig(
    [component(1, "imageeditor", { label: "Sketch", type: "filepath", canvas_size: [40, 30], ...props })],
    events.map((event, index) => dependency(index, { targets: [[1, event]], inputs: [1], outputs: [] })),
  );
}

test("an uploaded background, then a brush stroke: the page sends background, layer and composite PNGs", async ({ core, page }) => {
  await core.mount(editorApp({}, ["upload", "input"]));
  const answered = new Set<string>();
  await page.getByLabel("Sketch", { exact: true }).setInputFiles({ name: "blue.png", mimeType: "image/png", buffer: BLUE_PNG });
  await answerUploads(core, answered, 1);
  // The page flattens the canvas itself: the composite and the one layer go up as PNGs.
  const saved = await answerUploads(core, answered, 2);
  expect(saved.map((upload) => upload.name).sort()).toEqual(["composite.png", "layer_1.png"]);
  const afterUpload = await core.expectEvents(2);
  expect(afterUpload.map((event) => event.fn)).toEqual([0, 1]);
  // The runs end, so the next edit's input may start one (trigger mode "once").
  for (const event of afterUpload) await core.answer(event.event_id, []);
  expect(afterUpload[0]?.data[0]).toMatchObject({
    background: { path: "/tmp/s/1-blue.png" },
    layers: [{ orig_name: "layer_1.png" }],
    composite: { orig_name: "composite.png" },
  });

  // A stroke across the middle, in the brush's first colour (Gradio's rgb(204, 50, 50)).
  const canvas = page.getByRole("img", { name: "Sketch canvas" });
  const box = await canvas.boundingBox();
  if (box === null) throw new Error("the canvas is not drawn");
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await answerUploads(core, answered, 2);
  const events = await core.expectEvents(3);
  const value = events[2]?.data[0] as { background: { path: string }; composite: { path: string }; layers: unknown[] };
  expect(events[2]?.fn).toBe(1);
  expect(value.background.path).toBe("/tmp/s/1-blue.png");
  expect(value.layers).toHaveLength(1);
  expect(value.composite.path).not.toBe((afterUpload[0]?.data[0] as { composite: { path: string } }).composite.path);
  const pixel = (x: number, y: number) =>
    canvas.evaluate((element: HTMLCanvasElement, [px, py]) => [...(element.getContext("2d")?.getImageData(px ?? 0, py ?? 0, 1, 1).data ?? [])], [x, y]);
  expect(await pixel(20, 15)).toEqual([204, 50, 50, 255]);
  // Away from the stroke the background shows.
  expect(await pixel(2, 2)).toEqual([32, 64, 255, 255]);
});

test("the eraser takes a stroke off its layer and leaves the background", async ({ core, page }) => {
  await core.mount(editorApp({ brush: { default_size: 4, colors: ["#00ff00"], default_color: "#00ff00", color_mode: "fixed" } }));
  const answered = new Set<string>();
  await page.getByLabel("Sketch", { exact: true }).setInputFiles({ name: "blue.png", mimeType: "image/png", buffer: BLUE_PNG });
  await answerUploads(core, answered, 1);
  await answerUploads(core, answered, 2);
  const canvas = page.getByRole("img", { name: "Sketch canvas" });
  const box = await canvas.boundingBox();
  if (box === null) throw new Error("the canvas is not drawn");
  const drag = async () => {
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
  };
  // A fixed single colour: no picker to choose another.
  await expect(page.getByLabel("Color", { exact: true })).toBeHidden();
  await drag();
  await answerUploads(core, answered, 2);
  const pixel = () => canvas.evaluate((element: HTMLCanvasElement) => [...(element.getContext("2d")?.getImageData(20, 15, 1, 1).data ?? [])]);
  expect(await pixel()).toEqual([0, 255, 0, 255]);
  await page.getByRole("button", { name: "Erase" }).click();
  await expect(page.getByRole("slider", { name: "Eraser Size" })).toBeVisible();
  await drag();
  await answerUploads(core, answered, 2);
  expect(await pixel()).toEqual([32, 64, 255, 255]);
});

test("Add Layer makes a second layer the value carries; Clear canvas empties the value", async ({ core, page }) => {
  await core.mount(editorApp({ sources: [] }, ["input", "clear"]));
  const answered = new Set<string>();
  // No sources (Gradio's Sketchpad): a blank canvas, no upload field.
  await expect(page.getByLabel("Sketch", { exact: true })).toHaveCount(0);
  await page.getByRole("button", { name: "Add Layer" }).click();
  await expect(page.getByRole("combobox", { name: "Layer" })).toHaveValue("1");
  await expect(page.getByRole("combobox", { name: "Layer" }).locator("option")).toHaveText(["Layer 1", "Layer 2"]);
  const box = await page.getByRole("img", { name: "Sketch canvas" }).boundingBox();
  if (box === null) throw new Error("the canvas is not drawn");
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await answerUploads(core, answered, 3);
  const [drawn] = await core.expectEvents(1);
  expect(drawn?.data[0]).toMatchObject({ background: null, layers: [{}, {}], composite: { orig_name: "composite.png" } });
  await core.answer(drawn?.event_id ?? "", []);

  await page.getByRole("button", { name: "Clear canvas" }).click();
  const events = await core.expectEvents(3);
  expect(events.slice(1).map((event) => [event.fn, event.data])).toEqual([[1, [null]], [0, [null]]]);
});

test("a value from the app is drawn, and Save changes (shown when the app listens to apply) fires apply", async ({ core, page }) => {
  await core.mount(editorApp({ changeable: true }, ["apply"]));
  await core.push({ v: 1, type: "file", path: "/tmp/out/bg.png", mime_type: "image/png" }, [...BLUE_PNG]);
  const background = { ...fileData("/tmp/out/bg.png", "bg.png"), mime_type: "image/png" };
  await core.update("e1", [{ id: 1, value: { background, layers: [], composite: background, id: null } }]);
  const canvas = page.getByRole("img", { name: "Sketch canvas" });
  await expect.poll(() => canvas.evaluate((element: HTMLCanvasElement) => [...(element.getContext("2d")?.getImageData(5, 5, 1, 1).data ?? [])])).toEqual([32, 64, 255, 255]);
  await page.getByRole("button", { name: "Save changes" }).click();
  const [applied] = await core.expectEvents(1);
  expect(applied?.data[0]).toMatchObject({ background: { path: "/tmp/out/bg.png" }, layers: [] });
});

test("a crop keeps the marked part of background and layers", async ({ core, page }) => {
  await core.mount(editorApp());
  const answered = new Set<string>();
  await page.getByLabel("Sketch", { exact: true }).setInputFiles({ name: "blue.png", mimeType: "image/png", buffer: BLUE_PNG });
  await answerUploads(core, answered, 1);
  await answerUploads(core, answered, 2);
  await page.getByRole("button", { name: "Crop" }).click();
  const canvas = page.getByRole("img", { name: "Sketch canvas" });
  const box = await canvas.boundingBox();
  if (box === null) throw new Error("the canvas is not drawn");
  await page.mouse.move(box.x, box.y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
  await page.mouse.up();
  await page.getByRole("button", { name: "Apply crop" }).click();
  // The cropped background is a new picture: it goes up with the layer and the composite.
  const uploads = await answerUploads(core, answered, 3);
  expect(uploads.map((upload) => upload.name).sort()).toEqual(["background.png", "composite.png", "layer_1.png"]);
  expect(await canvas.evaluate((element: HTMLCanvasElement) => [element.width, element.height])).toEqual([20, 15]);
});
