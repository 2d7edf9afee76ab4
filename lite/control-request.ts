/**
 * The page's side of the control requests (`lite/control-messages.ts`). A lazy
 * chunk: a page whose script never changes its app does not load it.
 */
import type { ControlBody, ControlReply, ControlRequest } from "./control-messages";
import type { AppWorker } from "./shared-worker-client";

/** A request the worker refused or that failed there, with Python's traceback when it raised. */
export class AppRequestError extends Error {
  override name = "AppRequestError";
  constructor(message: string, readonly traceback?: string) {
    super(message);
  }
}

/** Send one control request to the worker; resolves when it is done, rejects with an `AppRequestError`. */
export function sendControl(worker: Pick<AppWorker, "postMessage">, body: ControlBody): Promise<void> {
  const channel = new MessageChannel();
  return new Promise<void>((resolve, reject) => {
    channel.port1.onmessage = (event: MessageEvent<unknown>) => {
      channel.port1.close();
      const reply = event.data;
      if (!isControlReply(reply)) reject(new AppRequestError("The worker sent a malformed reply"));
      else if (reply.ok) resolve();
      else reject(new AppRequestError(reply.message, reply.traceback));
    };
    const request = { ...body, port: channel.port2 } as ControlRequest;
    worker.postMessage(request, [channel.port2]);
  });
}

/** True for a reply as the worker sends it. */
function isControlReply(data: unknown): data is ControlReply {
  if (typeof data !== "object" || data === null) return false;
  const record = data as Record<string, unknown>;
  if (record.ok === true) return true;
  const traceback = record.traceback;
  return record.ok === false && typeof record.message === "string" && (traceback === undefined || typeof traceback === "string");
}

