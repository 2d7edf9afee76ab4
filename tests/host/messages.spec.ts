import { appConfig, component, dependency, expect, test } from "./fixtures";

const counterApp = appConfig(
  [
    component(1, "textbox", { label: "Prompt", value: "" }),
    component(2, "button", { value: "Generate", variant: "primary" }),
    component(3, "textbox", { label: "Answer", value: "", interactive: false }),
  ],
  [dependency(0, { targets: [[2, "click"]], inputs: [1], outputs: [3] })],
);

test("outputs are busy while their event runs, and marked on error", async ({ core, page }) => {
  await core.mount(counterApp);
  const answer = page.locator(".pagelet-block", { has: page.getByLabel("Answer", { exact: true }) });
  await page.getByRole("button", { name: "Generate" }).click();
  const [run] = await core.expectEvents(1);
  await expect(answer).toHaveAttribute("aria-busy", "true");
  await expect(answer.locator(".pagelet-spinner")).toBeVisible();

  await core.status(run?.event_id ?? "", "running", "Working…");
  await expect(answer.getByText("Working…")).toBeVisible();
  await core.update(run?.event_id ?? "", [{ id: 3, value: "42" }]);
  await core.status(run?.event_id ?? "", "done");
  await expect(answer).not.toHaveAttribute("aria-busy", "true");
  await expect(answer.locator(".pagelet-spinner")).toHaveCount(0);
  await expect(page.getByLabel("Answer", { exact: true })).toHaveValue("42");

  await page.getByRole("button", { name: "Generate" }).click();
  const [, failing] = await core.expectEvents(2);
  await core.status(failing?.event_id ?? "", "error");
  await expect(answer).not.toHaveAttribute("aria-busy", "true");
  await expect(answer.getByText("Error", { exact: true })).toBeVisible();

  // The next run clears the mark.
  await page.getByRole("button", { name: "Generate" }).click();
  await core.expectEvents(3);
  await expect(answer.getByText("Error", { exact: true })).toHaveCount(0);
});

test("updates change props: label, visibility, choices, interactivity", async ({ core, page }) => {
  await core.mount(
    appConfig([
      component(1, "textbox", { label: "Old label", value: "" }),
      component(2, "dropdown", { label: "Pick", choices: [["A", "a"]], value: "a" }),
      component(3, "button", { value: "Go", interactive: false }),
      component(4, "markdown", { value: "before" }),
    ]),
  );
  await core.update("e1", [
    { id: 1, props: { label: "New label", placeholder: "type here" } },
    { id: 2, value: "c", props: { choices: [["B", "b"], ["C", "c"]] } },
    { id: 3, props: { interactive: true, value: "Go now" } },
    { id: 4, props: { visible: false } },
  ]);
  await expect(page.getByLabel("New label", { exact: true })).toHaveAttribute("placeholder", "type here");
  await expect(page.getByLabel("Old label")).toHaveCount(0);
  // A single-choice dropdown is a combobox (as Gradio's): it shows the choice's name, its options on focus.
  await expect(page.getByLabel("Pick", { exact: true })).toHaveValue("C");
  await page.getByLabel("Pick", { exact: true }).focus();
  await expect(page.getByRole("option")).toHaveText(["B", "C"]);
  await expect(page.getByRole("button", { name: "Go now" })).toBeEnabled();
  await expect(page.getByText("before")).toBeHidden();
  await core.update("e2", [{ id: 4, props: { visible: true }, value: "after" }]);
  await expect(page.getByText("after")).toBeVisible();
});

test("alerts are toasts: titled, closable, timed, never parsed as HTML", async ({ core, page }) => {
  await core.mount(counterApp);
  // The timed toast may come and go between two polls on a loaded machine, so the page records what it showed.
  await page.evaluate(() => {
    const shown: string[] = [];
    (window as unknown as { shownToasts: string[] }).shownToasts = shown;
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) if (node instanceof HTMLElement && node.getAttribute("role") === "status") shown.push(node.textContent ?? "");
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  await core.push({ v: 1, type: "alert", level: "info", title: "Info", message: "Saved <b>ok</b>", duration: null });
  await core.push({ v: 1, type: "alert", level: "warning", title: "Careful", message: "Low memory", duration: 0.3 });
  await core.push({ v: 1, type: "alert", level: "error", title: "Oops", message: "<img src=x onerror=window.pwned=1>", duration: null });

  const info = page.getByRole("status").filter({ hasText: "Saved" });
  await expect(info).toContainText("Saved <b>ok</b>");
  await expect(info.locator("strong")).toHaveText("Info");
  const error = page.getByRole("alert").filter({ hasText: "Oops" });
  await expect(error).toContainText("<img src=x onerror=window.pwned=1>");
  await expect(error.locator("img")).toHaveCount(0);

  await expect.poll(() => page.evaluate(() => (window as unknown as { shownToasts: string[] }).shownToasts.some((text) => text.includes("Low memory")))).toBe(true);
  await expect(page.getByRole("status").filter({ hasText: "Low memory" })).toHaveCount(0);

  await info.getByRole("button", { name: "Close" }).click();
  await expect(info).toHaveCount(0);
  await expect(error).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
});

test("a non-fatal error is an error toast and ends the run it names", async ({ core, page }) => {
  await core.mount(counterApp);
  await page.getByRole("button", { name: "Generate" }).click();
  const [run] = await core.expectEvents(1);
  await core.push({ v: 1, type: "error", message: "ValueError: bad prompt", event_id: run?.event_id });
  const toast = page.getByRole("alert").filter({ hasText: "ValueError: bad prompt" });
  await expect(toast.locator("strong")).toHaveText("Error");
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
  // The run is over: the button works again.
  await page.getByRole("button", { name: "Generate" }).click();
  await core.expectEvents(2);
});

test("a malformed message is reported and the app keeps working", async ({ core, page }) => {
  await core.mount(counterApp);
  await core.push({ v: 1, type: "update", updates: "nope" });
  await core.push("{not json");
  await core.push({ v: 99, type: "status" });
  await core.push({ v: 1, type: "teleport" });
  await core.update("e", [{ id: 404, value: "x" }]);
  const toasts = page.getByRole("alert");
  await expect(toasts.filter({ hasText: "Invalid message from the app: update needs an event_id" })).toBeVisible();
  await expect(toasts.filter({ hasText: "Invalid message from the app: message is not valid JSON" })).toBeVisible();
  await expect(toasts.filter({ hasText: "Invalid message from the app: unsupported protocol version 99" })).toBeVisible();
  await expect(toasts.filter({ hasText: "Invalid message from the app: unknown message type teleport" })).toBeVisible();
  await expect(toasts.filter({ hasText: "Invalid message from the app: update for unknown component 404" })).toBeVisible();

  await page.getByLabel("Prompt", { exact: true }).fill("still here");
  await page.getByRole("button", { name: "Generate" }).click();
  await core.expectEvents(1);
  expect(await core.calls()).toEqual([[0, ["still here"]]]);
});

test("a renderer that throws is reported, not fatal", async ({ core, page }) => {
  await core.mount(appConfig([component(1, "explode", { value: "fine" }), component(2, "textbox", { label: "Other", value: "" })]));
  await expect(page.getByRole("status", { name: "explode 1" })).toHaveText("fine");
  await core.update("e", [{ id: 1, value: "boom" }, { id: 2, value: "updated" }]);
  await expect(page.getByRole("alert").filter({ hasText: "Could not update component 1: the renderer blew up" })).toBeVisible();
  await expect(page.getByLabel("Other", { exact: true })).toHaveValue("updated");
});

test("a fatal error shows a panel with the traceback", async ({ core, page }) => {
  await page.evaluate(() => window.harness.mount());
  await core.push({ v: 1, type: "error", fatal: true, message: "ModuleNotFoundError: No module named 'torch'", traceback: "Traceback (most recent call last):\n  File \"app.py\", line 1" });
  const panel = page.locator(".pagelet-fatal");
  await expect(panel).toHaveAttribute("role", "alert");
  await expect(panel).toContainText("ModuleNotFoundError: No module named 'torch'");
  await expect(panel.locator("pre")).toHaveText("Traceback (most recent call last):\n  File \"app.py\", line 1");
  expect(await page.evaluate(() => window.harness.ready())).toBe("ModuleNotFoundError: No module named 'torch'");
});

test("a fatal error goes to onFatal when given", async ({ core, page }) => {
  await page.evaluate(() => window.harness.mount({ fatalCallback: true }));
  await core.push({ v: 1, type: "error", fatal: true, message: "boom", traceback: "tb" });
  await expect.poll(() => page.evaluate(() => window.harness.fatals())).toEqual([{ message: "boom", traceback: "tb" }]);
  await expect(page.locator(".pagelet-fatal")).toHaveCount(0);
});

test("after a fatal error the old app is removed and a new config is rendered again", async ({ core, page }) => {
  await page.evaluate(() => window.harness.mount({ fatalCallback: true }));
  await core.push({ v: 1, type: "config", config: counterApp });
  await expect(page.getByRole("button", { name: "Generate" })).toBeVisible();
  await core.push({ v: 1, type: "error", fatal: true, message: "NameError: boom", traceback: "tb" });
  await expect.poll(() => page.evaluate(() => window.harness.fatals().length)).toBe(1);
  // The old app is gone with its session: nothing of it is left to click.
  await expect(page.getByRole("button", { name: "Generate" })).toHaveCount(0);

  const rerun = appConfig([component(1, "textbox", { label: "Second app", value: "again" })]);
  await core.push({ v: 1, type: "config", config: rerun });
  await expect(page.getByLabel("Second app", { exact: true })).toHaveValue("again");
  await expect(page.getByRole("button", { name: "Generate" })).toHaveCount(0);
  expect(await page.evaluate(() => window.harness.renders())).toBe(2);
});

test("destroy removes the app and ignores later messages", async ({ core, page }) => {
  await core.mount(counterApp);
  await page.evaluate(() => window.harness.destroy());
  await expect(page.locator(".pagelet-app")).toHaveCount(0);
  await core.push({ v: 1, type: "alert", level: "info", title: "Late", message: "too late", duration: null });
  await page.waitForTimeout(50);
  await expect(page.getByText("too late")).toHaveCount(0);
});

test("a dependency without the trigger_mode the core always sends is refused, not guessed", async ({ core, page }) => {
  await core.mount(counterApp);
  const { trigger_mode: _dropped, ...withoutMode } = dependency(1, { targets: [[2, "click"]] });
  await core.push({ v: 1, type: "render", event_id: "e", id: 0, components: [], layout: { id: 0 }, dependencies: [withoutMode], retired: [] });
  await expect(page.getByRole("alert").filter({ hasText: "Invalid message from the app: unknown trigger_mode" })).toBeVisible();
  await page.getByLabel("Prompt", { exact: true }).fill("still here");
  await page.getByRole("button", { name: "Generate" }).click();
  expect((await core.expectEvents(1)).length).toBe(1);
});
