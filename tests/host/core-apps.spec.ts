import { coreApp, expect, test } from "./fixtures";

// Whole configs the Python core produced (tests/host/core-configs.json), rendered as a page would.

test("the core's Interface config: a labelled field, Submit sends its value", async ({ core, page }) => {
  const config = coreApp("hello");
  await core.mount(config);
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("Ada");
  await page.getByRole("button", { name: "Submit" }).click();
  const [event] = await core.expectEvents(1);
  const name = config.components.find((entry) => entry.props.label === "Name");
  const submit = config.dependencies.find((dep) => dep.inputs.length === 1 && dep.inputs[0] === name?.id);
  expect(event).toMatchObject({ fn: submit?.id, data: ["Ada"] });
});

test("the core's .then step runs after its parent, with the trigger mode the core gave it", async ({ core, page }) => {
  const config = coreApp("counter");
  const then = config.dependencies.find((dep) => dep.trigger_after !== null);
  expect(then?.trigger_mode).toBe("once");
  await core.mount(config);
  await page.getByRole("button", { name: "Add" }).click();
  const [first] = await core.expectEvents(1);
  const count = config.components.find((entry) => entry.props.label === "Count");
  await core.answer(first?.event_id ?? "", [{ id: count?.id ?? -1, value: 1 }]);
  const events = await core.expectEvents(2);
  expect(events[1]).toMatchObject({ fn: then?.id, data: [1] });
});
