import { appConfig, component, dependency, expect, test } from "./fixtures";

const stopApp = appConfig(
  [
    component(1, "button", { value: "Go" }),
    component(2, "button", { value: "Stop" }),
    component(3, "textbox", { label: "Out", value: "" }),
  ],
  [
    dependency(0, { targets: [[1, "click"]], outputs: [3] }),
    dependency(1, { targets: [[2, "click"]], cancels: [0] }),
  ],
);

test("a dependency with cancels asks the core to stop the running event", async ({ core, page }) => {
  await core.mount(stopApp);
  await page.getByRole("button", { name: "Go", exact: true }).click();
  const [run] = await core.expectEvents(1);
  await core.status(run?.event_id ?? "", "running");
  await core.update(run?.event_id ?? "", [{ id: 3, value: "partial" }]);
  await expect(page.getByLabel("Out", { exact: true })).toHaveValue("partial");
  await page.getByRole("button", { name: "Stop" }).click();
  await expect.poll(async () => (await core.cancels()).map((message) => message.event_id)).toEqual([run?.event_id]);
  await core.status(run?.event_id ?? "", "done", "cancelled");
  const [, stop] = await core.expectEvents(2);
  await core.answer(stop?.event_id ?? "", []);
  await expect(page.getByLabel("Out", { exact: true })).not.toHaveAttribute("aria-busy");
  // Nothing is running any more: Stop sends no further cancel.
  await page.getByRole("button", { name: "Stop" }).click();
  await core.expectEvents(3);
  expect(await core.cancels()).toHaveLength(1);
});

test("progress shows as a progressbar over the outputs, then goes away", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [component(1, "button", { value: "Go" }), component(2, "textbox", { label: "Out", value: "" })],
      [dependency(0, { targets: [[1, "click"]], outputs: [2] })],
    ),
  );
  await page.getByRole("button", { name: "Go", exact: true }).click();
  const [run] = await core.expectEvents(1);
  const id = run?.event_id ?? "";
  await core.status(id, "running");
  await core.push({ v: 1, type: "progress", event_id: id, progress: { fraction: 0.4, desc: "Thinking", index: null, length: null, unit: "steps" } });
  const bar = page.getByRole("progressbar", { name: "Thinking" });
  await expect(bar).toHaveAttribute("aria-valuenow", "40");
  await expect(page.getByText("Thinking 40%")).toBeVisible();
  await core.push({ v: 1, type: "progress", event_id: id, progress: { fraction: 0.75, desc: "Thinking", index: 3, length: 4, unit: "steps" } });
  await expect(bar).toHaveAttribute("aria-valuenow", "75");
  await expect(page.getByText("Thinking 3/4 steps")).toBeVisible();
  await core.answer(id, [{ id: 2, value: "done" }]);
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await expect(page.getByLabel("Out", { exact: true })).toHaveValue("done");
});

test("show_progress hidden draws no bar; a malformed progress is reported, not fatal", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [component(1, "button", { value: "Go" }), component(2, "textbox", { label: "Out", value: "" })],
      [dependency(0, { targets: [[1, "click"]], outputs: [2], show_progress: "hidden" })],
    ),
  );
  await page.getByRole("button", { name: "Go", exact: true }).click();
  const [run] = await core.expectEvents(1);
  const id = run?.event_id ?? "";
  await core.push({ v: 1, type: "progress", event_id: id, progress: { fraction: 0.5, desc: null, index: null, length: null, unit: "steps" } });
  await core.push({ v: 1, type: "progress", event_id: id, progress: { fraction: 7, desc: null, index: null, length: null, unit: "steps" } });
  await expect(page.getByRole("alert")).toContainText("fraction");
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await core.answer(id, [{ id: 2, value: "ok" }]);
  await expect(page.getByLabel("Out", { exact: true })).toHaveValue("ok");
});

test("a download message saves the file; a malformed one is reported", async ({ core, page }) => {
  await core.mount(appConfig([component(1, "textbox", { label: "Out", value: "" })]));
  const download = page.waitForEvent("download");
  await core.push({ v: 1, type: "download", filename: "../dir/dataset1.csv", mime: "text/csv", text: "a,b\n1,2\n" });
  expect((await download).suggestedFilename()).toBe("dataset1.csv");
  await core.push({ v: 1, type: "download", filename: "x.csv" });
  await expect(page.getByRole("alert")).toContainText("download needs");
});

test("a timer ticks its listeners while active; the app can switch it off", async ({ core }) => {
  await core.mount(
    appConfig(
      [component(1, "timer", { value: 0.05, active: true, visible: false }), component(2, "number", { label: "Count", value: 0 })],
      [dependency(0, { targets: [[1, "tick"]], inputs: [2], outputs: [2] })],
    ),
  );
  const [first] = await core.expectEvents(1);
  expect(first?.fn).toBe(0);
  // A tick while the listener runs is dropped ("once"): nothing more until it answers.
  await core.answer(first?.event_id ?? "", [{ id: 2, value: 1 }]);
  const [, second] = await core.expectEvents(2);
  expect(second?.data).toEqual([1]);
  await core.answer(second?.event_id ?? "", [{ id: 1, props: { active: false } }]);
});

test("a run still going after a moment offers Stop over its output, which cancels it", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [component(1, "button", { value: "Go" }), component(2, "textbox", { label: "Out", value: "" })],
      [dependency(0, { targets: [[1, "click"]], outputs: [2] })],
    ),
    { stopAfterMs: 50 },
  );
  await page.getByRole("button", { name: "Go", exact: true }).click();
  const [run] = await core.expectEvents(1);
  await core.status(run?.event_id ?? "", "running");
  await page.getByRole("button", { name: "Stop", exact: true }).click();
  await expect.poll(async () => (await core.cancels()).map((message) => message.event_id)).toEqual([run?.event_id]);
  await core.status(run?.event_id ?? "", "done", "stopped");
  await expect(page.getByRole("button", { name: /^Stop/ })).toHaveCount(0);
});

test("no second Stop is offered for a run the app has its own Stop for, nor where none is asked", async ({ core, page }) => {
  await core.mount(stopApp, { stopAfterMs: 50 });
  await page.getByRole("button", { name: "Go", exact: true }).click();
  const [run] = await core.expectEvents(1);
  await core.status(run?.event_id ?? "", "running");
  await page.waitForTimeout(300);
  await expect(page.getByRole("button", { name: "Stop" })).toHaveCount(1);

  await core.mount(
    appConfig(
      [component(1, "button", { value: "Go" }), component(2, "textbox", { label: "Out", value: "" })],
      [dependency(0, { targets: [[1, "click"]], outputs: [2] })],
    ),
  );
  await page.getByRole("button", { name: "Go", exact: true }).click();
  await page.waitForTimeout(300);
  await expect(page.getByRole("button", { name: "Stop" })).toHaveCount(0);
});
