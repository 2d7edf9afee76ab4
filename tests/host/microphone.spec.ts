import type { Page } from "@playwright/test";
import { appConfig, component, expect, test } from "./fixtures";

/**
 * Two microphones, as the browser would list them once allowed; the stream
 * is a silent one from an AudioContext. What getUserMedia was asked is kept.
 */
async function fakeMicrophones(page: Page): Promise<void> {
  await page.evaluate(() => {
    const asked: unknown[] = [];
    (window as unknown as { asked: unknown[] }).asked = asked;
    const devices = [
      { kind: "audioinput", deviceId: "a", label: "Desk microphone", groupId: "" },
      { kind: "audioinput", deviceId: "b", label: "Headset", groupId: "" },
      { kind: "videoinput", deviceId: "c", label: "Camera", groupId: "" },
    ];
    Object.defineProperty(navigator, "mediaDevices", {
      configurable: true,
      value: {
        enumerateDevices: async () => devices,
        getUserMedia: async (constraints: unknown) => {
          asked.push(constraints);
          const context = new AudioContext();
          const destination = context.createMediaStreamDestination();
          context.createOscillator().connect(destination);
          return destination.stream;
        },
      },
    });
  });
}

test("the microphone source is Gradio's 'Record audio'; its recorder picks a device and shows the time", async ({ core, page }) => {
  await core.mount(appConfig([component(1, "audio", { label: "Voice", value: null, sources: ["upload", "microphone"], interactive: true })]));
  await fakeMicrophones(page);
  await expect(page.getByLabel("Upload file", { exact: true })).toHaveAttribute("aria-pressed", "true");
  await page.getByLabel("Record audio", { exact: true }).click();
  const select = page.getByRole("combobox", { name: "Select input device" });
  // The microphones only: the camera is not one to record sound from.
  await expect(select.locator("option")).toHaveText(["Desk microphone", "Headset"]);
  await select.selectOption("Headset");
  await page.getByRole("button", { name: "Record", exact: true }).click();
  await expect(page.getByText("0:00", { exact: true })).toBeVisible();
  await expect(page.getByText("0:01", { exact: true })).toBeVisible({ timeout: 3000 });
  expect(await page.evaluate(() => (window as unknown as { asked: unknown[] }).asked)).toEqual([{ audio: { deviceId: { exact: "b" } } }]);
  await page.getByText("Stop", { exact: true }).click();
  await expect(page.getByText("0:01", { exact: true })).toBeHidden();
});

test("a streaming microphone offers Gradio's 'Select input device' beside Record", async ({ core, page }) => {
  await fakeMicrophones(page);
  await core.mount(appConfig([component(1, "audio", { label: "Live", value: null, sources: ["microphone"], streaming: true, interactive: true })]));
  await expect(page.getByLabel("Select input device")).toContainText("Desk microphoneHeadset");
  await expect(page.getByRole("button", { name: "Record", exact: true })).toBeVisible();
});
