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
