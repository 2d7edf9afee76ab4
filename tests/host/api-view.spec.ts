import { appConfig, component, dependency, expect, test } from "./fixtures";

const app = appConfig(
  [
    component(1, "textbox", { label: "Word", value: "" }),
    component(2, "textbox", { label: "Letter", value: "" }),
    component(3, "number", { label: "Count", value: null }),
    component(4, "button", { value: "Count" }),
    component(5, "state", { value: null }),
  ],
  [dependency(0, { targets: [[4, "click"]], inputs: [1, 2, 5], outputs: [3], api_name: "letter_count" })],
);

const serverApi = {
  appUrl: "http://127.0.0.1:7860/",
  mcp: true,
  info: {
    named_endpoints: {
      "/letter_count": {
        parameters: [
          { label: "Word", parameter_name: "word", parameter_has_default: false, example_input: "banana",
            python_type: { type: "str" }, type: { type: "string" }, component: "Textbox" },
          { label: "Letter", parameter_name: "letter", parameter_has_default: false, example_input: null,
            python_type: { type: "str" }, type: { type: "string" }, component: "Textbox" },
        ],
        returns: [{ label: "Count", python_type: { type: "float" }, type: { type: "number" }, component: "Number" }],
      },
      "/echo": {
        parameters: [{ label: "In", parameter_name: "f", python_type: { type: "filepath" }, type: { title: "FileData" }, component: "File" }],
        returns: [],
      },
    },
  },
};

test("Use via API in a page with no server: the endpoints, and that the page's script drives the app", async ({ core, page }) => {
  await core.mount(app);
  const link = page.getByRole("button", { name: "Use via API logo" });
  await link.click();
  const view = page.getByRole("region", { name: "API" });
  await expect(view.getByRole("heading", { name: "/letter_count" })).toBeVisible();
  // State is not a parameter.
  await expect(view.getByRole("listitem")).toHaveText(['word (the "Word" textbox)', 'letter (the "Letter" textbox)', '[0] (the "Count" number)']);
  await expect(view).toContainText("no server: it has no HTTP or MCP API");
  await expect(view.locator("code").last()).toContainText('document.querySelector("gradio-lite").controller');
  await view.getByRole("button", { name: "Close" }).click();
  await expect(view).toHaveCount(0);
  await expect(link).toBeFocused();
  // The app is still there and working.
  await expect(page.getByLabel("Word")).toBeVisible();
});

test("Use via API on a server: each endpoint with ready-to-copy Python, JavaScript, curl and MCP", async ({ core, page }) => {
  await core.mount(app, { serverApi });
  await page.getByRole("button", { name: "Use via API logo" }).click();
  const view = page.getByRole("region", { name: "API" });
  await expect(view).toContainText("2 API endpoints, at http://127.0.0.1:7860/");
  const counting = view.getByRole("article").filter({ has: page.getByRole("heading", { name: "/letter_count" }) });
  await expect(counting.getByRole("listitem")).toHaveText([/^word: str .*required$/, /^letter: str .*required$/, /^\[0\]: float/]);
  const code = counting.locator("pre code");
  await expect(code).toHaveText(
    'from gradio_client import Client\n\nclient = Client("http://127.0.0.1:7860/")\nresult = client.predict(\n' +
      '    word="banana",\n    letter="Hello!!",\n    api_name="/letter_count",\n)\nprint(result)\n',
  );
  await expect(view.getByRole("article").filter({ hasText: "/echo" }).locator("pre code")).toContainText(
    "from gradio_client import Client, handle_file",
  );

  await view.getByRole("radio", { name: "JavaScript" }).check();
  await expect(code).toContainText('const client = await Client.connect("http://127.0.0.1:7860/");');
  await expect(code).toContainText('await client.predict("/letter_count", {\n  word: "banana",\n  letter: "Hello!!",\n});');
  await view.getByRole("radio", { name: "cURL" }).check();
  await expect(code).toContainText(
    `curl -X POST http://127.0.0.1:7860/gradio_api/call/letter_count -s -H "Content-Type: application/json" -d '{"data":["banana","Hello!!"]}'`,
  );
  await expect(code).toContainText("curl -N http://127.0.0.1:7860/gradio_api/call/letter_count/$EVENT_ID");
  await view.getByRole("radio", { name: "MCP" }).check();
  await expect(code).toContainText('"url": "http://127.0.0.1:7860/gradio_api/mcp/"');
  await expect(view.getByRole("button", { name: "Copy MCP for /letter_count" })).toBeVisible();
});

test("Use via API on a server without MCP says how to turn it on", async ({ core, page }) => {
  await core.mount(app, { serverApi: { ...serverApi, mcp: false } });
  await page.getByRole("button", { name: "Use via API logo" }).click();
  const view = page.getByRole("region", { name: "API" });
  await view.getByRole("radio", { name: "MCP" }).check();
  await expect(view.getByRole("article").first()).toContainText("launch it with mcp_server=True");
});

test("the API recorder keeps the calls a person's clicks make and shows code that replays them", async ({ core, page }) => {
  await core.mount(app, { serverApi });
  await page.getByRole("button", { name: "Use via API logo" }).click();
  await page.getByRole("region", { name: "API" }).getByRole("button", { name: "API Recorder" }).click();
  await expect(page.getByRole("region", { name: "API" })).toHaveCount(0);
  const recorder = page.getByRole("button", { name: /^Recording API Calls/ });
  await expect(recorder).toHaveText("Recording API Calls: [0]");

  await page.getByLabel("Word").fill("it's");
  await page.getByLabel("Letter").fill("t");
  await page.getByRole("button", { name: "Count" }).click();
  await expect(recorder).toHaveText("Recording API Calls: [1] /letter_count");

  await recorder.click();
  await expect(recorder).toHaveCount(0);
  const view = page.getByRole("region", { name: "API" });
  await expect(view.locator("#num-recorded-api-calls")).toHaveText("🪄 Recorded API Calls [1]");
  const recorded = view.locator(".pagelet-api-recorded pre code");
  // The State input is not sent by a client; the values are the ones typed.
  await expect(recorded).toHaveText(
    'from gradio_client import Client\n\nclient = Client("http://127.0.0.1:7860/")\n' +
      'client.predict(\n    word="it\'s",\n    letter="t",\n    api_name="/letter_count",\n)\n',
  );
  await view.getByRole("radio", { name: "JavaScript" }).check();
  await expect(recorded).toContainText('await client.predict("/letter_count", {\n  word: "it\'s",\n  letter: "t",\n});');
  await view.getByRole("radio", { name: "cURL" }).check();
  await expect(recorded).toContainText(`-d '{"data":["it'\\''s","t"]}'`);

  // Closed, the recording is over: a new click is not counted anywhere.
  await view.getByRole("button", { name: "Close" }).click();
  await page.getByRole("button", { name: "Count" }).click();
  await expect(page.getByRole("button", { name: /^Recording API Calls/ })).toHaveCount(0);
});

test("in a page with no server, recorded calls are shown for the same app served by pagelet run; a listener with no API name is counted, not replayed", async ({ core, page }) => {
  const chained = appConfig(app.components, [
    ...app.dependencies,
    dependency(1, { targets: [], trigger_after: 0, inputs: [1], outputs: [1], api_name: null }),
  ]);
  await core.mount(chained);
  await page.getByRole("button", { name: "Use via API logo" }).click();
  await page.locator("#start-api-recorder").click();
  await page.getByLabel("Word").fill("banana");
  await page.getByRole("button", { name: "Count" }).click();
  const [first] = await core.expectEvents(1);
  await core.answer(first?.event_id ?? "", [{ id: 3, value: 3 }]);
  await core.expectEvents(2);
  await expect(page.locator("#api-recorder")).toHaveText("Recording API Calls: [2] /letter_count");
  await page.locator("#api-recorder").click();
  const view = page.getByRole("region", { name: "API" });
  await expect(view.locator("#num-recorded-api-calls")).toHaveText("🪄 Recorded API Calls [2]");
  await expect(view).toContainText("once the same app is served with `pagelet run` (at http://127.0.0.1:7860/)");
  await expect(view.locator(".pagelet-api-recorded pre code")).toHaveText(
    'from gradio_client import Client\n\nclient = Client("http://127.0.0.1:7860/")\n' +
      'client.predict(\n    word="banana",\n    letter="",\n    api_name="/letter_count",\n)\n' +
      "# (a call that only updates the page: it has no API name)\n",
  );
});
