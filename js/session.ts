import { Events } from "./events";
import type { FileAccess } from "./files";
import type { ServerCalls } from "./server-calls";
import type { AppConfig, ClientMessage, ProgressMessage, Props, RenderMessage, StatusMessage, Update } from "./protocol";
import { StatusIndicator } from "./status";
import { Store } from "./store";
import { ComponentTree } from "./tree";
import { errorText } from "./errors";

/**
 * One rendered config: its store, its views and its running events, wired
 * together. The app replaces the whole session when a new config arrives.
 */
export class Session {
  readonly #store: Store;
  readonly #tree: ComponentTree;
  readonly #events: Events;
  readonly #root: number;
  readonly #report: (message: string) => void;

  private constructor(config: AppConfig, store: Store, tree: ComponentTree, events: Events, report: (message: string) => void) {
    this.#store = store;
    this.#tree = tree;
    this.#events = events;
    this.#root = config.root;
    this.#report = report;
  }

  /** Build the views for `config`; listeners are not run until `start()`. */
  static async create(
    config: AppConfig,
    send: (message: ClientMessage) => void,
    report: (message: string) => void,
    files?: FileAccess,
    stopAfterMs?: number,
    serverCalls?: ServerCalls,
  ): Promise<Session> {
    const store = new Store(config.components);
    let tree: ComponentTree | null = null;
    const events = new Events({
      dependencies: config.dependencies,
      send,
      // The core keeps State per session; the host never sends it.
      inputValue: (id) => (store.type(id) === "state" ? null : store.value(id)),
      status: new StatusIndicator((id) => tree?.elementOf(id) ?? null),
      onSendError: (error) => report(`Could not reach the app: ${errorText(error)}`),
      ...(stopAfterMs !== undefined ? { stopAfterMs } : {}),
    });
    store.subscribe(({ id, changed, origin }) => {
      if (origin === "server") tree?.refresh(id);
      // Gradio semantics: `change` follows every new value, typed or sent by the core.
      if (Object.hasOwn(changed, "value")) events.trigger(id, "change");
    });
    const emit = (id: number, event: string, eventData?: Record<string, unknown>): void => {
      // Nothing a view reports while it is still being built is a person's action.
      if (tree === null) return;
      // Take the view's value first, so listeners (and `change`) see what the person did.
      const value = tree.valueOf(id);
      if (value !== undefined) store.set(id, { value }, "user");
      if (event !== "change") events.trigger(id, event, eventData);
    };
    tree = await ComponentTree.build({ config, store, emit, report, ...(files ? { files } : {}), ...(serverCalls ? { serverCalls } : {}) });
    return new Session(config, store, tree, events, report);
  }

  /** The app's element (null for an empty layout). */
  get element(): HTMLElement | null {
    return this.#tree.element;
  }

  /** Every component's value, as the page shows it now. */
  values(): Iterable<unknown> {
    return this.#store.values();
  }

  /** Run the `load` listeners: the app is on the page. */
  start(): void {
    this.#events.trigger(this.#root, "load");
  }

  /** Merge each update of run `eventId` into the store; views and `change` listeners follow. */
  apply(updates: readonly Update[], eventId?: string): void {
    if (eventId !== undefined) this.#events.streamed(eventId, updates.map((update) => update.id));
    for (const update of updates) {
      if (!this.#store.has(update.id)) {
        this.#report(`Invalid message from the app: update for unknown component ${update.id}`);
        continue;
      }
      const props: Props = { ...(update.props ?? {}) };
      if (Object.hasOwn(update, "value")) props.value = update.value;
      this.#store.set(update.id, props, "server");
    }
  }

  status(message: StatusMessage): void {
    this.#events.status(message);
  }

  /** A `@gr.render` column was rebuilt: new components, new listeners, the old ones gone. */
  async render(message: RenderMessage): Promise<void> {
    // Checked before anything changes: a refused render must not retire the app's listeners.
    const refusal = message.layout.id === message.id ? this.#tree.renderRefusal(message.id) : `render for block ${message.id} with a layout for ${message.layout.id}`;
    if (refusal !== null) {
      this.#report(`Invalid message from the app: ${refusal}`);
      return;
    }
    this.#store.add(message.components);
    this.#events.retire(message.retired);
    await this.#tree.replace(message.layout);
    this.#events.add(message.dependencies);
  }

  progress(message: ProgressMessage): void {
    this.#events.progress(message);
  }

  /** The core reported an error for run `eventId`: it is over. */
  fail(eventId: string): void {
    this.#events.fail(eventId);
  }

  destroy(): void {
    this.#tree.destroy();
  }
}
