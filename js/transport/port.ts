import { parseServerMessage, ProtocolError, type ClientMessage, type ServerMessage } from "../protocol";
import type { Transport } from "./transport";

/**
 * A message with bytes beside it, as it crosses the port: the JSON stays a
 * string and the bytes an `ArrayBuffer`, transferred rather than copied.
 */
export interface BinaryEnvelope {
  json: string;
  bytes: ArrayBuffer;
}

export function isBinaryEnvelope(value: unknown): value is BinaryEnvelope {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.json === "string" && record.bytes instanceof ArrayBuffer;
}

/**
 * A transport over a `MessagePort` whose other end is the core's bridge in a
 * worker. The core sends JSON strings, or envelopes when bytes come along;
 * they are parsed and validated here.
 */
export class PortTransport implements Transport {
  readonly #port: MessagePort;

  constructor(port: MessagePort) {
    this.#port = port;
  }

  send(message: ClientMessage, data?: ArrayBuffer): void {
    const json = JSON.stringify(message);
    if (data === undefined) this.#port.postMessage(json);
    else this.#port.postMessage({ json, bytes: data } satisfies BinaryEnvelope, [data]);
  }

  listen(onMessage: (message: ServerMessage, data?: ArrayBuffer) => void, onInvalid: (reason: string) => void): void {
    this.#port.onmessage = (event: MessageEvent<unknown>) => {
      const envelope = isBinaryEnvelope(event.data) ? event.data : null;
      let message: ServerMessage;
      try {
        message = parseServerMessage(envelope ? envelope.json : event.data);
      } catch (error) {
        onInvalid(error instanceof ProtocolError ? error.message : String(error));
        return;
      }
      if (envelope) onMessage(message, envelope.bytes);
      else onMessage(message);
    };
    this.#port.start();
  }

  close(): void {
    this.#port.onmessage = null;
    this.#port.close();
  }
}
