import { test as base, expect, type Page } from "@playwright/test";
import type { AppConfig, CancelMessage, ClientMessage, ComponentConfig, Dependency, EventMessage, LayoutNode, Props, Stage, Update } from "../../js/protocol";
import type {} from "./harness/api";
import { HARNESS_DIST } from "./paths";

const ORIGIN = "http://pagelet.test";
export const ROOT_ID = 0;

/** A component for a config. */
export function component(id: number, type: string, props: Props = {}): ComponentConfig {
  return { id, type, props: { visible: true, interactive: true, show_label: true, ...props } };
}

/** A `FileData` value as the core sends it (a text file, no URL). */
export function fileData(path: string, name: string) {
  return { path, orig_name: name, size: 3, mime_type: "text/plain", url: null, meta: { _type: "gradio.FileData" } };
}

/** A dependency with Gradio's defaults; `targets` as `[id, event]` pairs. */
export function dependency(id: number, fields: Partial<Dependency> & { targets: [number, string][] }): Dependency {
  return {
    id,
    inputs: [],
    outputs: [],
    api_name: null,
    trigger_after: null,
    trigger_only_on_success: false,
    queue: true,
    show_progress: "full",
    ...fields,
  };
}

/** A config; the layout defaults to every component in order under the root. */
export function appConfig(components: ComponentConfig[], dependencies: Dependency[] = [], layout?: LayoutNode[]): AppConfig {
  return {
    title: "Test app",
    root: ROOT_ID,
    css: null,
    components,
    layout: { id: ROOT_ID, children: layout ?? components.map(({ id }) => ({ id })) },
    dependencies,
  };
}

/** Plays the core's side of the protocol against the harness page. */
export class Core {
  constructor(readonly page: Page) {}

  async mount(config: AppConfig, options: { fatalCallback?: boolean; stopAfterMs?: number } = {}): Promise<void> {
    await this.page.evaluate((opts) => window.harness.mount(opts), options);
    await this.push({ v: 1, type: "config", config });
    expect(await this.page.evaluate(() => window.harness.ready())).toBe("ready");
  }

  async push(message: unknown, bytes?: number[]): Promise<void> {
    await this.page.evaluate(([m, b]) => window.harness.push(m, b), [message, bytes] as const);
  }

  /** Every message sent so far, uploads included. */
  async sent(): Promise<unknown[]> {
    return this.page.evaluate(() => window.harness.sent());
  }

  /** The `event` messages sent so far. */
  async events(): Promise<EventMessage[]> {
    const sent: ClientMessage[] = await this.page.evaluate(() => window.harness.sent());
    return sent.filter((message): message is EventMessage => message.type === "event");
  }

  /** The `cancel` messages sent so far. */
  async cancels(): Promise<CancelMessage[]> {
    const sent: ClientMessage[] = await this.page.evaluate(() => window.harness.sent());
    return sent.filter((message): message is CancelMessage => message.type === "cancel");
  }

  /** Wait until exactly `count` events were sent, then return them. */
  async expectEvents(count: number): Promise<EventMessage[]> {
    await expect.poll(async () => (await this.events()).length).toBe(count);
    return this.events();
  }

  /** The events as `[fn, data]` pairs: what a test usually asserts. */
  async calls(): Promise<[number, unknown[]][]> {
    return (await this.events()).map((event) => [event.fn, event.data]);
  }

  async clear(): Promise<void> {
    await this.page.evaluate(() => window.harness.clearSent());
  }

  async status(eventId: string, stage: Stage, message?: string): Promise<void> {
    await this.push({ v: 1, type: "status", event_id: eventId, stage, ...(message === undefined ? {} : { message }) });
  }

  async update(eventId: string, updates: Update[]): Promise<void> {
    await this.push({ v: 1, type: "update", event_id: eventId, updates });
  }

  /** Answer a run the way the core does: running, the updates, done. */
  async answer(eventId: string, updates: Update[], stage: Stage = "done"): Promise<void> {
    await this.status(eventId, "running");
    if (updates.length > 0) await this.update(eventId, updates);
    await this.status(eventId, stage);
  }
}

export const test = base.extend<{ core: Core }>({
  core: async ({ page }, use) => {
    // Nothing leaves the browser: the harness is served from the build on disk.
    await page.route("**/*", async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== ORIGIN) return route.abort();
      const path = url.pathname === "/" ? "/index.html" : url.pathname;
      try {
        await route.fulfill({ path: HARNESS_DIST + decodeURIComponent(path).replace(/^\/+/, "") });
      } catch {
        await route.fulfill({ status: 404, body: "not found" });
      }
    });
    const errors: Error[] = [];
    page.on("pageerror", (error) => errors.push(error));
    await page.goto(`${ORIGIN}/index.html`);
    await page.waitForFunction(() => window.harness !== undefined);
    await use(new Core(page));
    // Whatever a test did, the page must not have thrown.
    expect(errors.map((error) => error.message)).toEqual([]);
  },
});

export { expect };
