import { appConfig, component, dependency, expect, test } from "./fixtures";

test("every link in an output opens a new tab without an opener; a jump in the page stays", async ({ core, page }) => {
  await core.mount(
    appConfig([
      component(1, "markdown", { value: "[Docs](docs.html) and [Top](#top) and [Site](https://example.org)" }),
      component(2, "html", { value: '<a href="/about">About</a>' }),
      component(3, "chatbot", { label: "Chat", value: [{ role: "assistant", content: "See [the guide](guide/)" }] }),
    ]),
  );
  for (const name of ["Docs", "Site", "About", "the guide"]) {
    const link = page.getByRole("link", { name, exact: true });
    await expect(link).toHaveAttribute("target", "_blank");
    await expect(link).toHaveAttribute("rel", "noopener noreferrer");
  }
  await expect(page.getByRole("link", { name: "Top" })).not.toHaveAttribute("target", "_blank");
  // Clicking a relative link leaves the app where it was.
  const popup = page.waitForEvent("popup");
  await page.getByRole("link", { name: "Docs" }).click();
  await (await popup).close();
  await expect(page.getByRole("link", { name: "About" })).toBeVisible();
});

test("a click right after the answer shows, before the run's end arrives, is run, not dropped", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [component(1, "button", { value: "Roll" }), component(2, "textbox", { label: "Result", value: "" })],
      [dependency(0, { targets: [[1, "click"]], outputs: [2], types: { generator: false } })],
    ),
  );
  const roll = page.getByRole("button", { name: "Roll" });
  await roll.click();
  const [first] = await core.expectEvents(1);
  await core.status(first?.event_id ?? "", "running");
  await core.update(first?.event_id ?? "", [{ id: 2, value: "4" }]);
  await expect(page.getByLabel("Result", { exact: true })).toHaveValue("4");
  // The person sees the answer and clicks again before the core's `done` came in.
  await roll.click();
  await core.status(first?.event_id ?? "", "done");
  const [, second] = await core.expectEvents(2);
  expect(second?.fn).toBe(0);
});

test("a generator's run still drops a second click as once", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [component(1, "button", { value: "Count" }), component(2, "textbox", { label: "Count", value: "" })],
      [dependency(0, { targets: [[1, "click"]], outputs: [2], types: { generator: true } })],
    ),
  );
  const count = page.getByRole("button", { name: "Count" });
  await count.click();
  const [first] = await core.expectEvents(1);
  await core.status(first?.event_id ?? "", "running");
  await core.update(first?.event_id ?? "", [{ id: 2, value: "1" }]);
  await expect(page.getByLabel("Count", { exact: true })).toHaveValue("1");
  await count.click();
  await core.status(first?.event_id ?? "", "done");
  await page.waitForTimeout(200);
  expect(await core.events()).toHaveLength(1);
});
