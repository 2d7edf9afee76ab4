import { appConfig, component, dependency, expect, test } from "./fixtures";

// What gr.I18n("key") and Gradio's own ChatInterface put in the config.
const marker = (key: string) => `__i18n__{"__type__": "translation_metadata", "key": "${key}"}`;

function translatedApp() {
  return {
    ...appConfig(
      [
        component(1, "textbox", { label: marker("name_label"), value: marker("john") }),
        component(2, "button", { value: marker("greet") }),
        component(3, "radio", { label: "Format", choices: [[marker("bold"), "bold"], [marker("italic"), "italic"]], value: "bold" }),
        component(4, "textbox", { label: "Box", show_label: false, placeholder: marker("chat_interface.message_placeholder"), value: "" }),
      ],
      [dependency(0, { targets: [[2, "click"]], inputs: [1], outputs: [1] })],
    ),
    i18n_translations: {
      en: { name_label: "Your Name", john: "John English", greet: "Greet", bold: "Bold", italic: "Italic" },
      es: { name_label: "Tu Nombre", john: "John Spanish", greet: "Saludar", bold: "Negrita" },
    },
  };
}

test.describe("in a Spanish browser", () => {
  test.use({ locale: "es-MX" });

  test("texts are the app's Spanish ones, else English, and an update is translated too", async ({ core, page }) => {
    await core.mount(translatedApp());
    const name = page.getByLabel("Tu Nombre", { exact: true });
    await expect(name).toHaveValue("John Spanish");
    await expect(page.getByRole("radio", { name: "Negrita" })).toBeChecked();
    // No Spanish text for this key: English, as Gradio falls back.
    await expect(page.getByRole("radio", { name: "Italic" })).toBeVisible();
    // Gradio's own text (ChatInterface's box), in English: Pagelet carries no other language of Gradio's.
    await expect(page.getByPlaceholder("Type a message...")).toBeVisible();
    await name.fill("");
    await page.getByRole("button", { name: "Saludar" }).click();
    const [event] = await core.expectEvents(1);
    await core.answer(event?.event_id ?? "", [{ id: 1, value: marker("john") }]);
    await expect(name).toHaveValue("John Spanish");
    await expect(page.getByText("__i18n__")).toHaveCount(0);
  });
});

test.describe("in a German browser", () => {
  test.use({ locale: "de-DE" });

  test("an app with no German texts shows English", async ({ core, page }) => {
    await core.mount(translatedApp());
    await expect(page.getByLabel("Your Name", { exact: true })).toHaveValue("John English");
    await expect(page.getByRole("button", { name: "Greet" })).toBeVisible();
  });
});

test("Settings in the footer changes the page's language at run time; what the person typed stays", async ({ core, page }) => {
  await core.mount(translatedApp());
  const name = page.getByLabel("Your Name", { exact: true });
  await name.fill("Ada");
  await page.locator("footer").getByRole("button", { name: "Settings" }).click();
  const dialog = page.getByRole("dialog", { name: "Settings" });
  const language = dialog.getByRole("combobox", { name: "Language" });
  await expect(language).toHaveValue("English");
  await language.fill("Esp");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(language).toHaveValue("Español");
  await page.locator(".backdrop").click();
  await expect(dialog).toHaveCount(0);

  await expect(page.getByLabel("Tu Nombre", { exact: true })).toHaveValue("Ada");
  await expect(page.getByRole("radio", { name: "Negrita" })).toBeChecked();
  await expect(page.getByRole("button", { name: "Saludar" })).toBeVisible();
  // The footer and the dialog speak the new language too.
  await page.locator("footer").getByRole("button", { name: "Configuración" }).click();
  await expect(page.getByRole("dialog", { name: "Configuración" }).getByRole("combobox", { name: "Language" })).toHaveValue("Español");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.locator("footer").getByRole("button", { name: "Configuración" })).toBeFocused();

  // A later update's marker is shown in the chosen language.
  await page.getByRole("button", { name: "Saludar" }).click();
  const [event] = await core.expectEvents(1);
  await core.answer(event?.event_id ?? "", [{ id: 1, value: marker("john") }]);
  await expect(page.getByLabel("Tu Nombre", { exact: true })).toHaveValue("John Spanish");
});
