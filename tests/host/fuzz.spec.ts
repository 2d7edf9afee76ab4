import { appConfig, component, dependency, expect, test, type Core } from "./fixtures";
import type { AppConfig } from "../../js/protocol";

/**
 * A core that sends nonsense: malformed messages, well-formed messages with
 * values of every wrong type for every kind of component, unknown ids,
 * statuses out of order, bogus configs. The page never throws (the fixture
 * fails the test on any page error), says what was wrong in a toast, and
 * the app answers a click afterwards. Deterministic: a seeded generator.
 */

// How many messages each test pushes; the report's figure is their sum.
const MESSAGES_PER_SEED = 1000;
const SEEDS = [1, 2, 3];

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function deep(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i += 1) value = [value];
  return value;
}

// Values no component expects, and values meant for another kind of component.
const WEIRD: unknown[] = [
  null, true, false, 0, -1, 1e308, -1e308, 2 ** 53 + 1, 3.5, "", "x".repeat(20_000), "<img src=x onerror=__xss()>",
  "javascript:__xss()", [], [[]], [null], [1, "a", {}], {}, { path: 5 }, { path: "a.png", url: "javascript:__xss()" },
  { path: "b.png", url: null, orig_name: "<b>b</b>.png" }, { headers: 5, data: "x" }, { headers: ["a"], data: [[1], [2, 3], null] },
  { label: {}, confidences: "x" }, { label: "a", confidences: [{ label: null, confidence: "high" }] }, { text: 5, files: "x" },
  [{ token: null, class_or_confidence: {} }], [{ role: "user", content: {} }], [{ role: 5 }], [{ image: 5, caption: {} }],
  { type: "matplotlib", plot: 5 }, { type: "altair", plot: "{" }, { x: "a", y: "b", data: 5 }, { image: null, boxes: "x" },
  [["a"]], ["a", "b"], "#zzzzzz", "not a date", deep(2000), Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i])),
];
const PROP_NAMES = ["value", "label", "visible", "interactive", "choices", "minimum", "maximum", "step", "headers", "lines",
  "placeholder", "info", "columns", "height", "language", "color_map", "num_top_classes", "selected", "open", "variant", "x", "y"];
const TYPES = ["textbox", "number", "slider", "checkbox", "checkboxgroup", "radio", "dropdown", "markdown", "html", "json",
  "label", "dataframe", "chatbot", "gallery", "file", "image", "audio", "video", "highlightedtext", "annotatedimage", "code",
  "colorpicker", "datetime", "dataset", "lineplot", "plot", "multimodaltextbox", "accordion", "tabs", "timer", "nonsense"];
const BUTTON = 100;
const OUTPUT = 101;

const everyKind: AppConfig = appConfig(
  [
    ...TYPES.map((type, index) => component(index + 1, type, { label: `${type} field`, value: null, choices: [["A", "a"]] })),
    component(BUTTON, "button", { value: "Ask" }),
    component(OUTPUT, "textbox", { label: "Answer", value: "" }),
  ],
  [dependency(0, { targets: [[BUTTON, "click"]], inputs: [1], outputs: [OUTPUT] })],
);

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function weirdProps(random: () => number): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (let i = Math.floor(random() * 4); i > 0; i -= 1) props[pick(random, PROP_NAMES)] = pick(random, WEIRD);
  return props;
}

/** One message a broken core might send. */
function message(random: () => number): unknown {
  const id = random() < 0.9 ? 1 + Math.floor(random() * (TYPES.length + 2)) : pick(random, [0, 999, -1, 1.5, "1", null]);
  const eventId = pick(random, ["e1", "e2", "", "never-sent", 5, null]);
  switch (Math.floor(random() * 12)) {
    case 0:
      return pick(random, WEIRD);
    case 1:
      return { v: pick(random, [0, 2, "1", null]), type: "update", event_id: "e1", updates: [] };
    case 2:
      return { v: 1, type: pick(random, ["launch", "", null, 7, "config"]), config: pick(random, WEIRD) };
    case 3:
      return { v: 1, type: "update", event_id: eventId, updates: pick(random, WEIRD) };
    case 4:
    case 5:
    case 6:
      // Well-formed updates with wrong values: these reach the renderers.
      return { v: 1, type: "update", event_id: "e1", updates: [{ id, value: pick(random, WEIRD), props: weirdProps(random) }] };
    case 7:
      return { v: 1, type: "status", event_id: eventId, stage: pick(random, ["pending", "running", "done", "error", "exploded"]), message: pick(random, WEIRD) };
    case 8:
      return { v: 1, type: "progress", event_id: eventId, progress: { fraction: pick(random, [0.5, -1, 2, null, "half"]), desc: pick(random, WEIRD), index: pick(random, [1, null, "x"]), length: 3, unit: "steps" } };
    case 9:
      return { v: 1, type: "alert", level: pick(random, ["info", "warning", "error", "fatal"]), title: pick(random, WEIRD), message: pick(random, WEIRD), duration: pick(random, [null, 0, -5, 1e308, "x"]) };
    case 10:
      return { v: 1, type: "render", event_id: "e1", id: pick(random, [1, 999, 0]), components: [component(500 + Math.floor(random() * 5), pick(random, TYPES), weirdProps(random))], layout: { id: pick(random, [1, 999, 0]), children: [{ id: 500 }, { id: 12345 }] }, dependencies: [], retired: pick(random, [[], [0], [99], "x"]) };
    default:
      return pick(random, [
        { v: 1, type: "uploaded", upload_id: "nobody", file: { path: "x" } },
        { v: 1, type: "uploaded", upload_id: "nobody", error: "no" },
        { v: 1, type: "file", path: "a.png", mime_type: "image/png" },
        { v: 1, type: "error", message: pick(random, WEIRD) },
        { v: 1, type: "error", message: "broken", event_id: "never-sent" },
        { v: 1, type: "download", filename: "<x>.csv", mime: "text/csv", text: pick(random, WEIRD) },
      ]);
  }
}

async function pushAll(core: Core, messages: unknown[]): Promise<void> {
  // As JSON text, as the worker's port and the socket deliver them (deep nesting included);
  // many per round trip, so that the run stays short.
  const texts = messages.map((item) => JSON.stringify(item));
  for (let start = 0; start < texts.length; start += 100) {
    await core.page.evaluate((batch) => {
      for (const item of batch) window.harness.push(item);
    }, texts.slice(start, start + 100));
  }
}

async function stillAnswers(core: Core): Promise<void> {
  const { page } = core;
  await core.clear();
  await page.getByRole("button", { name: "Ask" }).click();
  const [run] = await core.expectEvents(1);
  await core.answer(run?.event_id ?? "", [{ id: OUTPUT, value: "still here" }]);
  await expect(page.getByLabel("Answer", { exact: true })).toHaveValue("still here");
}

// What no message may leave behind: script URLs or handlers in the page.
async function findings(core: Core): Promise<string[]> {
  return core.page.evaluate(() =>
    [...document.querySelectorAll("#root *")].flatMap((element) =>
      [...element.attributes]
        .filter((attribute) => attribute.name.startsWith("on") || (/^(href|src|action|formaction|xlink:href|poster|data)$/.test(attribute.name) && /^\s*javascript:/i.test(attribute.value)))
        .map((attribute) => `${element.localName} ${attribute.name}=${attribute.value.slice(0, 60)}`),
    ),
  );
}

for (const seed of SEEDS) {
  test(`a core sending ${MESSAGES_PER_SEED} malformed messages (seed ${seed}) breaks nothing`, async ({ core, page }) => {
    await page.addInitScript(() => {
      (window as unknown as { __xss: () => void }).__xss = () => {
        throw new Error("a message ran script");
      };
    });
    await core.mount(everyKind);
    const random = generator(seed);
    await pushAll(core, Array.from({ length: MESSAGES_PER_SEED }, () => message(random)));
    // The errors were said where a person looks, and the flood did not bury the app.
    await expect(page.getByRole("alert").filter({ hasText: /Invalid message from the app|Could not apply a message/ }).first()).toBeVisible();
    expect(await page.locator(".pagelet-toast").count()).toBeLessThanOrEqual(5);
    expect(await findings(core)).toEqual([]);
    await stillAnswers(core);
  });
}

test("bogus configs are refused or rendered, and a good one afterwards works", async ({ core, page }) => {
  await core.mount(everyKind);
  const random = generator(99);
  const configs: unknown[] = [];
  for (let i = 0; i < 100; i += 1) {
    const broken = structuredClone(everyKind) as unknown as Record<string, unknown>;
    const field = pick(random, ["root", "components", "layout", "dependencies", "theme", "css", "max_file_size", "title"]);
    broken[field] = pick(random, WEIRD);
    if (random() < 0.3) broken.layout = { id: 0, children: [{ id: 4242 }, { id: 1, children: [{ id: 1 }] }] };
    if (random() < 0.3) broken.dependencies = [dependency(0, { targets: [[4242, "click"]], inputs: [4242], outputs: [4343] })];
    configs.push({ v: 1, type: "config", config: broken });
  }
  await pushAll(core, configs);
  await core.push({ v: 1, type: "config", config: everyKind });
  await stillAnswers(core);
});

test("a file whose url is a script is listed by name and never linked to it", async ({ core, page }) => {
  await core.mount(appConfig([component(1, "file", { label: "Report", value: null }), component(2, "image", { label: "Photo", value: null })]));
  await core.update("e1", [
    { id: 1, value: { path: "/tmp/report.txt", orig_name: "report.txt", url: "javascript:__xss()" } },
    { id: 2, value: { path: "/tmp/photo.png", orig_name: "photo.png", url: "javascript:__xss()" } },
  ]);
  await expect(page.getByText("report.txt")).toBeVisible();
  await expect(page.locator('[href^="javascript"], [src^="javascript"]')).toHaveCount(0);
});
