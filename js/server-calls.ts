import { PROTOCOL_VERSION, type CalledMessage, type ClientMessage } from "./protocol";

/** How a renderer calls a Python function its component offers (gr.HTML's `server_functions`). */
export type CallServer = (name: string, args: readonly unknown[]) => Promise<unknown>;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * The host's end of server function calls: each `call` message waits for the
 * core's `called` answer with the same id, which settles its promise.
 */
export class ServerCalls {
  readonly #send: (message: ClientMessage) => void;
  readonly #pending = new Map<string, Pending>();
  #count = 0;

  constructor(send: (message: ClientMessage) => void) {
    this.#send = send;
  }

  /** The call function for component `componentId`. */
  forComponent(componentId: number): CallServer {
    return (name, args) =>
      new Promise((resolve, reject) => {
        this.#count += 1;
        const callId = `call-${this.#count}`;
        this.#pending.set(callId, { resolve, reject });
        try {
          this.#send({ v: PROTOCOL_VERSION, type: "call", call_id: callId, component_id: componentId, name, args: [...args] });
        } catch (error) {
          this.#pending.delete(callId);
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
  }

  /** The core's answer to a call. */
  called(message: CalledMessage): void {
    const pending = this.#pending.get(message.call_id);
    if (!pending) return;
    this.#pending.delete(message.call_id);
    if (message.error !== undefined) pending.reject(new Error(message.error));
    else pending.resolve(message.value);
  }

  /** The app went: no answer will come. */
  destroy(): void {
    for (const pending of this.#pending.values()) pending.reject(new Error("The app was closed."));
    this.#pending.clear();
  }
}
