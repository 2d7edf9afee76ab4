/**
 * The page's side of the control requests (`lite/control-messages.ts`), and
 * the events an app's container fires for the JS API (`lite/controller.ts`).
 */
import { isControlReply, type ControlBody, type ControlRequest } from "./control-messages";

/** Fired (not bubbling) from an app's container for each line its Python prints. */
export const OUTPUT_EVENT = "pagelet-output";
export interface OutputDetail {
  stream: "stdout" | "stderr";
  text: string;
}

/** Fired (not bubbling) from an app's container when the app cannot run; also shown in it. */
export const ERROR_EVENT = "pagelet-error";
export interface ErrorDetail {
  message: string;
  /** Python's traceback, with the app's file names and line numbers, when Python raised. */
  traceback?: string;
  /** True when the app's Python raised (a later run may recover); false when the runtime failed. */
  python: boolean;
}

/** A request the worker refused or that failed there, with Python's traceback when it raised. */
export class AppRequestError extends Error {
  override name = "AppRequestError";
  constructor(message: string, readonly traceback?: string) {
    super(message);
  }
}

/** Send one control request to the worker; resolves when it is done, rejects with an `AppRequestError`. */
export function sendControl(worker: Worker, body: ControlBody): Promise<void> {
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
