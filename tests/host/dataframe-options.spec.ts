import { appConfig, component, dependency, expect, test } from "./fixtures";

const scores = {
  headers: ["name", "score"],
  data: [["Ada Lovelace", 3], ["Bob", 5]],
  metadata: null,
};

test("row numbers, a static column and max_chars: the static cell shows cut text and takes no typing", async ({ core, page }) => {
  await core.mount(appConfig([component(1, "dataframe", { label: "Scores", value: scores, static_columns: [0], max_chars: 5, show_row_numbers: true })]));
  const table = page.getByRole("grid", { name: "Scores" });
  await expect(table.getByRole("rowheader")).toHaveText(["1", "2"]);
  await expect(page.getByTestId("cell-0-0")).toHaveText("Ada L…");
  await expect(page.getByTestId("cell-0-0").getByRole("textbox")).toHaveCount(0);
  await page.getByTestId("cell-0-0").dblclick();
  await expect(page.getByLabel("Edit cell")).toHaveCount(0);
  await page.getByTestId("cell-0-1").dblclick();
  await expect(page.getByLabel("Edit cell")).toHaveValue("3");
});

test("a Styler's metadata: cells show its text and its CSS", async ({ core, page }) => {
  const styled = { ...scores, metadata: { display_value: [["Ada Lovelace", "3.0"], ["Bob", "5.0"]], styling: [["", "color: red"], ["", ""]] } };
  await core.mount(appConfig([component(1, "dataframe", { label: "Scores", value: styled, interactive: false })]));
  await expect(page.getByTestId("cell-0-1")).toHaveText("3.0");
  await expect(page.getByTestId("cell-0-1")).toHaveCSS("color", "rgb(255, 0, 0)");
  await expect(page.getByTestId("cell-1-0")).toHaveText("Bob");
});

test("show_search hides the rows that do not hold the text; pinned columns stick; max_height scrolls", async ({ core, page }) => {
  await core.mount(
    appConfig([component(1, "dataframe", { label: "Scores", value: scores, interactive: false, show_search: "search", pinned_columns: 1, max_height: 120 })]),
  );
  await page.getByRole("searchbox", { name: "Search" }).fill("bob");
  await expect(page.getByTestId("cell-0-0")).toBeHidden();
  await expect(page.getByTestId("cell-1-0")).toBeVisible();
  await page.getByRole("searchbox", { name: "Search" }).fill("");
  await expect(page.getByTestId("cell-0-0")).toBeVisible();
  await expect(page.getByTestId("cell-0-0")).toHaveCSS("position", "sticky");
  await expect(page.getByTestId("cell-0-1")).not.toHaveCSS("position", "sticky");
  await expect(page.locator(".pagelet-dataframe-scroll")).toHaveCSS("max-height", "120px");
});

test("without show_search there is no search box", async ({ core, page }) => {
  await core.mount(appConfig([component(1, "dataframe", { label: "Scores", value: scores })]));
  await expect(page.getByTestId("cell-1-0")).toHaveText("Bob");
  await expect(page.getByRole("searchbox", { name: "Search" })).toHaveCount(0);
});

test("a grid worked as a spreadsheet: double click edits, Enter keeps, leaving keeps, Delete empties, Shift-click and Ctrl+C copy", async ({ core, page }) => {
  const grid = { headers: ["a", "b", "c"], data: [[1, 2, 3], [4, 5, 6], [7, 8, 9]], metadata: null };
  await core.mount(
    appConfig(
      [component(1, "dataframe", { label: "Grid", value: grid })],
      [dependency(0, { targets: [[1, "edit"]], inputs: [1] })],
    ),
  );
  // Gradio's markup: each cell by its place in the value.
  await expect(page.locator("[data-row='1'][data-col='2']")).toHaveText("6");
  await expect(page.locator(".header-table th.header-cell")).toHaveText(["a", "b", "c"]);
  await expect(page.locator(".virtual-body .virtual-row")).toHaveCount(3);
  await page.getByTestId("cell-0-0").dblclick();
  await page.getByLabel("Edit cell").fill("10");
  await page.getByLabel("Edit cell").press("Enter");
  await expect(page.getByTestId("cell-0-0")).toHaveText("10");
  const [edited] = await core.expectEvents(1);
  expect(edited?.event_data).toEqual({ index: [0, 0], value: "10", previous_value: 1 });
  expect(edited?.data).toEqual([{ headers: ["a", "b", "c"], data: [["10", 2, 3], [4, 5, 6], [7, 8, 9]], metadata: null }]);
  // Clicking another cell keeps what was typed; Shift+Enter is a new line.
  await page.getByTestId("cell-1-1").dblclick();
  await page.getByLabel("Edit cell").fill("x");
  await page.getByLabel("Edit cell").press("Shift+Enter");
  await page.getByLabel("Edit cell").pressSequentially("y");
  await page.getByTestId("cell-2-2").click();
  await expect(page.getByLabel("Edit cell")).toHaveCount(0);
  await expect(page.getByTestId("cell-1-1")).toHaveText("x\ny");
  await expect(page.getByTestId("cell-2-2")).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Delete");
  await expect(page.getByTestId("cell-2-2")).toHaveText("");
  // A rectangle from the anchor, copied as Gradio does: rows on lines, cells joined by commas.
  await page.getByTestId("cell-0-1").click();
  await page.getByTestId("cell-1-2").click({ modifiers: ["Shift"] });
  // The test page is no secure context, so it has no clipboard of its own: give it one that records.
  await page.evaluate(() => {
    const copied: string[] = [];
    Object.defineProperty(navigator, "clipboard", { value: { writeText: async (text: string) => void copied.push(text) }, configurable: true });
    Object.assign(window, { copied });
  });
  await page.keyboard.press("ControlOrMeta+c");
  await expect.poll(() => page.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual(["2,3\nx\ny,6"]);
});

test("search draws only the rows holding the text; filter mode can make them the value", async ({ core, page }) => {
  await core.mount(appConfig([component(1, "dataframe", { label: "Scores", value: scores, show_search: "filter" })], [dependency(0, { targets: [[1, "input"]], inputs: [1] })]));
  const search = page.getByPlaceholder("Filter...");
  await search.fill("bob");
  await expect(page.locator(".virtual-body .virtual-row")).toHaveCount(1);
  await expect(page.locator("[data-row='1'][data-col='0']")).toHaveText("Bob");
  await page.getByRole("button", { name: "Apply filter and update dataframe values" }).click();
  const [applied] = await core.expectEvents(1);
  expect(applied?.data).toEqual([{ headers: ["name", "score"], data: [["Bob", 5]], metadata: null }]);
  await expect(search).toHaveValue("");
});

test("a long table draws its rows a batch at a time, the next when its end scrolls into view", async ({ core, page }) => {
  const tall = { headers: ["n"], data: Array.from({ length: 100 }, (_, n) => [n]), metadata: null };
  await core.mount(appConfig([component(1, "dataframe", { label: "Tall", value: tall, interactive: false, max_height: 200 })]));
  const grid = page.getByRole("grid", { name: "Tall" });
  await expect(grid).toHaveAttribute("aria-rowcount", "101");
  const drawn = page.locator(".virtual-body .virtual-row");
  await expect(drawn).toHaveCount(30);
  await page.getByTestId("cell-29-0").scrollIntoViewIfNeeded();
  await expect(drawn).toHaveCount(60);
  await expect(page.getByTestId("cell-59-0")).toHaveText("59");
});

test("a cell's text reads as in Gradio's markup (a space before it) and a chosen cell is marked", async ({ core, page }) => {
  await core.mount(appConfig([component(1, "dataframe", { label: "Scores", value: scores })]));
  expect(await page.getByTestId("cell-1-0").textContent()).toBe(" Bob");
  await page.getByTestId("cell-1-0").click();
  await expect(page.getByTestId("cell-1-0")).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("cell-1-0")).not.toHaveCSS("background-color", "rgba(0, 0, 0, 0)");
});
