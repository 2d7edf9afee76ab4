import { parseServerMessage, ProtocolError, type ClientMessage, type ServerMessage } from "../protocol";

/**
 * How the host talks to a Python core. The host never knows which one it has:
 * a web worker running Pyodide, or a server over a WebSocket.
 */
export interface Transport {
  /** Send one message to the core; `data` is the bytes of an `upload`, handed over (not copied) where the channel can. */
  send(message: ClientMessage, data?: ArrayBuffer): void;
  /**
   * Register the one receiver of core messages. Messages that fail validation
   * reach `onInvalid` instead, with the reason, and never the receiver.
   * `data` is the bytes next to a `file` message.
   */
  listen(onMessage: (message: ServerMessage, data?: ArrayBuffer) => void, onInvalid: (reason: string) => void): void;
  /** Stop delivering messages and release the channel. */
  close(): void;
}

/**
 * A receiver for raw messages from a core: validates each one and passes it
 * to `onMessage`, or the reason it is invalid to `onInvalid`.
 */
export function validating(
  onMessage: (message: ServerMessage, bytes?: ArrayBuffer) => void,
  onInvalid: (reason: string) => void,
): (data: unknown, bytes?: ArrayBuffer) => void {
  return (data, bytes) => {
    let message: ServerMessage;
    try {
      message = parseServerMessage(data);
    } catch (error) {
      onInvalid(error instanceof ProtocolError ? error.message : String(error));
      return;
    }
    if (bytes === undefined) onMessage(message);
    else onMessage(message, bytes);
  };
}
