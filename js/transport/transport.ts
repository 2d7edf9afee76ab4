import type { ClientMessage, ServerMessage } from "../protocol";

/**
 * How the host talks to a Python core. The host never knows which one it has:
 * a web worker running Pyodide, or a server over a WebSocket.
 */
export interface Transport {
  /** Send one message to the core. */
  send(message: ClientMessage): void;
  /**
   * Register the one receiver of core messages. Messages that fail validation
   * reach `onInvalid` instead, with the reason, and never the receiver.
   */
  listen(onMessage: (message: ServerMessage) => void, onInvalid: (reason: string) => void): void;
  /** Stop delivering messages and release the channel. */
  close(): void;
}
