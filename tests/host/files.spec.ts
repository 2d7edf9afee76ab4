import { appConfig, component, dependency, expect, fileData, test } from "./fixtures";

const PNG_1X1 = [
  137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 144, 119, 83, 222, 0, 0, 0,
  12, 73, 68, 65, 84, 120, 156, 99, 248, 207, 192, 0, 0, 3, 1, 1, 0, 201, 254, 146, 239, 0, 0, 0, 0, 73, 69, 78, 68, 174, 66, 96, 130,
];

test("an upload sends the bytes beside the message and the core's FileData becomes the value", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [component(1, "file", { label: "Doc", value: null }), component(2, "button", { value: "Go" })],
      [dependency(0, { targets: [[2, "click"]], inputs: [1], outputs: [] })],
    ),
  );
  await page.getByLabel("Doc", { exact: true }).setInputFiles({ name: "a.txt", mimeType: "text/plain", buffer: Buffer.from("abc") });
  await expect.poll(() => core.sent()).toEqual([{ v: 1, type: "upload", upload_id: expect.any(String), name: "a.txt", mime: "text/plain" }]);
  expect(await page.evaluate(() => window.harness.sentBytes())).toEqual([3]);
  const [upload] = (await core.sent()) as { upload_id: string }[];
  await core.push({ v: 1, type: "uploaded", upload_id: upload?.upload_id, file: fileData("/tmp/s/a.txt", "a.txt") });
  // The page shows its own copy at once: the link needs no trip back.
  await expect(page.getByRole("link", { name: "a.txt" })).toHaveAttribute("href", /^blob:/);
  await page.getByRole("button", { name: "Go", exact: true }).click();
  const events = await core.expectEvents(1);
  expect(events[0]?.data).toEqual([fileData("/tmp/s/a.txt", "a.txt")]);
});

test("a refused upload shows the core's reason in an error toast", async ({ core, page }) => {
  await core.mount(appConfig([component(1, "image", { label: "Photo", value: null })]));
  await page.getByLabel("Photo", { exact: true }).setInputFiles({ name: "big.png", mimeType: "image/png", buffer: Buffer.from(PNG_1X1) });
  await expect.poll(async () => (await core.sent()).length).toBe(1);
  const [upload] = (await core.sent()) as { upload_id: string }[];
  await core.push({ v: 1, type: "uploaded", upload_id: upload?.upload_id, error: "big.png is too large." });
  await expect(page.getByTestId("toast-text")).toHaveText("big.png is too large.");
});

test("a picture the browser cannot decode is refused in an error toast and never sent", async ({ core, page }) => {
  await core.mount(appConfig([component(1, "image", { label: "Photo", value: null })]));
  const photo = page.getByLabel("Photo", { exact: true });
  await photo.setInputFiles({ name: "broken.png", mimeType: "image/png", buffer: Buffer.from("\x89PNG not really") });
  await expect(page.getByTestId("toast-text")).toHaveText("broken.png is not an image this app can read.");
  expect(await core.sent()).toEqual([]);
  // A real picture afterwards goes through.
  await photo.setInputFiles({ name: "dot.png", mimeType: "image/png", buffer: Buffer.from(PNG_1X1) });
  await expect.poll(async () => (await core.sent()).length).toBe(1);
});

test("output bytes become a blob URL, replaced (and the old one revoked) when the path comes again", async ({ core, page }) => {
  await core.mount(appConfig([component(1, "image", { label: "Result", value: null, interactive: false })]));
  const result = { ...fileData("/tmp/out.png", "out.png"), mime_type: "image/png" };
  await core.push({ v: 1, type: "file", path: "/tmp/out.png", mime_type: "image/png" }, PNG_1X1);
  await core.update("e1", [{ id: 1, value: result }]);
  const image = page.getByRole("img", { name: "Result" });
  await expect(image).toHaveAttribute("src", /^blob:/);
  const first = await image.getAttribute("src");
  expect(await image.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBe(1);

  await core.push({ v: 1, type: "file", path: "/tmp/out.png", mime_type: "image/png" }, PNG_1X1);
  await core.update("e2", [{ id: 1, value: { ...result, size: 4 } }]);
  await expect(image).not.toHaveAttribute("src", first ?? "");
  const revoked = await page.evaluate((url) => fetch(url).then(() => false, () => true), first ?? "");
  expect(revoked).toBe(true);
});

test("malformed file messages are reported, and the app keeps working", async ({ core, page }) => {
  await core.mount(appConfig([component(1, "textbox", { label: "Text", value: "" })]));
  await core.push({ v: 1, type: "uploaded", upload_id: "u1" });
  await expect(page.getByText("Invalid message from the app: uploaded needs either a file or an error")).toBeVisible();
  await core.push({ v: 1, type: "file", path: 3, mime_type: null });
  await expect(page.getByText("Invalid message from the app: file needs a path")).toBeVisible();
  await page.getByLabel("Text", { exact: true }).fill("fine");
  await expect(page.getByLabel("Text", { exact: true })).toHaveValue("fine");
});

test("a table shows headers and rows, and an edited cell is the value sent", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [
        component(1, "dataframe", { label: "Scores", value: { headers: ["name", "score"], data: [["Ada", 3]], metadata: null }, row_count: [1, "fixed"] }),
        component(2, "button", { value: "Send" }),
      ],
      [dependency(0, { targets: [[2, "click"]], inputs: [1], outputs: [] })],
    ),
  );
  await expect(page.getByRole("grid", { name: "Scores" }).getByRole("columnheader")).toHaveText(["name", "score"]);
  await expect(page.getByRole("button", { name: "Add row" })).toBeHidden();
  // A cell is described by its column, so no cell answers to a column's label.
  const score = page.getByTestId("cell-0-1");
  await expect(score).toHaveAccessibleDescription("score");
  // Inside the table nothing is named "score": only the table itself ("Scores") and its toolbar ("Scores tools") are.
  await expect(page.getByRole("grid", { name: "Scores" }).getByLabel("score")).toHaveCount(0);
  await expect(page.getByLabel("score").and(page.getByRole("grid"))).toHaveCount(1);
  await expect(score).toHaveText("3");
  await score.dblclick();
  await page.getByLabel("Edit cell").fill("9");
  await page.getByLabel("Edit cell").press("Enter");
  await page.getByRole("button", { name: "Send" }).click();
  const events = await core.expectEvents(1);
  expect(events[0]?.data).toEqual([{ headers: ["name", "score"], data: [["Ada", "9"]], metadata: null }]);
});

test("choosing a gallery image sends select with its index and item", async ({ core, page }) => {
  const item = (n: number) => ({ image: { ...fileData(`/tmp/t${n}.png`, `t${n}.png`), url: `data:image/png;base64,` }, caption: `Tile ${n}` });
  await core.mount(
    appConfig(
      [component(1, "gallery", { label: "Tiles", value: [item(1), item(2)], interactive: false })],
      [dependency(0, { targets: [[1, "select"]], inputs: [], outputs: [] })],
    ),
  );
  await page.getByRole("button", { name: "Tile 2" }).click();
  const [event] = await core.expectEvents(1);
  expect(event?.event_data).toEqual({ index: 1, value: item(2), selected: true });
  await expect(page.getByRole("button", { name: "Tile 2" })).toHaveAttribute("aria-pressed", "true");
});

test("a gallery shows a video item as a player, and choosing it sends the video", async ({ core, page }) => {
  const clip = { video: { ...fileData("/tmp/clip.mp4", "clip.mp4"), url: "data:video/mp4;base64,AAAA" }, caption: "Clip" };
  await core.mount(
    appConfig(
      [component(1, "gallery", { label: "Media", value: [clip], interactive: false })],
      [dependency(0, { targets: [[1, "select"]], inputs: [], outputs: [] })],
    ),
  );
  await expect(page.locator(".pagelet-gallery-item video")).toHaveAttribute("aria-label", "Clip");
  await page.getByRole("button", { name: "Clip" }).click();
  const [event] = await core.expectEvents(1);
  expect(event?.event_data).toEqual({ index: 0, value: clip, selected: true });
});

test("clicking a table cell sends select with the cell, its row and its column", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [component(1, "dataframe", { label: "Scores", value: { headers: ["name", "score"], data: [["Ada", 3], ["Alan", 5]], metadata: null }, interactive: false })],
      [dependency(0, { targets: [[1, "select"]], inputs: [], outputs: [] })],
    ),
  );
  await page.getByRole("gridcell", { name: "5" }).click();
  const [event] = await core.expectEvents(1);
  expect(event?.event_data).toEqual({ index: [1, 1], value: 5, row_value: ["Alan", 5], col_value: [3, 5], selected: true });
});

test("a file over the app's limit is refused before it is sent, in an error toast", async ({ core, page }) => {
  const config = appConfig([component(1, "file", { label: "Doc", value: null })]);
  await core.mount({ ...config, max_file_size: 1024 });
  await page.getByLabel("Doc", { exact: true }).setInputFiles({ name: "big.txt", mimeType: "text/plain", buffer: Buffer.alloc(5000) });
  await expect(page.getByTestId("toast-body")).toContainText("Error");
  await expect(page.getByTestId("toast-text")).toHaveText("big.txt is 4.9 KB; this app accepts files up to 1.0 KB.");
  expect(await core.sent()).toEqual([]);
});

test("a released output's blob URL is revoked, unless a component still shows that file", async ({ core, page }) => {
  await core.mount(
    appConfig([
      component(1, "image", { label: "Result", value: null, interactive: false }),
      component(2, "image", { label: "Kept", value: null, interactive: false }),
    ]),
  );
  const png = (path: string) => ({ ...fileData(path, path.slice(5)), mime_type: "image/png" });
  await core.push({ v: 1, type: "file", path: "/tmp/a.png", mime_type: "image/png" }, PNG_1X1);
  await core.push({ v: 1, type: "file", path: "/tmp/k.png", mime_type: "image/png" }, PNG_1X1);
  await core.update("e1", [{ id: 1, value: png("/tmp/a.png") }, { id: 2, value: png("/tmp/k.png") }]);
  const result = page.getByRole("img", { name: "Result" });
  const kept = page.getByRole("img", { name: "Kept" });
  await expect(result).toHaveAttribute("src", /^blob:/);
  const first = (await result.getAttribute("src")) ?? "";
  const keptUrl = (await kept.getAttribute("src")) ?? "";

  await core.push({ v: 1, type: "file", path: "/tmp/b.png", mime_type: "image/png" }, PNG_1X1);
  await core.update("e2", [{ id: 1, value: png("/tmp/b.png") }]);
  await core.push({ v: 1, type: "release", paths: ["/tmp/a.png", "/tmp/k.png"] });
  await expect.poll(() => page.evaluate((url) => fetch(url).then(() => "live", () => "revoked"), first)).toBe("revoked");
  // Still on the page: its bytes stay.
  expect(await page.evaluate((url) => fetch(url).then(() => "live", () => "revoked"), keptUrl)).toBe("live");
  expect(await result.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBe(1);
});

test("a malformed release is reported, and the app keeps working", async ({ core, page }) => {
  await core.mount(appConfig([component(1, "textbox", { label: "Text", value: "" })]));
  await core.push({ v: 1, type: "release", paths: [3] });
  await expect(page.getByText("Invalid message from the app: release needs a list of paths")).toBeVisible();
  await page.getByLabel("Text", { exact: true }).fill("fine");
  await expect(page.getByLabel("Text", { exact: true })).toHaveValue("fine");
});

test("an upload no component holds any more lets go of its bytes at the next upload", async ({ core, page }) => {
  await core.mount(appConfig([component(1, "file", { label: "Doc", value: null })]));
  const input = page.getByLabel("Doc", { exact: true });
  const links: string[] = [];
  for (const [index, name] of ["a.txt", "b.txt", "c.txt"].entries()) {
    await input.setInputFiles({ name, mimeType: "text/plain", buffer: Buffer.from(name) });
    await expect.poll(async () => (await core.sent()).length).toBe(index + 1);
    const upload = (await core.sent())[index] as { upload_id: string };
    await core.push({ v: 1, type: "uploaded", upload_id: upload.upload_id, file: fileData(`/tmp/s/${name}`, name) });
    const link = page.getByRole("link", { name });
    await expect(link).toHaveAttribute("href", /^blob:/);
    links.push((await link.getAttribute("href")) ?? "");
  }
  const states = await page.evaluate(
    (urls) => Promise.all(urls.map((url) => fetch(url).then(() => "live", () => "revoked"))),
    links,
  );
  // a.txt was replaced by b.txt before c.txt came; b.txt was still shown when c.txt was chosen.
  expect(states).toEqual(["revoked", "live", "live"]);
});

test("an upload zone reads as Gradio's, opens the chooser anywhere, and an output File has no input", async ({ core, page }) => {
  await core.mount(
    appConfig([
      component(1, "file", { label: "Doc", value: null }),
      component(2, "file", { label: "Result", value: null, interactive: false }),
    ]),
  );
  // One input: the output shows files, it takes none.
  await expect(page.locator("input[type=file]")).toHaveCount(1);
  // Named by its label, then by what it does (Gradio's name for the control).
  await expect(page.getByLabel("Doc", { exact: true })).toHaveAttribute("type", "file");
  await expect(page.getByLabel("Click to upload or drop files", { exact: true })).toHaveAttribute("type", "file");
  const chooser = page.waitForEvent("filechooser");
  await page.getByText("Doc Drop File Here - or - Click to Upload").click();
  await (await chooser).setFiles([{ name: "a.txt", mimeType: "text/plain", buffer: Buffer.from("abc") }]);
  await expect.poll(async () => (await core.sent()).length).toBe(1);
});

test("a file of a type the field does not take is refused in an error toast; a compound extension is one type", async ({ core, page }) => {
  await core.mount(appConfig([component(1, "file", { label: "Scan", value: null, file_types: [".nii.gz"] })]));
  const input = page.getByLabel("Scan", { exact: true });
  // The chooser matches only the last part of a name, so that part is offered too.
  await expect(input).toHaveAttribute("accept", ".nii.gz, .gz");
  await input.setInputFiles({ name: "brain.nii", mimeType: "application/octet-stream", buffer: Buffer.from("x") });
  await expect(page.getByTestId("toast-body")).toContainText("Error");
  await expect(page.getByTestId("toast-text")).toContainText("brain.nii");
  expect(await core.sent()).toEqual([]);
  await input.setInputFiles({ name: "brain.nii.gz", mimeType: "application/gzip", buffer: Buffer.from("x") });
  await expect.poll(async () => (await core.sent()).length).toBe(1);
});

test("an audio input offers Download beside Clear, as Gradio's does; so does an output", async ({ core, page }) => {
  const sound = { ...fileData("/tmp/s/tone.wav", "tone.wav"), url: "data:audio/wav;base64,UklGRg==" };
  await core.mount(
    appConfig([
      component(1, "audio", { label: "Input Audio", value: sound }),
      component(2, "audio", { label: "Output Audio", value: sound, interactive: false }),
    ]),
  );
  const input = page.getByTestId("waveform-Input Audio").locator("..");
  await expect(input.getByLabel("Clear", { exact: true })).toHaveCount(1);
  await expect(input.getByLabel("Download", { exact: true })).toHaveAttribute("download", "tone.wav");
  // Gradio's order on the page: the input's Download, then the output's.
  await expect(page.getByLabel("Download", { exact: true })).toHaveCount(2);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByLabel("Download", { exact: true }).nth(1).click()]);
  expect(download.suggestedFilename()).toBe("tone.wav");
});

test("an input picture offers Remove Image, an output offers Download; a listened picture sends the pixel clicked", async ({ core, page }) => {
  const photo = { ...fileData("/tmp/s/dot.png", "dot.png"), url: `data:image/png;base64,${Buffer.from(PNG_1X1).toString("base64")}` };
  await core.mount(
    appConfig([
      component(1, "image", { label: "Input Image", value: photo }),
      component(2, "image", { label: "Output Image", value: photo, interactive: false, _selectable: true }),
    ], [dependency(0, { targets: [[2, "select"]], inputs: [], outputs: [] })]),
  );
  // Gradio's labels, one of each: the input has nothing to download, the output nothing to remove.
  await expect(page.getByLabel("Remove Image")).toHaveCount(1);
  await expect(page.getByLabel("Download")).toHaveCount(1);
  await expect(page.getByLabel("Download")).toHaveAttribute("download", "dot.png");
  const output = page.locator(".selectable");
  await expect(output).toHaveCount(1);
  await page.evaluate(() => {
    const img = document.querySelector<HTMLImageElement>(".selectable");
    if (img) img.style.width = img.style.height = "100px";
  });
  await output.click({ position: { x: 50, y: 50 } });
  const [event] = await core.expectEvents(1);
  expect(event?.event_data).toEqual({ index: [expect.any(Number), expect.any(Number)], value: null, selected: true });
});

test("Paste from clipboard uploads the picture on the clipboard, and nothing when it holds none", async ({ core, page }) => {
  await core.mount(appConfig([component(1, "image", { label: "Photo", value: null, sources: ["upload", "clipboard"] })]));
  await page.evaluate((bytes) => {
    // The harness page is not a secure context: a stand-in clipboard with ClipboardItem's shape.
    const clipboard: { items: unknown[] } = { items: [{ types: ["text/plain"], getType: async () => new Blob(["123"]) }] };
    (window as unknown as { clip: typeof clipboard }).clip = clipboard;
    Object.defineProperty(navigator, "clipboard", { configurable: true, value: { read: async () => clipboard.items } });
    (window as unknown as { picture: Blob }).picture = new Blob([new Uint8Array(bytes)], { type: "image/png" });
  }, PNG_1X1);
  await page.getByLabel("Paste from clipboard").click();
  expect(await core.sent()).toEqual([]);
  await page.evaluate(() => {
    const win = window as unknown as { clip: { items: unknown[] }; picture: Blob };
    win.clip.items = [{ types: ["image/png"], getType: async () => win.picture }];
  });
  await page.getByLabel("Paste from clipboard").click();
  await expect.poll(() => core.sent()).toEqual([{ v: 1, type: "upload", upload_id: expect.any(String), name: "clipboard.png", mime: "image/png" }]);
});
