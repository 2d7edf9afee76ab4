import { Events } from "./events";
import type { FileAccess } from "./files";
import type { ServerCalls } from "./server-calls";
import type { AppConfig, ClientMessage, EventMessage, LayoutNode, ProgressMessage, Props, RenderMessage, StatusMessage, Update } from "./protocol";
import { StatusIndicator } from "./status";
import { Store } from "./store";
import { ComponentTree } from "./tree";
import { errorText } from "./errors";
import type { RecordedCall } from "./api-recorder";
import type { ReportLevel } from "./toast";
import { findNode, replaceNode, withKeptValues } from "./render-merge";

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
  /** The layout on the page, with each `@gr.render` rebuild in place: the next rebuild matches against it. */
  #layout: LayoutNode;

  private constructor(config: AppConfig, store: Store, tree: ComponentTree, events: Events, report: (message: string) => void) {
    this.#layout = config.layout;
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
    report: (message: string, level?: ReportLevel) => void,
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
      // As in Gradio, editing a field a validator refused takes its message away until the next run.
      if (event === "input" && typeof store.props(id).validation_error === "string") {
        store.set(id, { validation_error: null }, "user");
        tree.refresh(id);
      }
      if (event !== "change") events.trigger(id, event, eventData);
    };
    tree = await ComponentTree.build({ config, store, emit, report, ...(files ? { files } : {}), ...(serverCalls ? { serverCalls } : {}) });
    return new Session(config, store, tree, events, report);
  }

  /** The app's element (null for an empty layout). */
  get element(): HTMLElement | null {
    return this.#tree.element;
  }

  /** Component `id`'s value, as the page shows it now. */
  valueOf(id: number): unknown {
    return this.#store.value(id);
  }

  /** Every component's value, as the page shows it now. */
  values(): Iterable<unknown> {
    return this.#store.values();
  }

  /**
   * Event message `message`, which this session sent, as a client's call to
   * its endpoint (State inputs left out, as a client does not send them);
   * null for a message this session did not send.
   */
  endpointCall(message: EventMessage): RecordedCall | null {
    const dependency = this.#events.dependencyOf(message.event_id);
    if (dependency === undefined) return null;
    const values = message.data.filter((_, index) => {
      const input = dependency.inputs[index];
      return input === undefined || this.#store.type(input) !== "state";
    });
    return { apiName: dependency.api_name, values };
  }

  /** Run the `load` listeners: the app is on the page. */
  start(): void {
    this.#events.trigger(this.#root, "load");
  }

  /** Merge each update of run `eventId` into the store; views and `change` listeners follow. */
  apply(updates: readonly Update[], eventId?: string): void {
    if (eventId !== undefined) this.#events.streamed(eventId, updates.map((update) => update.id));
    this.#events.together(() => {
      for (const update of updates) {
        if (!this.#store.has(update.id)) {
          this.#report(`Invalid message from the app: update for unknown component ${update.id}`);
          continue;
        }
        const props: Props = { ...(update.props ?? {}) };
        if (Object.hasOwn(update, "value")) props.value = update.value;
        this.#store.set(update.id, props, "server");
      }
    });
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
    const old = findNode(this.#layout, message.id);
    const store = this.#store;
    const shown = { has: (id: number) => store.has(id), type: (id: number) => store.type(id), value: (id: number) => store.value(id) };
    this.#store.add(old === null ? message.components : withKeptValues(old, message.layout, message.components, shown));
    this.#layout = replaceNode(this.#layout, message.layout);
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
