import type { ClientMessage, ServerMessage } from "../protocol";
import { validating, type Transport } from "./transport";

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
    const receive = validating(onMessage, onInvalid);
    this.#port.onmessage = (event: MessageEvent<unknown>) => {
      // A message with bytes comes as {json, bytes}; every other one is a JSON string.
      if (isBinaryEnvelope(event.data)) receive(event.data.json, event.data.bytes);
      else receive(event.data);
    };
    this.#port.start();
  }

  close(): void {
    this.#port.onmessage = null;
    this.#port.close();
  }
}
