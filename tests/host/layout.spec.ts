import { appConfig, component, dependency, expect, ROOT_ID, test } from "./fixtures";

test("rows share width by scale; hidden blocks and custom ids/classes apply", async ({ core, page }) => {
  await page.setViewportSize({ width: 1000, height: 700 });
  await core.mount(
    appConfig(
      [
        component(1, "row", {}),
        component(2, "textbox", { label: "Narrow", scale: 1, value: "" }),
        component(3, "textbox", { label: "Wide", scale: 2, value: "", elem_id: "wide-box", elem_classes: ["fancy", "big"] }),
        component(4, "textbox", { label: "Secret", visible: false, value: "" }),
      ],
      [],
      [{ id: 1, children: [{ id: 2 }, { id: 3 }] }, { id: 4 }],
    ),
  );
  const narrow = await page.locator(".pagelet-block", { has: page.getByLabel("Narrow") }).boundingBox();
  const wide = await page.locator("#wide-box").boundingBox();
  expect(narrow && wide && Math.abs(wide.width / narrow.width - 2)).toBeLessThan(0.1);
  await expect(page.locator("#wide-box")).toHaveClass(/fancy/);
  await expect(page.locator("#wide-box")).toHaveClass(/big/);
  await expect(page.getByLabel("Secret")).toBeHidden();

  await core.update("e", [{ id: 3, props: { elem_classes: ["plain"] } }, { id: 4, props: { visible: true } }]);
  await expect(page.locator("#wide-box")).toHaveClass(/plain/);
  await expect(page.locator("#wide-box")).not.toHaveClass(/fancy/);
  await expect(page.getByLabel("Secret")).toBeVisible();
});

test("visibility: visible=False takes a block out of the page, \"hidden\" keeps it there unseen; both keep what was typed", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [
        component(1, "column", {}),
        component(2, "textbox", { label: "Note", value: "", elem_id: "note" }),
        component(3, "number", { label: "Count", value: 1, visible: false, elem_id: "count" }),
      ],
      [],
      [{ id: 1, children: [{ id: 2 }, { id: 3 }] }],
    ),
  );
  // A block that starts with visible=False is not in the page at all, as in Gradio.
  await expect(page.locator("#count")).toHaveCount(0);
  await page.getByLabel("Note").fill("kept");

  await core.update("e1", [{ id: 2, props: { visible: false } }, { id: 3, props: { visible: true } }]);
  await expect(page.locator("#note")).toHaveCount(0);
  await expect(page.getByLabel("Count")).toBeVisible();

  await core.update("e2", [{ id: 2, props: { visible: "hidden" } }]);
  await expect(page.locator("#note")).toHaveCount(1);
  await expect(page.getByLabel("Note")).toBeHidden();
  await expect(page.locator("#note textarea")).toHaveValue("kept");

  await core.update("e3", [{ id: 2, props: { visible: true } }]);
  await expect(page.getByLabel("Note")).toHaveValue("kept");
  // Back in its place: before the number, inside the column.
  expect(await page.locator("#count").evaluate((count) => count.previousElementSibling?.id)).toBe("note");
});

test("tabs: a named tab list; choosing a tab shows its panel and fires select", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [
        component(1, "tabs", {}),
        component(2, "tab", { label: "Text", id: "text" }),
        component(3, "textbox", { label: "Input text", value: "" }),
        component(4, "tab", { label: "Image", id: "image" }),
        component(5, "markdown", { value: "Image tools" }),
        component(6, "tab", { label: "Later", id: "later", visible: false }),
        component(7, "markdown", { value: "Later tools" }),
      ],
      [dependency(0, { targets: [[4, "select"]] })],
      [{ id: 1, children: [{ id: 2, children: [{ id: 3 }] }, { id: 4, children: [{ id: 5 }] }, { id: 6, children: [{ id: 7 }] }] }],
    ),
  );
  const tablist = page.getByRole("tablist");
  await expect(tablist.getByRole("tab")).toHaveText(["Text", "Image"]);
  await expect(page.getByRole("tab", { name: "Text" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("tabpanel", { name: "Text" })).toBeVisible();
  await expect(page.getByLabel("Input text")).toBeVisible();
  await expect(page.getByText("Image tools")).toBeHidden();
  // Only the shown panel is named by its tab, so a label search does not find a hidden one.
  await expect(page.getByLabel("Image", { exact: true })).toHaveCount(0);

  await page.getByRole("tab", { name: "Image" }).click();
  await expect(page.getByRole("tab", { name: "Image" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByText("Image tools")).toBeVisible();
  await expect(page.getByLabel("Input text")).toBeHidden();
  await core.expectEvents(1);
  expect(await core.calls()).toEqual([[0, []]]);

  // Arrow keys move between visible tabs.
  await page.getByRole("tab", { name: "Image" }).press("ArrowRight");
  await expect(page.getByRole("tab", { name: "Text" })).toBeFocused();
  await expect(page.getByRole("tab", { name: "Text" })).toHaveAttribute("aria-selected", "true");

  // The core can reveal a tab, rename it, and select it.
  await core.update("e", [{ id: 6, props: { visible: true, label: "Now" } }, { id: 1, props: { selected: "later" } }]);
  await expect(page.getByRole("tab", { name: "Now" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByText("Later tools")).toBeVisible();
});

test("tabs: choosing a tab tells both the tab and its Tabs which tab it was, as gr.SelectData", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [
        component(1, "tabs", {}),
        component(2, "tab", { label: "Set 1" }),
        component(3, "markdown", { value: "One" }),
        component(4, "tab", { label: "Set 2", id: "two" }),
        component(5, "markdown", { value: "Two" }),
      ],
      [dependency(0, { targets: [[4, "select"]] }), dependency(1, { targets: [[1, "select"]] })],
      [{ id: 1, children: [{ id: 2, children: [{ id: 3 }] }, { id: 4, children: [{ id: 5 }] }] }],
    ),
  );
  // Gradio's tests find a tab by its id: the given one, else the tab's component id.
  await expect(page.locator('[role="tab"][data-tab-id="2"]')).toHaveText("Set 1");
  await page.locator('[role="tab"][data-tab-id="two"]').click();
  const events = await core.expectEvents(2);
  const described = { value: "Set 2", index: 1, id: "two", selected: true };
  expect(events.map((event) => [event.fn, event.trigger_id, event.event_data])).toEqual([
    [0, 4, described],
    [1, 1, described],
  ]);
});

test("tabs: a tab's content is put on the page when the tab is first shown, or at once with render_children", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [
        component(1, "tabs", {}),
        component(2, "tab", { label: "First" }),
        component(3, "textbox", { label: "Input 1", value: "" }),
        component(4, "tab", { label: "Second" }),
        component(5, "textbox", { label: "Input 2", value: "" }),
        component(6, "tab", { label: "Third", render_children: true }),
        component(7, "textbox", { label: "Input 3", value: "" }),
      ],
      [],
      [{ id: 1, children: [{ id: 2, children: [{ id: 3 }] }, { id: 4, children: [{ id: 5 }] }, { id: 6, children: [{ id: 7 }] }] }],
    ),
  );
  await expect(page.getByLabel("Input 1")).toBeVisible();
  await expect(page.getByLabel("Input 2")).toHaveCount(0);
  await expect(page.getByLabel("Input 3")).toHaveCount(1);
  await expect(page.getByLabel("Input 3")).toBeHidden();
  // A value the core sends to a tab not yet shown is there when it is.
  await core.update("e", [{ id: 5, value: "kept" }]);
  await page.getByRole("tab", { name: "Second" }).click();
  await expect(page.getByLabel("Input 2")).toHaveValue("kept");
  await page.getByRole("tab", { name: "First" }).click();
  await expect(page.getByLabel("Input 2")).toHaveCount(1);
  await expect(page.getByLabel("Input 2")).toBeHidden();
});

test("accordion: a summary named by its label, opened and closed", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [component(1, "accordion", { label: "Advanced", open: false }), component(2, "slider", { label: "Seed", value: 1, minimum: 0, maximum: 9 })],
      [dependency(0, { targets: [[1, "expand"]] })],
      [{ id: 1, children: [{ id: 2 }] }],
    ),
  );
  await expect(page.getByRole("slider", { name: "Seed" })).toBeHidden();
  await page.getByText("Advanced").click();
  await expect(page.getByRole("slider", { name: "Seed" })).toBeVisible();
  await core.expectEvents(1);
  await core.update("e", [{ id: 1, props: { open: false } }]);
  await expect(page.getByRole("slider", { name: "Seed" })).toBeHidden();
  await page.waitForTimeout(50);
  // Closing from the core is not a person's action: no new events.
  expect(await core.events()).toHaveLength(1);
});

test("groups and columns nest", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [
        component(1, "row", { equal_height: true }),
        component(2, "column", { scale: 1 }),
        component(3, "group", {}),
        component(4, "textbox", { label: "First", value: "" }),
        component(5, "textbox", { label: "Last", value: "" }),
        component(6, "column", { scale: 1 }),
        component(7, "form", {}),
        component(8, "number", { label: "Age", value: null }),
      ],
      [],
      [{ id: 1, children: [{ id: 2, children: [{ id: 3, children: [{ id: 4 }, { id: 5 }] }] }, { id: 6, children: [{ id: 7, children: [{ id: 8 }] }] }] }],
    ),
  );
  const first = await page.getByLabel("First").boundingBox();
  const last = await page.getByLabel("Last").boundingBox();
  const age = await page.getByLabel("Age").boundingBox();
  expect(first && last && last.y > first.y).toBe(true);
  expect(first && age && age.x > first.x + first.width).toBe(true);
  // An untouched Number shows 0, as Gradio's page does (see untouched.ts).
  await expect(page.getByLabel("Age")).toHaveValue("0");
});

test("renderers load only for types on the page; markdown stays out of the main chunk", async ({ core, page }) => {
  const scripts = (): Promise<string[]> =>
    page.evaluate(() => performance.getEntriesByType("resource").map((entry) => entry.name).filter((name) => name.endsWith(".js")));
  await core.mount(appConfig([component(1, "textbox", { label: "Only text", value: "" })], [dependency(0, { targets: [[ROOT_ID, "load"]] })]));
  const loaded = await scripts();
  expect(loaded.some((name) => /text/.test(name))).toBe(true);
  expect(loaded.filter((name) => /markdown|html|purify|marked|dataset|tabs/.test(name))).toEqual([]);

  // The entry chunk holds neither library.
  const entry = await page.evaluate(() => document.querySelector<HTMLScriptElement>("script[type=module]")?.src ?? "");
  const source = await page.evaluate(async (url) => (await fetch(url)).text(), entry);
  expect(source).not.toContain("ALLOWED_TAGS");
  expect(source).not.toContain("marked(): input parameter");

  await core.mount(appConfig([component(1, "markdown", { value: "**bold**" })]));
  await expect(page.locator("strong", { hasText: "bold" })).toBeVisible();
  expect((await scripts()).some((name) => /markdown/.test(name))).toBe(true);
});

test("only the shown page is in the document; another keeps what was typed in it", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [
        component(1, "pages", {}),
        component(2, "page", { path: "", name: "Home", show_in_navbar: true }),
        component(3, "textbox", { label: "Name", value: "" }),
        component(4, "page", { path: "up", name: "Up", show_in_navbar: true }),
        component(5, "textbox", { label: "Number", value: "" }),
      ],
      [],
      [{ id: 1, children: [{ id: 2, children: [{ id: 3 }] }, { id: 4, children: [{ id: 5 }] }] }],
    ),
  );
  // As in Gradio: a search of the page (a test's, a screen reader's) finds the shown page's fields only.
  await expect(page.getByTestId("textbox")).toHaveCount(1);
  await page.getByLabel("Name", { exact: true }).fill("Ada");
  await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Up" }).click();
  await expect(page.getByLabel("Number", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveCount(0);
  await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Home" }).click();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Ada");
});

test("consecutive fields share one .form, as Gradio groups them; it hides when none of its fields shows", async ({ core, page }) => {
  await page.setViewportSize({ width: 1000, height: 700 });
  await core.mount(
    appConfig(
      [
        component(1, "textbox", { label: "First", value: "", elem_id: "first" }),
        component(2, "number", { label: "Second", value: 1 }),
        component(3, "button", { value: "Go" }),
        component(4, "textbox", { label: "Alone", value: "", container: false }),
        component(5, "row", {}),
        component(6, "slider", { label: "Left", value: 1, minimum: 0, maximum: 5 }),
        component(7, "checkbox", { label: "Right", value: false }),
        component(8, "button", { value: "Beside" }),
      ],
      [],
      [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }, { id: 5, children: [{ id: 6 }, { id: 7 }, { id: 8 }] }],
    ),
  );
  const forms = page.locator(".form");
  await expect(forms).toHaveCount(2);
  await expect(forms.first().getByLabel("First")).toBeVisible();
  await expect(forms.first().getByLabel("Second")).toBeVisible();
  // A button ends the run; a field without its frame stands alone.
  await expect(forms.getByRole("button", { name: "Go" })).toHaveCount(0);
  await expect(forms.getByLabel("Alone")).toHaveCount(0);
  // In a row the form takes its two fields' room beside the button: two thirds of the row.
  const row = await forms.last().boundingBox();
  const beside = await page.getByRole("button", { name: "Beside" }).boundingBox();
  expect(row && beside && Math.abs(row.width / beside.width - 2)).toBeLessThan(0.2);

  await core.update("e1", [{ id: 1, props: { visible: false } }, { id: 2, props: { visible: "hidden" } }]);
  await expect(forms.first()).toBeHidden();
  await core.update("e2", [{ id: 1, props: { visible: true } }]);
  await expect(forms.first()).toBeVisible();
});

/** The core's `render` message for column 1: these components, in this order, no listeners. */
function rebuildColumn(eventId: string, components: ReturnType<typeof component>[]) {
  return { v: 1, type: "render", event_id: eventId, id: 1, components, layout: { id: 1, children: components.map(({ id }) => ({ id })) }, dependencies: [], retired: [] };
}

test("a re-render keeps what was typed in an unkeyed box at the same place, as Gradio's page does", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [component(1, "column", { value: null }), component(2, "textbox", { label: "Box 0", value: null })],
      [],
      [{ id: 1, children: [{ id: 2 }] }],
    ),
  );
  await page.getByLabel("Box 0", { exact: true }).fill("c");
  // New ids (unkeyed): the first box stands where the old one stood; the others are new.
  await core.push(rebuildColumn("r1", [
    component(3, "textbox", { label: "Box 0", value: null }),
    component(4, "textbox", { label: "Box 1", value: null }),
    component(5, "number", { label: "Box 2", value: null }),
  ]));
  await expect(page.getByLabel("Box 0", { exact: true })).toHaveValue("c");
  await expect(page.getByLabel("Box 1", { exact: true })).toHaveValue("");
  await page.getByLabel("Box 1", { exact: true }).fill("a");
  // A value the app gives wins; another type at a place starts afresh.
  await core.push(rebuildColumn("r2", [component(6, "textbox", { label: "Box 0", value: "set" }), component(7, "number", { label: "Box 1", value: null })]));
  await expect(page.getByLabel("Box 0", { exact: true })).toHaveValue("set");
  await expect(page.getByLabel("Box 1", { exact: true })).toHaveValue("0");
});
