import type { Page } from "@playwright/test";
import { appConfig, component, dependency, expect, test } from "./fixtures";

const fileData = (path: string, name: string, mime = "text/plain") => ({
  path,
  orig_name: name,
  size: 5,
  mime_type: mime,
  url: null,
  meta: { _type: "gradio.FileData" },
});

/** A clipboard that records what was written (the harness page is not a secure context). */
async function recordClipboard(page: Page): Promise<void> {
  await page.evaluate(() => {
    const written: string[] = [];
    (window as unknown as { copied: string[] }).copied = written;
    Object.defineProperty(navigator, "clipboard", {
      configurable: true,
      value: { writeText: async (text: string) => void written.push(text) },
    });
  });
}

const copied = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { copied: string[] }).copied);

test.describe("file buttons", () => {
  test("an UploadButton is named by its label, opens the chooser, and fires upload with the file", async ({ core, page }) => {
    await core.mount(
      appConfig(
        [component(1, "uploadbutton", { label: "Upload notes", value: null, file_count: "single", file_types: [".txt"] })],
        [dependency(0, { targets: [[1, "upload"]], inputs: [1], outputs: [] }), dependency(1, { targets: [[1, "click"]], inputs: [], outputs: [] })],
      ),
    );
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Upload notes", exact: true }).click();
    const picked = await chooser;
    expect(picked.isMultiple()).toBe(false);
    await picked.setFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
    await expect.poll(async () => (await core.sent()).filter((m) => (m as { type: string }).type === "upload").length).toBe(1);
    const upload = (await core.sent()).find((m) => (m as { type: string }).type === "upload") as { upload_id: string };
    await core.push({ v: 1, type: "uploaded", upload_id: upload.upload_id, file: fileData("/tmp/s/notes.txt", "notes.txt") });
    await expect.poll(() => core.calls()).toEqual([
      [1, []],
      [0, [fileData("/tmp/s/notes.txt", "notes.txt")]],
    ]);
    await expect(page.locator("input[type=file]")).toHaveAttribute("accept", ".txt");
  });

  test("a refused upload of the UploadButton is an error toast, and the app goes on", async ({ core, page }) => {
    await core.mount(appConfig([component(1, "uploadbutton", { label: "Upload", value: null, file_count: "multiple" })]));
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await (await chooser).setFiles([{ name: "a.txt", mimeType: "text/plain", buffer: Buffer.from("a") }]);
    await expect.poll(async () => (await core.sent()).length).toBe(1);
    const [upload] = (await core.sent()) as { upload_id: string }[];
    await core.push({ v: 1, type: "uploaded", upload_id: upload?.upload_id, error: "a.txt is too large." });
    await expect(page.getByTestId("toast-text")).toHaveText("a.txt is too large.");
    await expect(page.getByRole("button", { name: "Upload", exact: true })).toBeEnabled();
  });

  test("a DownloadButton saves its file under its name and fires click", async ({ core, page }) => {
    await core.mount(
      appConfig(
        [component(1, "downloadbutton", { label: "Get report", value: null })],
        [dependency(0, { targets: [[1, "click"]], inputs: [], outputs: [] })],
      ),
    );
    await core.push({ v: 1, type: "file", path: "/tmp/report.csv", mime_type: "text/csv" }, [...Buffer.from("a,b\n")]);
    await core.update("e1", [{ id: 1, value: fileData("/tmp/report.csv", "report.csv", "text/csv") }]);
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Get report", exact: true }).click();
    expect((await download).suggestedFilename()).toBe("report.csv");
    await expect.poll(() => core.calls()).toEqual([[0, []]]);
  });
});

test.describe("special buttons", () => {
  test("a DeepLinkButton copies a link that reopens the app with its values", async ({ core, page }) => {
    const config = appConfig([
      component(1, "textbox", { label: "Name", value: "" }),
      component(2, "slider", { label: "Stars", value: 1, minimum: 0, maximum: 5, step: 1 }),
      component(3, "button", { value: "Share via Link", copied_value: "Link Copied!", variant: "secondary" }),
    ]);
    await core.mount(config);
    await recordClipboard(page);
    await page.getByLabel("Name", { exact: true }).fill("Ada <b>");
    await page.getByRole("button", { name: "Share via Link" }).click();
    await expect(page.getByRole("button", { name: "Link Copied!" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Share via Link" })).toBeVisible({ timeout: 5000 });
    const [link] = await copied(page);
    expect(new URL(link ?? "").searchParams.has("deep_link")).toBe(true);

    await page.goto(link ?? "");
    await page.waitForFunction(() => window.harness !== undefined);
    await core.mount(config);
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Ada <b>");
    await expect(page.getByRole("slider", { name: "Stars" })).toHaveValue("1");
  });

  test("a damaged deep link is said, and the app opens as it starts", async ({ core, page }) => {
    await page.goto("http://pagelet.test/index.html?deep_link=not-a-link");
    await page.waitForFunction(() => window.harness !== undefined);
    await core.mount(appConfig([component(1, "textbox", { label: "Name", value: "start" })]));
    await expect(page.getByText("This link's saved values could not be read")).toBeVisible();
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue("start");
  });

  test("a LoginButton says why there is no Hugging Face sign-in; a DuplicateButton off Spaces does nothing", async ({ core, page }) => {
    await core.mount(
      appConfig([
        component(1, "loginbutton", { value: "Sign in with Hugging Face", variant: "huggingface" }),
        component(2, "button", { value: "Duplicate Space", variant: "huggingface", size: "sm", link: null }),
      ]),
    );
    await page.getByRole("button", { name: "Sign in with Hugging Face" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Signing in with Hugging Face is not available here" })).toBeVisible();
    const pages = page.context().pages().length;
    await page.getByRole("button", { name: "Duplicate Space" }).click();
    expect(page.context().pages().length).toBe(pages);
    expect(await core.events()).toEqual([]);
  });
});

test.describe("BrowserState", () => {
  test("the value is kept in localStorage and read back after a reload", async ({ core, page }) => {
    const config = appConfig(
      [
        component(1, "browserstate", { value: null, default_value: ["none"], storage_key: "notes", secret: "s3" }),
        component(2, "button", { value: "Use" }),
      ],
      [
        dependency(0, { targets: [[2, "click"]], inputs: [1], outputs: [1] }),
        dependency(1, { targets: [[1, "change"]], inputs: [], outputs: [] }),
      ],
    );
    await core.mount(config);
    // Nothing stored yet: the default, which (as in Gradio) counts as a change on load.
    await page.getByRole("button", { name: "Use", exact: true }).click();
    await expect.poll(() => core.calls()).toEqual([
      [1, []],
      [0, [["none"]]],
    ]);
    const [, run] = await core.events();
    await core.answer(run?.event_id ?? "", [{ id: 1, value: ["milk", "eggs"] }]);
    await expect.poll(() => page.evaluate(() => localStorage.getItem("notes"))).toMatch(/^pagelet-/);

    await page.reload();
    await page.waitForFunction(() => window.harness !== undefined);
    await core.mount(config);
    await page.getByRole("button", { name: "Use", exact: true }).click();
    await expect.poll(async () => (await core.calls()).at(-1)).toEqual([0, [["milk", "eggs"]]]);
  });
});

test.describe("HTML templates", () => {
  const stars = (props: Record<string, unknown> = {}) =>
    component(1, "html", {
      value: 3,
      interactive: true,
      html_template: "<h2>${label ?? 'Rating'}</h2>${Array.from({length: max_stars}, (_, i) => `<img alt='star ${i + 1}' class='${i < value ? 'on' : 'off'}'>`).join('')}<button id='send'>Submit rating</button>",
      css_template: "img { height: ${size}px; display: inline-block; } .off { opacity: 0.3; }",
      js_on_load:
        "element.querySelectorAll('img').forEach((img, i) => img.addEventListener('click', () => { props.value = i + 1; }));" +
        "element.querySelector('#send').addEventListener('click', () => trigger('submit', {stars: props.value}));" +
        "element.dataset.loaded = 'yes';",
      props: { max_stars: 5, size: 40 },
      ...props,
    });

  test("a template shows its value and props, its script runs, and its events reach the core", async ({ core, page }) => {
    await core.mount(
      appConfig([stars()], [
        dependency(0, { targets: [[1, "submit"]], inputs: [1], outputs: [] }),
        dependency(1, { targets: [[1, "change"]], inputs: [1], outputs: [] }),
      ]),
    );
    await expect(page.locator(".pagelet-body").getByRole("img")).toHaveCount(5);
    await expect(page.locator("img.on")).toHaveCount(3);
    await expect(page.locator("[data-loaded=yes]")).toHaveCount(1);
    expect(await page.getByRole("img", { name: "star 1" }).evaluate((img) => getComputedStyle(img).height)).toBe("40px");

    // The listeners js_on_load put on the stars survive the redraw; each new value is a change.
    await page.getByRole("img", { name: "star 5" }).click();
    await expect(page.locator("img.on")).toHaveCount(5);
    const [first] = await core.expectEvents(1);
    expect([first?.fn, first?.data]).toEqual([1, [5]]);
    await core.answer(first?.event_id ?? "", []);
    await page.getByRole("img", { name: "star 2" }).click();
    await expect(page.locator("img.on")).toHaveCount(2);
    const second = (await core.expectEvents(2))[1];
    expect([second?.fn, second?.data]).toEqual([1, [2]]);
    await core.answer(second?.event_id ?? "", []);
    await page.getByRole("button", { name: "Submit rating" }).click();
    const submitted = (await core.expectEvents(3))[2];
    expect([submitted?.fn, submitted?.data, submitted?.event_data]).toEqual([0, [2], { stars: 2 }]);
  });

  test("an update changes the template's props, and the styles follow", async ({ core, page }) => {
    await core.mount(appConfig([stars()]));
    await core.update("e1", [{ id: 1, value: 1, props: { props: { size: 60 } } }]);
    await expect(page.locator("img.on")).toHaveCount(1);
    await expect(page.locator(".pagelet-body").getByRole("img")).toHaveCount(5);
    expect(await page.getByRole("img", { name: "star 1" }).evaluate((img) => getComputedStyle(img).height)).toBe("60px");
  });

  test("a visitor's markup in a templated value shows as text and never runs; the author's head script runs", async ({ core, page }) => {
    await core.mount(
      appConfig([
        component(1, "html", {
          value: "",
          html_template: "<p class='greeting'>Hello ${value}!</p><p class='raw'>{{{value}}}</p><p class='hb'>{{value}}</p>",
          js_on_load: "window.authorRan = true;",
          head: "<script>window.headRan = (window.headRan || 0) + 1;</script>",
        }),
      ]),
    );
    await expect.poll(() => page.evaluate(() => (window as unknown as { authorRan?: boolean }).authorRan)).toBe(true);
    await expect.poll(() => page.evaluate(() => (window as unknown as { headRan?: number }).headRan)).toBe(1);
    const attack = "<img src=x onerror=\"window.pwned=1\"><b>bold</b>${window.pwned=2}{{constructor}}";
    await core.update("e1", [{ id: 1, value: attack }]);
    await expect(page.locator(".greeting")).toHaveText(`Hello ${attack}!`);
    await expect(page.locator(".hb")).toHaveText(attack);
    // {{{ }}} is the author asking for markup: it comes sanitized.
    await expect(page.locator(".raw b")).toHaveText("bold");
    await expect(page.locator(".raw img")).not.toHaveAttribute("onerror");
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  });

  test("with only js_on_load of its own, the value is the app's markup, sanitized, and the script sees it", async ({ core, page }) => {
    await core.mount(
      appConfig(
        [
          component(1, "html", {
            value: "<button>HTML button 0</button><button onclick=\"window.pwned=1\">HTML button 1</button>",
            js_on_load: "element.querySelectorAll('button').forEach((b) => b.addEventListener('click', () => trigger('click', { clicked: b.innerText })));",
          }),
        ],
        [dependency(0, { targets: [[1, "click"]] })],
      ),
    );
    await page.getByRole("button", { name: "HTML button 1", exact: true }).click();
    const [clicked] = await core.expectEvents(1);
    expect(clicked?.event_data).toEqual({ clicked: "HTML button 1" });
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  });

  test("Handlebars blocks, @children and a template error shown in place", async ({ core, page }) => {
    await core.mount(
      appConfig(
        [
          component(1, "html", { value: ["Apples", "Pears"], html_template: "<ul>{{#each value}}<li>{{this}}</li>{{/each}}</ul>" }),
          component(2, "html", { value: "", html_template: "<h2>${form_name}</h2>@children<p>end</p>", props: { form_name: "Custom form" } }),
          component(3, "textbox", { label: "Name", value: "" }),
          component(4, "html", { value: "", html_template: "${missing_name}" }),
        ],
        [],
        [{ id: 1 }, { id: 2, children: [{ id: 3 }] }, { id: 4 }],
      ),
    );
    await expect(page.getByRole("listitem")).toHaveText(["Apples", "Pears"]);
    await expect(page.getByRole("heading", { name: "Custom form" })).toBeVisible();
    await page.getByLabel("Name", { exact: true }).fill("inside");
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue("inside");
    await expect(page.getByRole("alert")).toContainText("missing_name is not defined");
  });

  test("server_functions: js_on_load awaits server.<name>(...) and gets the core's answer or its error", async ({ core, page }) => {
    await core.mount(
      appConfig([
        component(1, "html", {
          value: "/home/app",
          html_template: "<button class='load'>Load Files</button><ul class='tree'></ul><p class='problem'></p>",
          server_fns: ["list_files"],
          js_on_load:
            "element.querySelector('.load').addEventListener('click', async () => {" +
            " const files = await server.list_files(props.value);" +
            " element.querySelector('.tree').innerHTML = files.map((f) => `<li>${f}</li>`).join('');" +
            " server.list_files('/nowhere').catch((e) => { element.querySelector('.problem').textContent = e.message; }); });",
        }),
      ]),
    );
    await page.getByRole("button", { name: "Load Files" }).click();
    const callsSent = async (): Promise<{ call_id: string; component_id: number; name: string; args: unknown[] }[]> =>
      (await core.sent()).filter((m) => (m as { type: string }).type === "call") as { call_id: string; component_id: number; name: string; args: unknown[] }[];
    await expect.poll(async () => (await callsSent()).length).toBe(1);
    const [first] = await callsSent();
    expect(first).toMatchObject({ component_id: 1, name: "list_files", args: ["/home/app"] });
    await core.push({ v: 1, type: "called", call_id: first?.call_id, value: ["run.py", "notes.txt"] });
    await expect(page.getByRole("listitem")).toHaveText(["run.py", "notes.txt"]);
    await expect.poll(async () => (await callsSent()).length).toBe(2);
    const second = (await callsSent())[1];
    await core.push({ v: 1, type: "called", call_id: second?.call_id, error: "FileNotFoundError: /nowhere" });
    await expect(page.locator(".problem")).toHaveText("FileNotFoundError: /nowhere");
  });

  test("plain HTML stays sanitized and a click on it fires click", async ({ core, page }) => {
    await core.mount(
      appConfig(
        [component(1, "html", { value: "<p onclick='window.pwned=1'>Hi <b>there</b></p>" })],
        [dependency(0, { targets: [[1, "click"]], inputs: [], outputs: [] })],
      ),
    );
    await page.getByText("Hi there").click();
    await expect.poll(() => core.calls()).toEqual([[0, []]]);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  });
});

test.describe("buttons=", () => {
  test("a toolbar copies the value and a gr.Button in it fires its listeners", async ({ core, page }) => {
    await core.mount(
      appConfig(
        [
          component(1, "textbox", { label: "Answer", value: "forty-two", buttons: ["copy", { id: 5, value: "Reset", icon: null }] }),
          component(2, "chatbot", { label: "Chat", value: [{ role: "user", content: "hi" }, { role: "assistant", content: "hello" }], buttons: ["share", "copy", "copy_all"] }),
          component(5, "button", { value: "Reset" }),
        ],
        [dependency(0, { targets: [[5, "click"]], inputs: [], outputs: [1] })],
        [{ id: 1 }, { id: 2 }],
      ),
    );
    await recordClipboard(page);
    const tools = page.getByRole("toolbar", { name: "Answer tools" });
    await tools.getByRole("button", { name: "Copy" }).click();
    await expect(tools.getByRole("button", { name: "Copied" })).toBeVisible();
    await tools.getByRole("button", { name: "Reset" }).click();
    await expect.poll(() => core.calls()).toEqual([[0, []]]);
    await page.getByRole("toolbar", { name: "Chat tools" }).getByRole("button", { name: "Copy conversation" }).click();
    await expect.poll(() => copied(page)).toEqual(["forty-two", "user: hi\nassistant: hello"]);
    // "share" needs Hugging Face Spaces: not drawn.
    await expect(page.getByRole("button", { name: /share/i })).toHaveCount(0);
  });
});

test("an interactive Gallery takes uploaded pictures and fires upload", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [component(1, "gallery", { label: "Pictures", value: null, sources: ["upload"], interactive: true })],
      [dependency(0, { targets: [[1, "upload"]], inputs: [1], outputs: [] })],
    ),
  );
  await page.getByLabel("Pictures").and(page.locator("input[type=file]")).setInputFiles({ name: "cat.png", mimeType: "image/png", buffer: Buffer.from("png") });
  await expect.poll(async () => (await core.sent()).length).toBe(1);
  const [upload] = (await core.sent()) as { upload_id: string }[];
  const cat = fileData("/tmp/s/cat.png", "cat.png", "image/png");
  await core.push({ v: 1, type: "uploaded", upload_id: upload?.upload_id, file: cat });
  await expect(page.getByRole("img", { name: "Pictures 1" })).toHaveAttribute("src", /^blob:/);
  await expect.poll(async () => (await core.events()).map((event) => event.data)).toEqual([[[{ image: cat, caption: null }]]]);
});

test.describe("image slider", () => {
  test("shows the first picture left of the handle and the second right of it", async ({ core, page }) => {
    const picture = (name: string) => ({
      path: `/tmp/${name}`, url: "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
      orig_name: name, meta: { _type: "gradio.FileData" },
    });
    await core.mount(appConfig([
      component(1, "imageslider", { label: "Blur", value: [picture("a.png"), picture("b.png")], slider_position: 30, interactive: false }),
    ]));
    await expect(page.getByRole("img", { name: "Blur (before)" })).toBeVisible();
    const after = page.getByRole("img", { name: "Blur (after)" });
    await expect(after).toHaveCSS("clip-path", "inset(0px 0px 0px 30%)");
    const handle = page.getByRole("slider", { name: "Blur slider position" });
    await expect(handle).toHaveValue("30");
    await handle.fill("75");
    await expect(after).toHaveCSS("clip-path", "inset(0px 0px 0px 75%)");
  });
});

test.describe("param viewer", () => {
  test("lists each parameter with its type and default, its description opened on demand", async ({ core, page }) => {
    await core.mount(appConfig([
      component(1, "paramviewer", {
        value: {
          number: { type: "int | float", description: "The number to **round**", default: null },
          ndigits: { type: "int", description: "Digits to keep", default: "0" },
        },
        header: "Parameters",
      }),
    ]));
    await expect(page.getByRole("heading", { name: "Parameters" })).toBeVisible();
    await expect(page.locator("summary")).toHaveText(["number: int | float", "ndigits: int = 0"]);
    await expect(page.getByText("Digits to keep")).toBeHidden();
    await page.getByRole("button", { name: "Open all" }).click();
    await expect(page.getByText("Digits to keep")).toBeVisible();
    await expect(page.locator(".pagelet-paramviewer-description strong")).toHaveText("round");
    await expect(page.getByRole("button", { name: "Close all" })).toBeVisible();
  });
});
