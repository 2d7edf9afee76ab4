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
