import { appConfig, component, dependency, expect, ROOT_ID, test } from "./fixtures";

test("a click sends every input's value, State as null", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [
        component(1, "textbox", { label: "Name", value: "" }),
        component(2, "number", { label: "Age", value: 1 }),
        component(3, "slider", { label: "Level", value: 5, minimum: 0, maximum: 10, step: 1 }),
        component(4, "checkbox", { label: "Agree", value: false }),
        component(5, "checkboxgroup", { label: "Toppings", choices: [["Cheese", "cheese"], ["Ham", "ham"]], value: [] }),
        component(6, "radio", { label: "Size", choices: [["Small", "s"], ["Large", "l"]], value: null }),
        component(7, "dropdown", { label: "Count", choices: [["One", 1], ["Two", 2]], value: 1 }),
        component(8, "state", { value: { secret: true } }),
        component(9, "button", { value: "Submit", variant: "primary" }),
        component(10, "textbox", { label: "Greeting", value: "" }),
      ],
      [dependency(0, { targets: [[9, "click"]], inputs: [1, 2, 3, 4, 5, 6, 7, 8], outputs: [10] })],
    ),
  );

  await page.getByLabel("Name", { exact: true }).fill("Ada");
  await page.getByLabel("Age", { exact: true }).fill("36");
  await page.getByLabel("number input for Level", { exact: true }).fill("7");
  await page.getByRole("checkbox", { name: "Agree" }).check();
  await page.getByRole("checkbox", { name: "Ham" }).check();
  await page.getByRole("checkbox", { name: "Cheese" }).check();
  await page.getByRole("radio", { name: "Large" }).check();
  await page.getByRole("combobox", { name: "Count" }).click();
  await page.getByRole("option", { name: "Two" }).click();
  await expect(page.getByRole("slider", { name: "Level" })).toHaveValue("7");
  await page.getByRole("button", { name: "Submit" }).click();

  const [event] = await core.expectEvents(1);
  expect(event).toMatchObject({ v: 1, type: "event", fn: 0, data: ["Ada", 36, 7, true, ["cheese", "ham"], "l", 2, null] });
  expect(typeof event?.event_id).toBe("string");
});

test("untouched inputs send what Gradio's page sends: an empty Textbox and Code \"\", a Number 0", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [
        component(1, "textbox", { label: "Name", value: null }),
        component(2, "number", { label: "Age", value: null }),
        component(3, "code", { label: "Source", value: null }),
        component(4, "multimodaltextbox", { label: "Message", value: null }),
        component(5, "radio", { label: "Size", choices: [["Small", "s"]], value: null }),
        // Not "Submit": the MultimodalTextbox has its own Submit button, as in Gradio.
        component(6, "button", { value: "Send all", variant: "primary" }),
      ],
      [dependency(0, { targets: [[6, "click"]], inputs: [1, 2, 3, 4, 5] })],
    ),
  );
  await expect(page.getByLabel("Age", { exact: true })).toHaveValue("0");
  await page.getByRole("button", { name: "Send all" }).click();
  const [event] = await core.expectEvents(1);
  expect(event?.data).toEqual(["", 0, "", { text: "", files: [] }, null]);
});

test("each run gets its own event id", async ({ core, page }) => {
  await core.mount(appConfig([component(1, "button", { value: "Go" })], [dependency(0, { targets: [[1, "click"]] })]));
  await page.getByRole("button", { name: "Go", exact: true }).click();
  const [first] = await core.expectEvents(1);
  await core.answer(first?.event_id ?? "", []);
  await page.getByRole("button", { name: "Go", exact: true }).click();
  const [, second] = await core.expectEvents(2);
  expect(second?.event_id).not.toBe(first?.event_id);
});

test("load listeners run once the app is shown", async ({ core }) => {
  await core.mount(
    appConfig(
      [component(1, "textbox", { label: "Out", value: "start" })],
      [dependency(0, { targets: [[ROOT_ID, "load"]], inputs: [1], outputs: [1] }), dependency(1, { targets: [[1, "submit"]] })],
    ),
  );
  await core.expectEvents(1);
  expect(await core.calls()).toEqual([[0, ["start"]]]);
});

test("typing fires change then input; an empty number is null", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [component(1, "textbox", { label: "Text", value: "" }), component(2, "number", { label: "Amount", value: 3 })],
      [
        dependency(0, { targets: [[1, "change"]], inputs: [1] }),
        dependency(1, { targets: [[1, "input"]], inputs: [1] }),
        dependency(2, { targets: [[2, "input"]], inputs: [2] }),
      ],
    ),
  );
  await page.getByLabel("Text", { exact: true }).fill("hello");
  await core.expectEvents(2);
  expect(await core.calls()).toEqual([
    [0, ["hello"]],
    [1, ["hello"]],
  ]);
  await core.clear();
  await page.getByLabel("Amount", { exact: true }).fill("");
  await core.expectEvents(1);
  expect(await core.calls()).toEqual([[2, [null]]]);
});

test("Enter submits a one-line textbox; Shift+Enter adds a line", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [component(1, "textbox", { label: "Message", lines: 1, max_lines: 5, value: "" }), component(2, "textbox", { label: "Notes", lines: 3, value: "" })],
      [dependency(0, { targets: [[1, "submit"]], inputs: [1] }), dependency(1, { targets: [[2, "submit"]], inputs: [2] })],
    ),
  );
  const message = page.getByLabel("Message", { exact: true });
  await message.pressSequentially("hi");
  await message.press("Shift+Enter");
  await message.pressSequentially("there");
  await expect(message).toHaveValue("hi\nthere");
  await message.press("Enter");
  await expect(message).toHaveValue("hi\nthere");
  await core.expectEvents(1);
  expect(await core.calls()).toEqual([[0, ["hi\nthere"]]]);

  const notes = page.getByLabel("Notes", { exact: true });
  await notes.pressSequentially("a");
  await notes.press("Enter");
  await expect(notes).toHaveValue("a\n");
  await page.waitForTimeout(50);
  expect(await core.calls()).toHaveLength(1);
});

test("an update's value fires change, never input", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [component(1, "button", { value: "Fill" }), component(2, "textbox", { label: "Result", value: "" })],
      [
        dependency(0, { targets: [[1, "click"]], outputs: [2] }),
        dependency(1, { targets: [[2, "change"]], inputs: [2] }),
        dependency(2, { targets: [[2, "input"]], inputs: [2] }),
      ],
    ),
  );
  await page.getByRole("button", { name: "Fill" }).click();
  const [click] = await core.expectEvents(1);
  await core.answer(click?.event_id ?? "", [{ id: 2, value: "from python" }]);
  await expect(page.getByLabel("Result", { exact: true })).toHaveValue("from python");
  await core.expectEvents(2);
  expect(await core.calls()).toEqual([
    [0, []],
    [1, ["from python"]],
  ]);
  // The same value again is no change.
  await core.update("x", [{ id: 2, value: "from python" }]);
  await page.waitForTimeout(50);
  expect(await core.calls()).toHaveLength(2);
});

test(".then() steps follow success; trigger_only_on_success=false follows errors too", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [component(1, "button", { value: "Start" })],
      [
        dependency(0, { targets: [[1, "click"]] }),
        dependency(1, { targets: [], trigger_after: 0, trigger_only_on_success: true }),
        dependency(2, { targets: [], trigger_after: 0, trigger_only_on_success: false }),
        dependency(3, { targets: [], trigger_after: 1, trigger_only_on_success: true }),
      ],
    ),
  );
  const button = page.getByRole("button", { name: "Start" });
  await button.click();
  const [start] = await core.expectEvents(1);
  await core.answer(start?.event_id ?? "", []);
  const events = await core.expectEvents(3);
  expect(events.map((event) => event.fn)).toEqual([0, 1, 2]);
  // Step 1 ends: its own .then() (3) runs; step 2 is unaffected.
  await core.answer(events[1]?.event_id ?? "", []);
  await core.answer(events[2]?.event_id ?? "", []);
  const all = await core.expectEvents(4);
  expect(all.map((event) => event.fn)).toEqual([0, 1, 2, 3]);
  await core.answer(all[3]?.event_id ?? "", []);

  await core.clear();
  await button.click();
  const [again] = await core.expectEvents(1);
  await core.answer(again?.event_id ?? "", [], "error");
  await core.expectEvents(2);
  await page.waitForTimeout(50);
  expect((await core.events()).map((event) => event.fn)).toEqual([0, 2]);
});

test("trigger modes: once drops, always_last keeps the latest, multiple runs all", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [
        component(1, "button", { value: "Once" }),
        component(2, "textbox", { label: "Search", value: "" }),
        component(3, "button", { value: "Many" }),
      ],
      [
        dependency(0, { targets: [[1, "click"]] }),
        dependency(1, { targets: [[2, "change"]], inputs: [2] }),
        { ...dependency(2, { targets: [[3, "click"]] }), trigger_mode: "multiple" } as ReturnType<typeof dependency>,
      ],
    ),
  );
  const once = page.getByRole("button", { name: "Once" });
  await once.click();
  await once.click();
  await once.click();
  const [first] = await core.expectEvents(1);
  await core.answer(first?.event_id ?? "", []);
  await once.click();
  await core.expectEvents(2);
  await core.clear();

  const search = page.getByLabel("Search", { exact: true });
  await search.fill("a");
  await search.fill("ab");
  await search.fill("abc");
  const [firstSearch] = await core.expectEvents(1);
  expect(firstSearch?.data).toEqual(["a"]);
  await core.answer(firstSearch?.event_id ?? "", []);
  const searches = await core.expectEvents(2);
  expect(searches[1]?.data).toEqual(["abc"]);
  await core.answer(searches[1]?.event_id ?? "", []);
  await page.waitForTimeout(50);
  expect(await core.events()).toHaveLength(2);
  await core.clear();

  await page.getByRole("button", { name: "Many" }).click();
  await page.getByRole("button", { name: "Many" }).click();
  await core.expectEvents(2);
});

test("choosing an example sends its index", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [component(1, "dataset", { label: "Try these", headers: ["Prompt"], samples: [["first"], ["second"], ["third"]], components: ["textbox"] })],
      [dependency(0, { targets: [[1, "click"]], inputs: [1] })],
    ),
  );
  await page.getByRole("row", { name: /second/ }).getByRole("cell").first().click();
  const [first] = await core.expectEvents(1);
  await core.answer(first?.event_id ?? "", []);
  await page.getByRole("button", { name: "third", exact: true }).focus();
  await page.keyboard.press("Enter");
  await core.expectEvents(2);
  expect(await core.calls()).toEqual([
    [0, [1]],
    [0, [2]],
  ]);
});

test("choice components report input and select", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [
        component(1, "radio", { label: "Size", choices: [["Small", "s"], ["Large", "l"]], value: "s" }),
        component(2, "checkbox", { label: "Agree", value: false }),
        component(3, "slider", { label: "Volume", value: 2, minimum: 0, maximum: 10, step: 1 }),
      ],
      [
        dependency(0, { targets: [[1, "select"]], inputs: [1] }),
        dependency(1, { targets: [[2, "input"]], inputs: [2] }),
        dependency(2, { targets: [[3, "release"]], inputs: [3] }),
      ],
    ),
  );
  await page.getByRole("radio", { name: "Large" }).check();
  await page.getByRole("checkbox", { name: "Agree" }).check();
  const slider = page.getByRole("slider", { name: "Volume" });
  await slider.focus();
  await slider.press("ArrowRight");
  await core.expectEvents(3);
  expect(await core.calls()).toEqual([
    [0, ["l"]],
    [1, [true]],
    [2, [3]],
  ]);
  await expect(page.getByLabel("number input for Volume")).toHaveValue("3");
});

test("one update that changes three States fires a listener of all three once, as Gradio's page shows it", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [
        component(1, "button", { value: "Count to 3" }),
        component(2, "state", { value: null }),
        component(3, "state", { value: null }),
        component(4, "state", { value: null }),
        component(5, "number", { label: "Changes", value: 0 }),
      ],
      [
        dependency(0, { targets: [[1, "click"]], outputs: [2, 3, 4] }),
        dependency(1, { targets: [[2, "change"], [3, "change"], [4, "change"]], inputs: [5], outputs: [5] }),
      ],
    ),
  );
  await page.getByRole("button", { name: "Count to 3" }).click();
  const [click] = await core.expectEvents(1);
  await core.answer(click?.event_id ?? "", [{ id: 2, value: 1 }, { id: 3, value: 2 }, { id: 4, value: 3 }]);
  const [, change] = await core.expectEvents(2);
  expect(change?.fn).toBe(1);
  await core.answer(change?.event_id ?? "", [{ id: 5, value: 1 }]);
  await expect(page.getByLabel("Changes", { exact: true })).toHaveValue("1");
  await page.waitForTimeout(100);
  expect(await core.events()).toHaveLength(2);
});
