import type { ClientMessage, ServerMessage } from "../protocol";
import { validating, type Transport } from "./transport";

/**
 * A transport over a `MessagePort` whose other end is the core's bridge in a
 * worker. The core sends JSON strings; they are parsed and validated here.
 */
export class PortTransport implements Transport {
  readonly #port: MessagePort;

  constructor(port: MessagePort) {
    this.#port = port;
  }

  send(message: ClientMessage): void {
    this.#port.postMessage(JSON.stringify(message));
  }

  listen(onMessage: (message: ServerMessage) => void, onInvalid: (reason: string) => void): void {
    const receive = validating(onMessage, onInvalid);
    this.#port.onmessage = (event: MessageEvent<unknown>) => receive(event.data);
    this.#port.start();
  }

  close(): void {
    this.#port.onmessage = null;
    this.#port.close();
  }
}
