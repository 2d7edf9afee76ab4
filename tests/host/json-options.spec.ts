import { appConfig, component, expect, test } from "./fixtures";

test("a long JSON value scrolls inside Gradio's max_height", async ({ core, page }) => {
  const long = Object.fromEntries(Array.from({ length: 80 }, (_, index) => [`key${index}`, index]));
  await core.mount(appConfig([component(1, "json", { label: "Data", value: long, max_height: 150 })]));
  const shown = page.getByRole("group", { name: "Data" }).locator("pre");
  await expect(shown).toHaveCSS("max-height", "150px");
  expect(await shown.evaluate((pre) => pre.scrollHeight > pre.clientHeight)).toBe(true);
});
