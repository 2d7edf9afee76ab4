import { appConfig, component, expect, test } from "./fixtures";

const themed = {
  ...appConfig([component(1, "button", { value: "Go", variant: "primary" })]),
  theme: {
    name: "soft",
    light: { "--pl-primary": "rgb(99, 102, 241)", "--pl-background": "rgb(255, 255, 255)", "--not-ours": "red" },
    dark: { "--pl-background": "rgb(1, 2, 3)", "--pl-primary": "rgb(10, 20, 30); } body { display: none" },
    font: "Montserrat, sans-serif",
  },
};

test("a theme sets the app's colours and font, light and dark", async ({ core, page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await core.mount(themed);
  const go = page.getByRole("button", { name: "Go", exact: true });
  await expect(go).toHaveCSS("background-color", "rgb(99, 102, 241)");
  await expect(page.locator(".pagelet-app")).toHaveCSS("font-family", "Montserrat, sans-serif");
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator(".pagelet-app")).toHaveCSS("background-color", "rgb(1, 2, 3)");
  // A value that tries to leave its rule is dropped, not applied.
  await expect(page.locator("body")).toBeVisible();
  await expect(go).not.toHaveCSS("background-color", "rgb(10, 20, 30)");
});

test("a malformed theme is reported instead of rendering", async ({ core, page }) => {
  await page.evaluate(() => window.harness.mount({}));
  await core.push({ v: 1, type: "config", config: { ...themed, theme: { light: 3 } } });
  await expect(page.getByRole("alert")).toContainText("theme");
});
