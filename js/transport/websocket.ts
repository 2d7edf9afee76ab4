import type { ClientMessage, ServerMessage } from "../protocol";
import { validating, type Transport } from "./transport";

export interface WebSocketTransportOptions {
  /** The connection ended without `close()` being called: the server went away. */
  onDisconnect?: () => void;
}

/**
 * A transport over a WebSocket to the server adapter (`py/pagelet/server/`).
 * Messages sent before the socket opens wait for it; the server sends the
 * config as soon as it accepts the connection.
 */
export class WebSocketTransport implements Transport {
  readonly #socket: WebSocket;
  readonly #waiting: string[] = [];
  #closing = false;

  constructor(url: string, options: WebSocketTransportOptions = {}) {
    this.#socket = new WebSocket(url);
    this.#socket.addEventListener("open", () => {
      for (const text of this.#waiting.splice(0)) this.#socket.send(text);
    });
    this.#socket.addEventListener("close", () => {
      if (!this.#closing) options.onDisconnect?.();
    });
  }

  send(message: ClientMessage): void {
    const text = JSON.stringify(message);
    if (this.#socket.readyState === WebSocket.CONNECTING) this.#waiting.push(text);
    else if (this.#socket.readyState === WebSocket.OPEN) this.#socket.send(text);
    else throw new Error("the connection to the server is closed; reload the page");
  }

  listen(onMessage: (message: ServerMessage) => void, onInvalid: (reason: string) => void): void {
    const receive = validating(onMessage, onInvalid);
    this.#socket.onmessage = (event: MessageEvent<unknown>) => receive(event.data);
  }

  close(): void {
    this.#closing = true;
    this.#socket.onmessage = null;
    this.#socket.close();
  }
}
