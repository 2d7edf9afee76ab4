/**
 * Page → worker requests that change a running app: the JS API's `run_code`,
 * `run_file`, `write`, `rename`, `unlink` and `install` (see `lite/controller.ts`).
 *
 * Each request carries its own `MessagePort`; the worker answers on it with one
 * `ControlReply`. Requests are handled one at a time, in the order sent, and
 * wait for the boot to finish. Paths are relative to the app's directory.
 */

/** Run the app again in the same worker: `code` given as text, else the file at `path`. */
export interface RunRequest {
  kind: "run";
  code?: string;
  path?: string;
  port: MessagePort;
}

export interface WriteRequest {
  kind: "write";
  path: string;
  data: string | Uint8Array;
  port: MessagePort;
}

export interface RenameRequest {
  kind: "rename";
  oldPath: string;
  newPath: string;
  port: MessagePort;
}

export interface UnlinkRequest {
  kind: "unlink";
  path: string;
  port: MessagePort;
}

/** Install requirements with micropip (fetched first if the boot did not need it). */
export interface InstallRequest {
  kind: "install";
  /** Requirement strings; wheel URLs already absolute. */
  requirements: string[];
  /** micropip `index_urls`, already absolute; empty means micropip's default. */
  indexUrls: string[];
  port: MessagePort;
}

export type ControlRequest = RunRequest | WriteRequest | RenameRequest | UnlinkRequest | InstallRequest;

/** A request as the page builds it, before its reply port is attached. */
export type ControlBody =
  | Omit<RunRequest, "port">
  | Omit<WriteRequest, "port">
  | Omit<RenameRequest, "port">
  | Omit<UnlinkRequest, "port">
  | Omit<InstallRequest, "port">;

/** The worker's one answer to a request: done, or why not (with Python's traceback when it raised). */
export type ControlReply = { ok: true } | { ok: false; message: string; traceback?: string };

/** Worker → page: a line the Python app printed. */
export interface OutputMessage {
  kind: "output";
  stream: "stdout" | "stderr";
  text: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

const isString = (value: unknown): value is string => typeof value === "string";
const isOptionalString = (value: unknown): boolean => value === undefined || typeof value === "string";

/** True for a well-formed control request; the worker ignores anything else. */
export function isControlRequest(data: unknown): data is ControlRequest {
  if (!isRecord(data) || !(data.port instanceof MessagePort)) return false;
  switch (data.kind) {
    case "run":
      return isOptionalString(data.code) && isOptionalString(data.path) && (data.code !== undefined || data.path !== undefined);
    case "write":
      return isString(data.path) && (isString(data.data) || data.data instanceof Uint8Array);
    case "rename":
      return isString(data.oldPath) && isString(data.newPath);
    case "unlink":
      return isString(data.path);
    case "install":
      return Array.isArray(data.requirements) && data.requirements.every(isString) && Array.isArray(data.indexUrls) && data.indexUrls.every(isString);
    default:
      return false;
  }
}

export function isOutputMessage(data: unknown): data is OutputMessage {
  return isRecord(data) && data.kind === "output" && (data.stream === "stdout" || data.stream === "stderr") && isString(data.text);
}
