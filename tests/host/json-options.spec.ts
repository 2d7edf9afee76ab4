import { appConfig, component, expect, test } from "./fixtures";

test("a long JSON value scrolls inside Gradio's max_height", async ({ core, page }) => {
  const long = Object.fromEntries(Array.from({ length: 80 }, (_, index) => [`key${index}`, index]));
  await core.mount(appConfig([component(1, "json", { label: "Data", value: long, max_height: 150 })]));
  const shown = page.getByRole("group", { name: "Data" }).locator("pre");
  await expect(shown).toHaveCSS("max-height", "150px");
  expect(await shown.evaluate((pre) => pre.scrollHeight > pre.clientHeight)).toBe(true);
});

test("JSON reads as Gradio writes it: a line per entry, and show_indices keys an array's items", async ({ core, page }) => {
  const value = [{ Covid: 0.25, "Lung Cancer": 0.5 }, "x"];
  await core.mount(
    appConfig([
      component(1, "json", { label: "Indexed", value, show_indices: true }),
      component(2, "json", { label: "Plain", value }),
    ]),
  );
  const [indexed, plain] = [page.getByTestId("json").first(), page.getByTestId("json").last()];
  await expect(indexed).toHaveText('[ "0": { "Covid": 0.25 , "Lung Cancer": 0.5 } , "1": "x" ]');
  await expect(plain).toHaveText('[ { "Covid": 0.25 , "Lung Cancer": 0.5 } , "x" ]');
  // On screen each entry is a line of its own, indented by depth.
  expect(await plain.innerText()).toBe('[\n{\n"Covid": 0.25 ,\n"Lung Cancer": 0.5\n} ,\n"x"\n]');
});
