import { appConfig, component, dependency, expect, test } from "./fixtures";

test("chat bubbles: Markdown, titled steps, no script, and Clear sends the clear event", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [
        component(1, "chatbot", {
          label: "Chatbot",
          value: [
            { role: "user", content: "Hi <img src=x onerror=\"window.pwned=1\">" },
            { role: "assistant", content: "Let me think", metadata: { title: "Thinking" } },
            { role: "assistant", content: "**Hello**" },
          ],
          _retryable: true,
          _undoable: true,
        }),
      ],
      [dependency(0, { targets: [[1, "clear"]], inputs: [], outputs: [1] })],
    ),
  );
  const log = page.getByRole("log", { name: "Chatbot" });
  await expect(log.locator("[data-testid=bot] strong")).toHaveText("Hello");
  await expect(log.getByRole("group")).toContainText("Thinking");
  await expect(log.locator("[onerror]")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  await expect(page.getByRole("button", { name: "Retry" })).toBeVisible();
  await page.getByRole("button", { name: "Clear" }).click();
  await expect(log.locator("[data-testid]")).toHaveCount(0);
  const [event] = await core.expectEvents(1);
  expect(event?.fn).toBe(0);
});

test("a render message replaces a column and its listeners; a malformed one is reported", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [
        component(1, "column", { value: null }),
        component(2, "textbox", { label: "Old box", value: "" }),
        component(3, "button", { value: "Old" }),
      ],
      [dependency(0, { targets: [[3, "click"]], inputs: [2] })],
      [{ id: 1, children: [{ id: 2 }, { id: 3 }] }],
    ),
  );
  await core.push({
    v: 1,
    type: "render",
    event_id: "r1",
    id: 1,
    components: [component(4, "textbox", { label: "New box", value: "fresh" }), component(5, "button", { value: "New" })],
    layout: { id: 1, children: [{ id: 4 }, { id: 5 }] },
    dependencies: [dependency(1, { targets: [[5, "click"]], inputs: [4] })],
    retired: [0],
  });
  await expect(page.getByLabel("Old box", { exact: true })).toHaveCount(0);
  await expect(page.getByLabel("New box", { exact: true })).toHaveValue("fresh");
  await page.getByRole("button", { name: "New" }).click();
  const [event] = await core.expectEvents(1);
  expect([event?.fn, event?.data]).toEqual([1, ["fresh"]]);
  await core.push({ v: 1, type: "render", event_id: "r2", id: 1, components: [], layout: { id: 1 }, dependencies: "no", retired: [] });
  await expect(page.getByRole("alert")).toContainText("dependencies");
});

test("Gradio 6 messages: thoughts fold with their log, nested thoughts inside, files shown, options send option_select", async ({ core, page }) => {
  const text = (t: string) => ({ type: "text", text: t });
  const picture = { path: "/tmp/cat.png", url: "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", size: null, orig_name: "cat.png", mime_type: "image/png", is_stream: false, meta: { _type: "gradio.FileData" } };
  const value = [
    { role: "user", metadata: null, content: [text("Plan a trip")], options: null },
    { role: "assistant", metadata: { title: "Searching", id: 1, status: "done", log: "3 results", duration: 2.5 }, content: [text("Looking up flights")], options: null },
    { role: "assistant", metadata: { title: "Comparing", id: 2, parent_id: 1, status: "pending" }, content: [text("Cheapest first")], options: null },
    { role: "assistant", metadata: null, content: [text("Here is a cat"), { type: "file", file: picture, alt_text: "a cat" }], options: [{ value: "yes", label: "Book it" }, { value: "no" }] },
  ];
  await core.mount(
    appConfig([component(1, "chatbot", { label: "Trip", value })], [dependency(0, { targets: [[1, "option_select"]], inputs: [1] })]),
  );
  // Gradio names the log "chatbot conversation"; the label "Trip" describes it.
  const log = page.getByRole("log", { name: "chatbot conversation" });
  await expect(log).toHaveAccessibleDescription("Trip");
  const searching = log.locator("details", { hasText: "Searching" }).first();
  // Done: closed, its log and duration beside the title; the nested thought sits inside it, pending and open.
  await expect(searching.locator("summary").first()).toContainText("Searching 3 results (2.5s)");
  await expect(searching).not.toHaveAttribute("open");
  await searching.locator("summary").first().click();
  const comparing = searching.locator("details", { hasText: "Comparing" });
  await expect(comparing).toHaveAttribute("open");
  await expect(comparing.getByRole("status", { name: "pending" })).toBeVisible();
  await expect(log.locator("[data-testid=bot]")).toHaveCount(2);
  await expect(log.getByRole("img", { name: "a cat" })).toBeVisible();
  await page.getByRole("button", { name: "Book it" }).click();
  await expect(page.getByRole("button", { name: "no" })).toBeVisible();
  const [event] = await core.expectEvents(1);
  expect(event?.event_data).toEqual({ index: 0, value: "yes" });
  // The value goes back as it came: the core's preprocess reads Gradio's format.
  expect(event?.data).toEqual([value]);
});
