import { mountApp, register, type AppHandle } from "../../../js/index";
import { parseServerMessage, ProtocolError, type ClientMessage, type ServerMessage } from "../../../js/protocol";
import type { Transport } from "../../../js/transport/transport";
import type { Harness } from "./api";

/** An in-page transport: tests play the core by pushing messages and reading what was sent. */
class FakeTransport implements Transport {
  readonly sent: ClientMessage[] = [];
  /** Byte counts of what went with each sent message (0: none). */
  readonly sentBytes: number[] = [];
  #onMessage: ((message: ServerMessage, data?: ArrayBuffer) => void) | null = null;
  #onInvalid: ((reason: string) => void) | null = null;

  send(message: ClientMessage, data?: ArrayBuffer): void {
    this.sentBytes.push(data?.byteLength ?? 0);
    // A copy, as a real channel would serialize it.
    this.sent.push(JSON.parse(JSON.stringify(message)) as ClientMessage);
  }

  listen(onMessage: (message: ServerMessage, data?: ArrayBuffer) => void, onInvalid: (reason: string) => void): void {
    this.#onMessage = onMessage;
    this.#onInvalid = onInvalid;
  }

  close(): void {
    this.#onMessage = null;
    this.#onInvalid = null;
  }

  /** Validate exactly as the real transports do. */
  push(raw: unknown, data?: ArrayBuffer): void {
    let message: ServerMessage;
    try {
      message = parseServerMessage(raw);
    } catch (error) {
      this.#onInvalid?.(error instanceof ProtocolError ? error.message : String(error));
      return;
    }
    this.#onMessage?.(message, data);
  }
}

// A renderer that fails on demand, to show the app survives a broken component.
register("explode", async () => (context) => {
  const element = document.createElement("output");
  element.setAttribute("aria-label", `explode ${context.id}`);
  return {
    element,
    update(props) {
      if (props.value === "boom") throw new Error("the renderer blew up");
      element.textContent = String(props.value);
    },
    getValue: () => element.textContent,
  };
});

const root = document.getElementById("root");
if (!root) throw new Error("harness page has no #root");

let transport = new FakeTransport();
let app: AppHandle | null = null;
const fatals: { message: string; traceback?: string }[] = [];
let renders = 0;

const harness: Harness = {
  mount(options = {}) {
    app?.destroy();
    transport = new FakeTransport();
    app = mountApp(
      root,
      transport,
      {
        ...(options.fatalCallback
          ? { onFatal: (message: string, traceback?: string) => fatals.push({ message, traceback }), onRender: () => (renders += 1) }
          : {}),
        ...(options.stopAfterMs !== undefined ? { stopAfterMs: options.stopAfterMs } : {}),
        ...(options.serverApi !== undefined ? { api: async () => ({ kind: "server" as const, ...options.serverApi! }) } : {}),
      },
    );
  },
  push: (message, bytes) => transport.push(message, bytes ? new Uint8Array(bytes).buffer : undefined),
  sentBytes: () => transport.sentBytes,
  sent: () => transport.sent,
  clearSent: () => {
    transport.sent.length = 0;
  },
  async ready() {
    if (!app) return "not mounted";
    try {
      await app.ready;
      return "ready";
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  },
  fatals: () => fatals,
  renders: () => renders,
  destroy() {
    app?.destroy();
    app = null;
  },
};

window.harness = harness;
