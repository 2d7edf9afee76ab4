import type { ClientMessage, ServerMessage } from "../protocol";
import { uploadOverHttp } from "./http-upload";
import { validating, type Transport } from "./transport";

export interface WebSocketTransportOptions {
  /** The connection ended without `close()` being called: the server went away. */
  onDisconnect?: () => void;
  /**
   * The server's Gradio API root (absolute, ending in `/`): an `upload` is
   * posted to its `upload` route rather than sent over the socket. Without
   * it, uploads are answered with an error.
   */
  apiUrl?: string;
}

/**
 * A transport over a WebSocket to the server adapter (`py/pagelet/server/`).
 * Messages sent before the socket opens wait for it; the server sends the
 * config as soon as it accepts the connection. File bytes go over HTTP: an
 * upload to the upload route, outputs fetched from the `url` the core gives.
 */
export class WebSocketTransport implements Transport {
  readonly #socket: WebSocket;
  readonly #waiting: string[] = [];
  readonly #apiUrl: string | undefined;
  #receive: ((data: unknown) => void) | null = null;
  #closing = false;

  constructor(url: string, options: WebSocketTransportOptions = {}) {
    this.#apiUrl = options.apiUrl;
    this.#socket = new WebSocket(url);
    this.#socket.addEventListener("open", () => {
      for (const text of this.#waiting.splice(0)) this.#socket.send(text);
    });
    this.#socket.addEventListener("close", () => {
      if (!this.#closing) options.onDisconnect?.();
    });
  }

  send(message: ClientMessage, data?: ArrayBuffer): void {
    if (message.type === "upload") {
      // Answered as the core would answer, so the host's upload flow is the same on every transport.
      void uploadOverHttp(this.#apiUrl, message, data).then((uploaded) => this.#receive?.(uploaded));
      return;
    }
    const text = JSON.stringify(message);
    if (this.#socket.readyState === WebSocket.CONNECTING) this.#waiting.push(text);
    else if (this.#socket.readyState === WebSocket.OPEN) this.#socket.send(text);
    else throw new Error("the connection to the server is closed; reload the page");
  }

  listen(onMessage: (message: ServerMessage) => void, onInvalid: (reason: string) => void): void {
    const receive = validating(onMessage, onInvalid);
    this.#receive = receive;
    this.#socket.onmessage = (event: MessageEvent<unknown>) => receive(event.data);
  }

  close(): void {
    this.#closing = true;
    this.#receive = null;
    this.#socket.onmessage = null;
    this.#socket.close();
  }
}
