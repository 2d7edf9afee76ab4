import { appConfig, component, dependency, expect, test } from "./fixtures";

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
  // No submit_btn or stop_btn asked for: no such buttons in the app (Gradio's tests click "button", "Submit"); the footer has its own.
  await expect(page.locator(".pagelet-body").getByRole("button", { includeHidden: true })).toHaveCount(0);
  await core.update("e", [{ id: 2, props: { submit_btn: "Send" } }]);
  await expect(page.locator(".pagelet-body").getByRole("button", { includeHidden: true })).toHaveText(["Send"]);
});

test("a button carries Gradio's variant and size classes; a slider's controls Gradio's names", async ({ core, page }) => {
  await core.mount(
    appConfig([
      component(1, "button", { value: "Go", variant: "primary", size: "sm" }),
      component(2, "button", { value: "Later" }),
      component(3, "slider", { label: "Country Count", value: 2, minimum: 1, maximum: 10, step: 1 }),
    ]),
  );
  await expect(page.locator("button.primary")).toHaveText("Go");
  await expect(page.locator("button.primary")).toHaveClass(/\bsm\b/);
  await expect(page.locator("button.secondary.lg")).toHaveText("Later");
  await page.getByLabel("range slider for Country Count").fill("3");
  await expect(page.getByLabel("number input for Country Count")).toHaveValue("3");
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

test("a markdown's elem_classes mark its text as well as its block, as Gradio's do", async ({ core, page }) => {
  await core.mount(appConfig([component(1, "markdown", { value: "Resize me", elem_classes: ["note"] })]));
  await expect(page.locator(".note")).toHaveCount(2);
  await expect(page.locator(".note").nth(1).locator("p")).toHaveText("Resize me");
  await core.update("e", [{ id: 1, props: { elem_classes: ["other"] } }]);
  await expect(page.locator(".note")).toHaveCount(0);
  await expect(page.locator(".other")).toHaveCount(2);
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

test("a run's outputs carry Gradio's status trackers; show_progress_on moves the progress to the blocks it names", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [
        component(1, "gallery", { label: "Generated images" }),
        component(2, "textbox", { label: "Progress", value: "" }),
        component(3, "button", { value: "Generate images" }),
      ],
      [dependency(0, { targets: [[3, "click"]], outputs: [1, 2], show_progress: "minimal", show_progress_on: [2] })],
    ),
  );
  await expect(page.getByTestId("status-tracker")).toHaveCount(0);
  await page.getByRole("button", { name: "Generate images" }).click();
  const [run] = await core.expectEvents(1);
  const trackers = page.getByTestId("status-tracker");
  await expect(trackers).toHaveCount(2);
  // The gallery is an output but not named by show_progress_on: its tracker stays hidden.
  await expect(trackers.nth(0)).toHaveClass(/\bwrap\b/);
  await expect(trackers.nth(0)).toHaveClass(/\bhide\b/);
  await expect(trackers.nth(0)).toBeHidden();
  await expect(trackers.nth(1)).toHaveClass(/\bminimal\b/);
  await expect(trackers.nth(1)).not.toHaveClass(/\bhide\b/);
  await expect(page.getByLabel("Progress", { exact: true })).toBeVisible();
  await core.answer(run?.event_id ?? "", [{ id: 2, value: "Done" }]);
  await expect(trackers).toHaveCount(0);
  await expect(page.getByLabel("Progress", { exact: true })).toHaveValue("Done");
});

test("upload controls, an image's container and an audio player carry Gradio's test ids", async ({ core, page }) => {
  await core.mount(
    appConfig([
      component(1, "uploadbutton", { label: "Upload Single File" }),
      component(2, "image", { label: "Photo", interactive: true }),
      component(3, "audio", { label: "Output Audio", interactive: false, value: null }),
      component(4, "audio", { label: null, show_label: false, interactive: false, value: null }),
      component(5, "multimodaltextbox", { label: "Message", value: { text: "", files: [] } }),
    ]),
  );
  await expect(page.getByTestId("Upload Single File-upload-button")).toHaveAttribute("type", "file");
  await expect(page.getByTestId("image").locator("input[type=file]")).toHaveCount(1);
  await expect(page.getByTestId("waveform-Output Audio").locator("audio")).toHaveCount(1);
  // A display takes no uploads: no file input of its own in the page, so `input[type=file]` finds the one to use.
  await expect(page.locator("input[type=file][disabled]")).toHaveCount(0);
  await expect(page.getByTestId("unlabelled-audio")).toHaveCount(1);
  await expect(page.getByTestId("upload-button")).toHaveAccessibleName("Upload a file");
});

test("a checkbox group's boxes are data-testid=checkbox-group and titled by their values", async ({ core, page }) => {
  await core.mount(appConfig([component(1, "checkboxgroup", { label: "Disease", choices: [["Covid", "Covid"], ["Lung Cancer", "Lung Cancer"]], value: [] })]));
  await expect(page.getByTestId("checkbox-group")).toContainText("Covid Lung Cancer");
  await page.getByTitle("Lung Cancer").check();
  await expect(page.getByRole("checkbox", { name: "Lung Cancer", exact: true })).toBeChecked();
});

test("a slider's range is named 'range slider for {label}', as in Gradio, and its label still finds it", async ({ core, page }) => {
  await core.mount(appConfig([component(1, "slider", { label: "Count", value: 2, minimum: 0, maximum: 5, step: 1 })]));
  await expect(page.getByRole("slider")).toHaveAccessibleName("range slider for Count");
  await page.getByLabel("range slider for Count").fill("4");
  await expect(page.getByRole("slider")).toHaveValue("4");
  await expect(page.getByLabel("number input for Count")).toHaveValue("4");
});

test("a compact column and a padded HTML carry Gradio's classes; a scaled tab's panel grows", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [
        component(1, "column", { variant: "compact", elem_id: "tight" }),
        component(2, "button", { value: "One" }),
        component(3, "html", { value: "Inset", padding: true, elem_id: "inset" }),
        component(4, "html", { value: "Flush", padding: false, elem_id: "flush" }),
        component(5, "tabs", {}),
        component(6, "tab", { label: "Big", scale: 2 }),
        component(7, "markdown", { value: "Big content" }),
      ],
      [],
      [{ id: 1, children: [{ id: 2 }] }, { id: 3 }, { id: 4 }, { id: 5, children: [{ id: 6, children: [{ id: 7 }] }] }],
    ),
  );
  await expect(page.locator("#tight")).toHaveClass(/\bcompact\b/);
  await expect(page.locator("#inset")).toHaveClass(/\bpadded\b/);
  await expect(page.locator("#flush")).not.toHaveClass(/\bpadded\b/);
  await expect(page.getByRole("tabpanel", { name: "Big" })).toHaveCSS("flex-grow", "2");
});

test("a JSON's tree has Gradio's root node, marked dark-mode on a dark page", async ({ core, page }) => {
  await page.evaluate(() => document.body.classList.add("dark"));
  await core.mount(appConfig([component(1, "json", { value: { shared: "theme" }, elem_id: "tree" })]));
  await expect(page.locator("#tree .json-node.root")).toHaveClass(/\bdark-mode\b/);
  await expect(page.locator("#tree .json-node.root")).toContainText('"shared": "theme"');
});

test("examples are a .block captioned by a div.label, and an image sample shows its picture", async ({ core, page }) => {
  const picture = { path: "/tmp/bus.png", url: "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", size: null, orig_name: "bus.png", mime_type: "image/png", is_stream: false, meta: { _type: "gradio.FileData" } };
  await core.mount(appConfig([component(1, "dataset", { headers: ["Photo"], samples: [[picture]], components: ["image"] })]));
  const sample = page.locator('div.block:has(div.label:has-text("Examples")) img');
  await expect(sample).toHaveJSProperty("complete", true);
  await expect(sample).not.toHaveJSProperty("naturalWidth", 0);
  // The picture is inside the sample's button, which still names the sample.
  await expect(page.getByRole("button", { name: "bus.png" }).locator("img")).toHaveCount(1);
});

test("typing in a field a validator refused takes its message away, as in Gradio", async ({ core, page }) => {
  await core.mount(appConfig([component(1, "textbox", { label: "Validated text", value: "" })]));
  await core.update("e", [{ id: 1, props: { validation_error: "Text is required" } }]);
  await expect(page.getByText("Text is required")).toBeVisible();
  await page.getByLabel("Validated text").fill("valid value");
  await expect(page.getByText("Text is required")).toBeHidden();
});

test("a dropdown's options are named by their text, so getByLabel finds a choice as in Gradio", async ({ core, page }) => {
  await core.mount(appConfig([component(1, "dropdown", { label: "Root", choices: [["/data/dir1", "/data/dir1"], ["/data/dir3", "/data/dir3"]], value: "/data/dir1" })]));
  await page.getByLabel("Root").click();
  await page.getByLabel(/\/dir3$/, { exact: true }).first().click();
  await expect(page.getByLabel("Root")).toHaveValue("/data/dir3");
});
