import { appConfig, component, dependency, expect, test } from "./fixtures";

test("a textbox's field and in-box buttons sit in Gradio's .input-container, Submit and Stop with its classes", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [component(1, "textbox", { label: "Message", value: "", submit_btn: true, stop_btn: true })],
      [dependency(0, { targets: [[1, "submit"]], inputs: [1], outputs: [] }), dependency(1, { targets: [[1, "stop"]], inputs: [], outputs: [] })],
    ),
  );
  await page.locator(".input-container textarea, .input-container input").fill("hi");
  await page.locator(".input-container .submit-button").click();
  await page.locator(".input-container .stop-button").click();
  await expect.poll(async () => (await core.calls()).map(([fn]) => fn)).toEqual([0, 1]);
});
