import { appConfig, component, expect, test } from "./fixtures";

/**
 * Gradio's markup conventions that its own end-to-end suite (and many apps'
 * tests and stylesheets) rely on: test ids, default names, classes.
 */

test("a textbox is data-testid=textbox and, without a label, named Textbox", async ({ core, page }) => {
  await core.mount(
    appConfig([
      component(1, "textbox", { label: null, value: "" }),
      component(2, "textbox", { label: "Prompt", value: "hi" }),
      component(3, "textbox", { label: "Secret", type: "password", value: "" }),
    ]),
  );
  await expect(page.getByLabel("Textbox", { exact: true })).toHaveCount(1);
  await expect(page.getByTestId("textbox")).toHaveCount(2);
  await expect(page.getByTestId("textbox").nth(1)).toHaveValue("hi");
  await expect(page.getByTestId("password")).toHaveAccessibleName("Secret");
});

test("toasts carry Gradio's body, text and close test ids", async ({ core, page }) => {
  await core.mount(appConfig([component(1, "textbox", { label: "Name", value: "" })]));
  await core.push({ v: 1, type: "alert", level: "error", title: "Error", message: "This is a gradio error", duration: null });
  const toast = page.getByTestId("toast-body");
  await expect(toast).toContainText("Error");
  await expect(page.getByTestId("toast-text")).toHaveText("This is a gradio error");
  await page.getByTestId("toast-close").click();
  await expect(page.getByTestId("toast-body")).toHaveCount(0);
});

test("a chat is the 'chatbot conversation' log, its bubbles .user and .bot with their paragraphs", async ({ core, page }) => {
  await core.mount(
    appConfig([
      component(1, "chatbot", {
        label: "Assistant",
        value: [
          { role: "user", content: "Hey" },
          { role: "assistant", content: "Hello **there**" },
        ],
      }),
    ]),
  );
  const log = page.getByLabel("chatbot conversation");
  await expect(log).toHaveRole("log");
  await expect(log).toHaveAccessibleDescription("Assistant");
  await expect(page.locator(".user p")).toHaveText("Hey");
  await expect(page.locator(".bot p")).toHaveText("Hello there");
  await expect(page.getByTestId("user")).toHaveCount(1);
  await expect(page.getByTestId("bot")).toHaveCount(1);
});

test("markdown, json and highlighted text carry Gradio's test ids", async ({ core, page }) => {
  await core.mount(
    appConfig([
      component(1, "markdown", { value: "# Title" }),
      component(2, "json", { label: "Data", value: { a: 1 } }),
      component(3, "highlightedtext", { label: "Entities", value: [{ token: "Ada", class_or_confidence: "PER" }] }),
    ]),
  );
  await expect(page.getByTestId("markdown").getByRole("heading", { name: "Title" })).toBeVisible();
  await expect(page.getByTestId("json")).toContainText('"a": 1');
  await expect(page.getByTestId("highlighted-text")).toContainText("Ada");
});
