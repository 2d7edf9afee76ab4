import type { AlertMessage, ClientMessage, ServerMessage } from "../js/protocol";
import type { Transport } from "../js/transport/transport";

/** What lite watches in the app's traffic: cancels going out, statuses coming back. */
export interface Tap {
  sent(message: ClientMessage): void;
  received(message: ServerMessage): void;
}

/**
 * The host's transport with lite listening in, so that the runtime can act on
 * the app's traffic (stop a stuck run, save the persist folder when an event
 * ends) without the host knowing anything of workers.
 */
export class TappedTransport implements Transport {
  readonly #inner: Transport;
  readonly #tap: Tap;
  #deliver: ((message: ServerMessage) => void) | undefined;
  /** The protocol version the core speaks (lite.js does not import the protocol module: it is the host's). */
  #version: ServerMessage["v"] | undefined;

  constructor(inner: Transport, tap: Tap) {
    this.#inner = inner;
    this.#tap = tap;
  }

  send(message: ClientMessage, data?: ArrayBuffer): void {
    this.#tap.sent(message);
    if (data === undefined) this.#inner.send(message);
    else this.#inner.send(message, data);
  }

  listen(onMessage: (message: ServerMessage, data?: ArrayBuffer) => void, onInvalid: (reason: string) => void): void {
    this.#deliver = onMessage;
    this.#inner.listen((message, data) => {
      this.#version = message.v;
      this.#tap.received(message);
      if (data === undefined) onMessage(message);
      else onMessage(message, data);
    }, onInvalid);
  }

  /** Show a toast of lite's own (a notice after a restart), as if the core had sent it; once the core has spoken. */
  notify(alert: Omit<AlertMessage, "v" | "type">): void {
    if (this.#version !== undefined) this.#deliver?.({ ...alert, v: this.#version, type: "alert" });
  }

  close(): void {
    this.#inner.close();
  }
}
