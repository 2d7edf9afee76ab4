import { appConfig, component, dependency, expect, fileData, test } from "./fixtures";

const PNG_1X1 = [
  137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 144, 119, 83, 222, 0, 0, 0,
  12, 73, 68, 65, 84, 120, 156, 99, 248, 207, 192, 0, 0, 3, 1, 1, 0, 201, 254, 146, 239, 0, 0, 0, 0, 73, 69, 78, 68, 174, 66, 96, 130,
];

test("a multimodal box uploads each attached file, shows it as a thumbnail, and sends text and files", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [component(1, "multimodaltextbox", { label: "Message", value: { text: "", files: [] }, file_count: "multiple", submit_btn: true })],
      [dependency(0, { targets: [[1, "submit"]], inputs: [1], outputs: [] })],
    ),
  );
  const chooser = page.waitForEvent("filechooser");
  await page.getByTestId("upload-button").click();
  await (await chooser).setFiles({ name: "cat.png", mimeType: "image/png", buffer: Buffer.from(PNG_1X1) });
  await expect.poll(() => core.sent()).toEqual([{ v: 1, type: "upload", upload_id: expect.any(String), name: "cat.png", mime: "image/png" }]);
  const [upload] = (await core.sent()) as { upload_id: string }[];
  const cat = { ...fileData("/tmp/s/cat.png", "cat.png"), mime_type: "image/png" };
  await core.push({ v: 1, type: "uploaded", upload_id: upload?.upload_id, file: cat });
  await expect(page.getByRole("img", { name: "cat.png" })).toHaveAttribute("src", /^blob:/);
  await expect(page.locator(".thumbnail-item")).toHaveCount(1);
  await page.getByTestId("textbox").fill("look");
  await page.locator(".submit-button").click();
  // Typing goes on in the box after a click on Submit.
  await expect(page.getByTestId("textbox")).toBeFocused();
  const [event] = await core.expectEvents(1);
  expect(event?.data).toEqual([{ text: "look", files: [cat] }]);
  // Taking the file off leaves the text.
  await page.getByRole("button", { name: "Remove cat.png" }).click();
  await expect(page.locator(".thumbnail-item")).toHaveCount(0);
  await expect(page.getByTestId("textbox")).toHaveValue("look");
});

test("long pasted text is attached as a text file instead of filling the box; Stop shows when the app asks", async ({ core, page }) => {
  await core.mount(appConfig([component(1, "multimodaltextbox", { label: "Message", value: { text: "", files: [] }, stop_btn: false })]));
  const box = page.getByTestId("textbox");
  await box.focus();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData("text/plain", "x".repeat(2000));
    document.activeElement?.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect.poll(() => core.sent()).toEqual([{ v: 1, type: "upload", upload_id: expect.any(String), name: "pasted_text.txt", mime: "text/plain" }]);
  await expect(box).toHaveValue("");
  await expect(page.locator(".stop-button")).toBeHidden();
  await core.push({ v: 1, type: "update", event_id: "e1", updates: [{ id: 1, props: { stop_btn: true } }] });
  await expect(page.locator(".stop-button")).toBeVisible();
});

test("an editable chat edits a person's message in place and reports the edit", async ({ core, page }) => {
  const said = (role: string, text: string) => ({ role, content: [{ type: "text", text }] });
  const value = [said("user", "Lets"), said("assistant", "You typed: Lets"), said("user", "Test"), said("assistant", "You typed: Test")];
  await core.mount(
    appConfig(
      [component(1, "chatbot", { label: "Chatbot", value, editable: "user" })],
      [dependency(0, { targets: [[1, "edit"]], inputs: [1], outputs: [] })],
    ),
  );
  const log = page.getByRole("log", { name: "chatbot conversation" });
  // Only the person's messages can be edited.
  await expect(log.getByRole("button", { name: "Edit" })).toHaveCount(2);
  await log.getByRole("button", { name: "Edit" }).nth(1).click();
  await log.getByRole("textbox", { name: "Message" }).fill("Nope");
  await log.getByRole("button", { name: "Cancel" }).click();
  await expect(log.getByRole("textbox")).toHaveCount(0);
  await expect(log.locator("[data-testid=user]").nth(1)).toHaveText("Test");
  await log.getByRole("button", { name: "Edit" }).nth(1).click();
  await log.getByRole("textbox", { name: "Message" }).fill("Do");
  await log.getByRole("button", { name: "Submit" }).click();
  await expect(log.locator("[data-testid=user]").nth(1)).toHaveText("Do");
  const [event] = await core.expectEvents(1);
  expect(event?.event_data).toEqual({ index: 2, value: "Do", previous_value: "Test" });
  expect((event?.data[0] as { content: unknown }[])[2]?.content).toEqual([{ type: "text", text: "Do" }]);
});

test("consecutive replies share one bubble, each part marked bot; a thought's title is its own span", async ({ core, page }) => {
  const value = [
    { role: "user", content: "Weather?" },
    { role: "assistant", content: "Let me check." },
    { role: "assistant", content: "72 degrees", metadata: { title: "Used tool 'Weather'" } },
    { role: "assistant", content: "It is sunny." },
  ];
  await core.mount(appConfig([component(1, "chatbot", { label: "Chatbot", value })]));
  const log = page.getByRole("log", { name: "chatbot conversation" });
  await expect(log.locator(".bot.message")).toHaveCount(1);
  await expect(log.locator("[data-testid=bot]")).toHaveCount(3);
  await expect(log.locator("span", { hasText: "Used tool 'Weather'" })).toBeVisible();
  await core.push({ v: 1, type: "update", event_id: "e1", updates: [{ id: 1, props: { group_consecutive_messages: false } }] });
  await expect(log.locator(".bot.message")).toHaveCount(3);
});

test("a textbox's field and in-box buttons sit in Gradio's .input-container, Submit and Stop with its classes", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [component(1, "textbox", { label: "Message", value: "", submit_btn: true, stop_btn: true })],
      [dependency(0, { targets: [[1, "submit"]], inputs: [1], outputs: [] }), dependency(1, { targets: [[1, "stop"]], inputs: [], outputs: [] })],
    ),
  );
  await page.locator(".input-container textarea, .input-container input").fill("hi");
  await page.locator(".input-container .submit-button").click();
  await page.locator(".input-container .stop-button").click();
  await expect.poll(async () => (await core.calls()).map(([fn]) => fn)).toEqual([0, 1]);
});

test("a chat's examples show while it is empty, named as Gradio names them, and a click reports example_select", async ({ core, page }) => {
  const examples = [{ text: "hello" }, { text: "hola", display_text: "Spanish" }];
  await core.mount(
    appConfig(
      [component(1, "chatbot", { label: "Chatbot", value: [], examples })],
      [dependency(0, { targets: [[1, "example_select"]], inputs: [], outputs: [] })],
    ),
  );
  const log = page.getByRole("log", { name: "chatbot conversation" });
  await expect(log.getByRole("listitem")).toHaveCount(2);
  await log.getByRole("button", { name: "Select example 2: Spanish" }).click();
  const [event] = await core.expectEvents(1);
  expect(event?.event_data).toEqual({ index: 1, value: { text: "hola", files: [] } });
  await core.push({ v: 1, type: "update", event_id: "e1", updates: [{ id: 1, value: [{ role: "user", content: "hola" }] }] });
  await expect(log.getByRole("button", { name: /Select example/ })).toHaveCount(0);
  await core.push({ v: 1, type: "update", event_id: "e2", updates: [{ id: 1, value: [] }] });
  await expect(log.getByRole("button", { name: /Select example/ })).toHaveCount(2);
});
