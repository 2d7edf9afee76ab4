import { test as base, expect, type Page } from "@playwright/test";
import type { AppConfig, CancelMessage, ClientMessage, ComponentConfig, Dependency, EventMessage, LayoutNode, Props, Stage, Update } from "../../js/protocol";
import type {} from "./harness/api";
import { HARNESS_DIST } from "./paths";
import coreConfigs from "./core-configs.json" with { type: "json" };

const ORIGIN = "http://pagelet.test";
export const ROOT_ID = 0;

/**
 * What the Python core sends, written by `scripts/gen_host_fixtures.py`: each
 * component type's props with Gradio's defaults, each event's dependency
 * entry, and whole configs of small apps. The helpers below start from these,
 * so a host test renders what a real app sends.
 */
const fromCore = coreConfigs as unknown as {
  components: Record<string, Props>;
  dependencies: Record<string, Omit<Dependency, "id" | "targets" | "inputs" | "outputs" | "trigger_after" | "api_name">>;
  apps: Record<string, AppConfig>;
};

/** A config the core produced for one of the small apps in `scripts/gen_host_fixtures.py`. */
export function coreApp(name: "hello" | "counter"): AppConfig {
  const app = fromCore.apps[name];
  if (app === undefined) throw new Error(`no core config for app ${name}`);
  return structuredClone(app);
}

// A type the core never sends (a host-only test of an unknown renderer) gets only what every block carries.
const BLOCK_PROPS: Props = { visible: true, interactive: true, show_label: true };

/** A component for a config: the core's props for `type`, then `props`. */
export function component(id: number, type: string, props: Props = {}): ComponentConfig {
  return { id, type, props: { ...structuredClone(fromCore.components[type] ?? BLOCK_PROPS), ...props } };
}

/**
 * A dependency as the core makes it for a listener of the first target's event
 * (a `.then` step when there are no targets), then `fields`.
 */
export function dependency(id: number, fields: Partial<Dependency> & { targets: [number, string][] }): Dependency {
  const event = fields.targets[0]?.[1] ?? "then";
  const defaults = fromCore.dependencies[event];
  if (defaults === undefined) throw new Error(`scripts/gen_host_fixtures.py makes no listener of ${event}: add it there`);
  return {
    id,
    inputs: [],
    outputs: [],
    api_name: null,
    trigger_after: null,
    ...structuredClone(defaults),
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
