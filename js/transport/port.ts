import { parseServerMessage, ProtocolError, type ClientMessage, type ServerMessage } from "../protocol";
import type { Transport } from "./transport";

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
    this.#port.onmessage = (event: MessageEvent<unknown>) => {
      let message: ServerMessage;
      try {
        message = parseServerMessage(event.data);
      } catch (error) {
        onInvalid(error instanceof ProtocolError ? error.message : String(error));
        return;
      }
      onMessage(message);
    };
    this.#port.start();
  }

  close(): void {
    this.#port.onmessage = null;
    this.#port.close();
  }
}
