import { appConfig, component, expect, test } from "./fixtures";

const scores = {
  headers: ["name", "score"],
  data: [["Ada Lovelace", 3], ["Bob", 5]],
  metadata: null,
};

test("row numbers, a static column and max_chars: the static cell shows cut text and takes no typing", async ({ core, page }) => {
  await core.mount(appConfig([component(1, "dataframe", { label: "Scores", value: scores, static_columns: [0], max_chars: 5, show_row_numbers: true })]));
  const table = page.getByRole("table", { name: "Scores" });
  await expect(table.getByRole("rowheader")).toHaveText(["1", "2"]);
  await expect(page.getByTestId("cell-0-0")).toHaveText("Ada L…");
  await expect(page.getByTestId("cell-0-0").getByRole("textbox")).toHaveCount(0);
  await expect(page.getByTestId("cell-0-1").getByRole("textbox")).toHaveValue("3");
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
  await expect(page.getByTestId("cell-1-0").getByRole("textbox")).toHaveValue("Bob");
  await expect(page.getByRole("searchbox", { name: "Search" })).toHaveCount(0);
});
