import { appConfig, component, dependency, expect, test } from "./fixtures";

test.describe("form components", () => {
  test("each control is named by its label and shows its value", async ({ core, page }) => {
    await core.mount(
      appConfig([
        component(1, "textbox", { label: "Name", value: "Ada", placeholder: "Your name", info: "As on your passport" }),
        component(2, "number", { label: "Age", value: 36 }),
        component(3, "slider", { label: "Temperature", value: 0.7, minimum: 0, maximum: 2, step: 0.1 }),
        component(4, "checkbox", { label: "Subscribe", value: true }),
        component(5, "checkboxgroup", { label: "Toppings", choices: [["Cheese", "cheese"], ["Ham", "ham"], ["Olives", "olives"]], value: ["ham"] }),
        component(6, "radio", { label: "Size", choices: [["Small", "s"], ["Large", "l"]], value: "l" }),
        component(7, "dropdown", { label: "Model", choices: [["Small model", "small"], ["Big model", "big"]], value: "big" }),
        component(8, "button", { value: "Run", variant: "primary" }),
        component(9, "textbox", { label: "Password", type: "password", value: "secret" }),
        component(10, "textbox", { label: "Hidden label", show_label: false, value: "x" }),
      ]),
    );

    await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Ada");
    await expect(page.getByLabel("Name", { exact: true })).toHaveAttribute("placeholder", "Your name");
    await expect(page.getByText("As on your passport")).toBeVisible();
    await expect(page.getByLabel("Age", { exact: true })).toHaveValue("36");
    await expect(page.getByRole("slider", { name: "range slider for Temperature", exact: true })).toHaveValue("0.7");
    await expect(page.getByLabel("number input for Temperature", { exact: true })).toHaveValue("0.7");
    await expect(page.getByRole("checkbox", { name: "Subscribe", exact: true })).toBeChecked();
    await expect(page.getByRole("group", { name: "Toppings" })).toBeVisible();
    await expect(page.getByRole("checkbox", { name: "Ham", exact: true })).toBeChecked();
    await expect(page.getByRole("checkbox", { name: "Cheese", exact: true })).not.toBeChecked();
    await expect(page.getByRole("radio", { name: "Large", exact: true })).toBeChecked();
    // A single-choice dropdown shows the chosen choice's text, as Gradio's does.
    await expect(page.getByRole("combobox", { name: "Model", exact: true })).toHaveValue("Big model");
    await expect(page.getByRole("button", { name: "Run", exact: true })).toBeEnabled();
    await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("type", "password");

    // show_label=false hides the caption but keeps the name.
    const hidden = page.getByLabel("Hidden label", { exact: true });
    await expect(hidden).toHaveValue("x");
    await expect(page.getByText("Hidden label")).not.toBeInViewport();
    expect(await page.getByText("Hidden label").evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(1);

    // Values live in real form controls.
    expect(await page.getByLabel("Name", { exact: true }).inputValue()).toBe("Ada");
    expect(await page.getByLabel("Model", { exact: true }).inputValue()).toBe("Big model");
  });

  test("a one-line textbox is a textarea that grows; password and 1/1 lines are inputs", async ({ core, page }) => {
    await core.mount(
      appConfig([
        component(1, "textbox", { label: "Prompt", lines: 1, max_lines: 4, value: "" }),
        component(2, "textbox", { label: "Short", lines: 1, max_lines: 1, value: "" }),
        component(3, "textbox", { label: "Essay", lines: 3, max_lines: 6, value: "" }),
      ]),
    );
    const prompt = page.getByLabel("Prompt", { exact: true });
    expect(await prompt.evaluate((el) => el.tagName)).toBe("TEXTAREA");
    expect(await page.getByLabel("Short", { exact: true }).evaluate((el) => el.tagName)).toBe("INPUT");
    await expect(page.getByLabel("Essay", { exact: true })).toHaveAttribute("rows", "3");

    const before = await prompt.evaluate((el) => el.getBoundingClientRect().height);
    await prompt.fill("one\ntwo\nthree");
    await expect.poll(() => prompt.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(before * 2);
    await prompt.fill("1\n2\n3\n4\n5\n6\n7\n8\n9");
    const capped = await prompt.evaluate((el) => el.getBoundingClientRect().height);
    await prompt.fill("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12");
    expect(await prompt.evaluate((el) => el.getBoundingClientRect().height)).toBe(capped);
  });

  test("interactive=false disables controls and buttons", async ({ core, page }) => {
    await core.mount(
      appConfig([
        component(1, "textbox", { label: "Output", interactive: false, value: "done" }),
        component(2, "button", { value: "Go", interactive: false }),
        component(3, "radio", { label: "Pick", interactive: false, choices: [["A", "a"]], value: null }),
      ]),
    );
    await expect(page.getByLabel("Output", { exact: true })).toBeDisabled();
    await expect(page.getByRole("button", { name: "Go", exact: true })).toBeDisabled();
    await expect(page.getByRole("radio", { name: "A" })).toBeDisabled();
  });

  test("dropdowns: multiselect, custom values, nothing selected", async ({ core, page }) => {
    await core.mount(
      appConfig([
        component(1, "dropdown", { label: "Tags", multiselect: true, choices: [["Red", "red"], ["Green", "green"], ["Blue", "blue"]], value: ["red", "blue"] }),
        component(2, "dropdown", { label: "City", allow_custom_value: true, choices: [["Paris", "paris"], ["Rome", "rome"]], value: "rome" }),
        component(3, "dropdown", { label: "Empty", choices: [["One", 1], ["Two", 2]], value: null }),
      ]),
    );
    const tags = page.getByLabel("Tags", { exact: true });
    expect(await tags.evaluate((el) => Array.from((el as HTMLSelectElement).selectedOptions, (o) => o.value))).toEqual(["red", "blue"]);
    await expect(page.getByLabel("City", { exact: true })).toHaveValue("Rome");
    expect(await page.getByLabel("City", { exact: true }).evaluate((el) => el.tagName)).toBe("INPUT");
    await expect(page.getByLabel("Empty", { exact: true })).toHaveValue("");
  });

  test("a dropdown lists its choices when clicked, filters them as one types, and sends the value", async ({ core, page }) => {
    // Each trigger is sent at once ("multiple"), so the test need not answer the runs.
    await core.mount(
      appConfig(
        [
          component(1, "dropdown", { label: "Dropdown", allow_custom_value: true, choices: [["hello", "goodbye"], ["abc", "123"]], value: null }),
          component(2, "dropdown", { label: "Country", choices: [["Canada", "ca"], ["Pakistan", "pk"]], value: null }),
        ],
        [dependency(0, { targets: [[1, "change"]], inputs: [1], trigger_mode: "multiple" }), dependency(1, { targets: [[2, "change"]], inputs: [2], trigger_mode: "multiple" })],
      ),
    );
    const custom = page.getByRole("combobox", { name: "Dropdown" });
    await custom.click();
    await expect(custom).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByRole("option")).toHaveCount(2);
    await page.getByRole("option", { name: "abc" }).click();
    await expect(custom).toHaveValue("abc");
    await expect(page.getByRole("listbox")).toBeHidden();
    // Clicking again and leaving changes nothing.
    await custom.click();
    await custom.blur();
    await custom.fill("my own");
    await custom.press("Enter");
    // Typing filters the list; Enter picks the highlighted match.
    const country = page.getByRole("combobox", { name: "Country" });
    await country.click();
    await country.pressSequentially("pak");
    await expect(page.getByRole("option", { name: "Canada" })).toBeHidden();
    await expect(page.getByRole("option", { name: "Pakistan" })).toBeVisible();
    await country.press("Enter");
    await expect(country).toHaveValue("Pakistan");
    // Text that is no choice is put back when custom values are not allowed.
    await country.fill("Atlantis");
    await country.blur();
    await expect(country).toHaveValue("Pakistan");
    expect(await core.calls()).toEqual([[0, ["123"]], [0, ["my own"]], [1, ["pk"]]]);
  });
});

test("a date is sent when the box is left or Enter pressed, and only in a form Gradio reads", async ({ core, page }) => {
  // Each trigger is sent at once ("multiple"), so the test need not answer the runs.
  await core.mount(
    appConfig(
      [
        component(1, "datetime", { label: "Date Only", include_time: false, type: "string", value: null }),
        component(2, "datetime", { label: "Date and Time", include_time: true, value: null }),
      ],
      [
        dependency(0, { targets: [[1, "change"]], inputs: [1], trigger_mode: "multiple" }),
        dependency(1, { targets: [[2, "change"]], inputs: [2], trigger_mode: "multiple" }),
        dependency(2, { targets: [[2, "submit"]], inputs: [2], trigger_mode: "multiple" }),
      ],
    ),
  );
  const day = page.getByLabel("Date Only", { exact: true });
  await day.fill("2000-02-22");
  // Nothing is sent while typing.
  await page.waitForTimeout(100);
  expect(await core.calls()).toEqual([]);
  await page.locator("body").click();
  await day.fill("2020-05-01xxx");
  await page.locator("body").click();
  await expect(day).toHaveAttribute("aria-invalid", "true");
  await day.fill("2020-05-02");
  await page.locator("body").click();
  await expect(day).toHaveAttribute("aria-invalid", "false");
  const moment = page.getByLabel("Date and Time", { exact: true });
  await moment.fill("2020-10-01 10:50:00");
  await moment.press("Enter");
  await moment.fill("now - 2h");
  await moment.press("Enter");
  expect(await core.calls()).toEqual([
    [0, ["2000-02-22"]],
    [0, ["2020-05-02"]],
    [1, ["2020-10-01 10:50:00"]],
    [2, ["2020-10-01 10:50:00"]],
    [1, ["now - 2h"]],
    [2, ["now - 2h"]],
  ]);
});

test.describe("display components", () => {
  test("markdown is rendered and sanitized; hostile markup never runs", async ({ core, page }) => {
    await core.mount(
      appConfig([
        component(1, "markdown", {
          value: '# Hello *world*\n\nSome [link](https://example.org).\n\n<img src="x" onerror="window.pwned = 1"><script>window.pwned = 2</script>',
        }),
        component(2, "html", { value: '<p class="note">Plain <b>HTML</b></p><img src="y" onerror="window.pwned = 3"><a href="javascript:window.pwned=4">bad</a>' }),
      ]),
    );
    await expect(page.getByRole("heading", { name: "Hello world", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "link" })).toHaveAttribute("target", "_blank");
    await expect(page.getByText("Plain HTML")).toBeVisible();
    await page.getByText("bad").click();
    await page.waitForTimeout(100);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator(".pagelet-app script, .pagelet-app [onerror]").count()).toBe(0);
  });

  test("json is pretty-printed under its label", async ({ core, page }) => {
    await core.mount(appConfig([component(1, "json", { label: "Result", value: { answer: 42, items: ["a"] } })]));
    const block = page.getByRole("group", { name: "Result" });
    // A line per entry, indented by depth, its text as Gradio's markup reads (a space before each comma).
    await expect(block.locator("pre")).toHaveText('{ "answer": 42 , "items": [ "a" ] }');
    const lines = block.locator(".pagelet-json-line");
    await expect(lines).toHaveCount(6);
    const indent = (index: number) => lines.nth(index).evaluate((line) => parseFloat(getComputedStyle(line).paddingInlineStart));
    expect(await indent(3)).toBeGreaterThan(await indent(2));
    expect(await indent(1)).toBeGreaterThan(await indent(0));
  });

  test("label shows the top class and a bar per confidence", async ({ core, page }) => {
    await core.mount(
      appConfig([
        component(1, "label", {
          label: "Prediction",
          num_top_classes: 2,
          value: { label: "cat", confidences: [{ label: "dog", confidence: 0.2 }, { label: "cat", confidence: 0.73 }, { label: "bird", confidence: 0.07 }] },
        }),
      ]),
    );
    const block = page.getByRole("group", { name: "Prediction" });
    await expect(block.locator(".pagelet-label-top")).toHaveText("cat");
    await expect(block.getByRole("meter")).toHaveCount(2);
    await expect(block.getByRole("meter", { name: "cat" })).toHaveAttribute("aria-valuenow", "73");
    await expect(block.getByText("73%")).toBeVisible();
    await expect(block.getByText("20%")).toBeVisible();
    await expect(block.getByText("bird")).toHaveCount(0);
  });

  test("state draws nothing; unknown types say so", async ({ core, page }) => {
    await core.mount(appConfig([component(1, "state", { value: "secret-state" }), component(2, "plot3d", { label: "Plot" })]));
    await expect(page.getByText("Unsupported component: plot3d")).toBeVisible();
    await expect(page.getByText("secret-state")).toHaveCount(0);
  });

  test("gr.api's values draw nothing, as State", async ({ core, page }) => {
    await core.mount(appConfig([component(1, "api", { label: "1st", value: "api-default" }), component(2, "textbox", { label: "Shown" })]));
    await expect(page.getByLabel("Shown")).toBeVisible();
    await expect(page.getByText("api-default")).toHaveCount(0);
    await expect(page.getByText("Unsupported component: api")).toHaveCount(0);
  });

  test("examples: a table of samples, paginated", async ({ core, page }) => {
    const samples = Array.from({ length: 12 }, (_, i) => [`text ${i}`, i, i % 2 === 0, null]);
    await core.mount(
      appConfig([component(1, "dataset", { headers: ["Prompt", "Count", "Flag", "Empty"], samples, components: ["textbox", "number", "checkbox", "textbox"], samples_per_page: 5 })]),
    );
    await expect(page.getByRole("heading", { name: "Examples" })).toBeVisible();
    const table = page.getByRole("table", { name: "Examples" });
    await expect(table.getByRole("columnheader")).toHaveText(["Prompt", "Count", "Flag", "Empty"]);
    await expect(table.locator("tbody tr")).toHaveCount(5);
    await expect(table.locator("tbody tr").first().locator("td")).toHaveText(["text 0", "0", "true", ""]);
    // Gradio's class for a cell of a table of samples, which its tests click.
    await expect(table.locator("tbody tr").first().locator("td.table")).toHaveCount(4);
    await expect(page.getByRole("button", { name: "text 0, 0, true", exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Page 3" }).click();
    await expect(table.locator("tbody tr")).toHaveCount(2);
    await expect(table.locator("tbody tr").first().locator("td").first()).toHaveText("text 10");
  });

  test("examples: a video sample is named by its video file", async ({ core, page }) => {
    const clip = { path: "/tmp/clip.mp4", orig_name: "clip.mp4", url: null, meta: { _type: "gradio.FileData" } };
    await core.mount(appConfig([component(1, "dataset", { headers: ["Clip"], samples: [[{ video: clip, subtitles: null }]], components: ["video"] })]));
    await expect(page.getByRole("table", { name: "Examples" }).locator("tbody td.gallery")).toHaveText(["clip.mp4"]);
  });

  test("a video shows Gradio 6's subtitles= prop as its track", async ({ core, page }) => {
    const file = (name: string, url: string) => ({ path: `/tmp/${name}`, url, orig_name: name, meta: { _type: "gradio.FileData" } });
    const clip = file("clip.mp4", "data:video/mp4;base64,AAAA");
    const words = file("words.vtt", "data:text/vtt;base64,V0VCVlRUCg==");
    await core.mount(appConfig([component(1, "video", { label: "Clip", value: clip, subtitles: words, interactive: false })]));
    const track = page.locator("video track");
    await expect(track).toHaveAttribute("kind", "subtitles");
    await expect(track).toHaveAttribute("src", words.url);
  });

  test("a plot's temporal column, sent as Gradio sends it (epoch milliseconds), reads as dates", async ({ core, page }) => {
    const value = {
      columns: ["time", "price"],
      data: [[1704067201000, 3], [1704070800500, 4]],
      datatypes: { time: "temporal", price: "quantitative" },
      mark: "line",
    };
    await core.mount(appConfig([component(1, "nativeplot", { label: "Prices", name: "lineplot", x: "time", y: "price", value })]));
    const cells = page.getByRole("table", { name: "Prices" }).locator("tbody td:first-child");
    await expect(cells).toHaveText(["2024-01-01 00:00:01", "2024-01-01 01:00:00.500"]);
  });
});
