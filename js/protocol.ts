/**
 * What this host checks of the messages it receives, and the messages it builds.
 *
 * The types come from the one schema, `protocol/messages.schema.json`, through
 * the generated `protocol-types.ts`; only the checks the host needs to stay
 * standing against a broken core are written here, by hand, so that no
 * validator library sits on the boot path.
 */
import {
  PROTOCOL_VERSION,
  type AppConfig,
  type CancelMessage,
  type ClientMessage,
  type EventMessage,
  type FileData,
  type Progress,
  type ServerMessage,
  type UploadMessage,
} from "./protocol-types";

export * from "./protocol-types";

export class ProtocolError extends Error {
  override name = "ProtocolError";
}

const STAGES: ReadonlySet<string> = new Set(["pending", "running", "done", "error"]);
const LEVELS: ReadonlySet<string> = new Set(["error", "warning", "info"]);
const TRIGGER_MODES: ReadonlySet<string> = new Set(["once", "multiple", "always_last"]);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isId(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

function fail(message: string): never {
  throw new ProtocolError(message);
}

function checkLayout(node: unknown, depth: number): void {
  if (depth > 200) fail("layout is nested too deeply");
  if (!isObject(node) || !isId(node.id)) fail("layout node needs an integer id");
  if (node.children !== undefined) {
    if (!Array.isArray(node.children)) fail("layout children must be a list");
    for (const child of node.children) checkLayout(child, depth + 1);
  }
}

function checkComponents(components: unknown): void {
  if (!Array.isArray(components)) fail("config.components must be a list");
  for (const component of components) {
    if (!isObject(component) || !isId(component.id) || typeof component.type !== "string" || !isObject(component.props)) {
      fail("each component needs an id, a type and props");
    }
  }
}

function checkDependencies(dependencies: unknown): void {
  if (!Array.isArray(dependencies)) fail("config.dependencies must be a list");
  for (const dep of dependencies) {
    if (!isObject(dep) || !isId(dep.id) || !Array.isArray(dep.targets) || !Array.isArray(dep.inputs) || !Array.isArray(dep.outputs)) {
      fail("each dependency needs an id, targets, inputs and outputs");
    }
    if (!dep.inputs.every(isId) || !dep.outputs.every(isId)) fail("dependency inputs and outputs must be ids");
    if (!TRIGGER_MODES.has(String(dep.trigger_mode))) fail("unknown trigger_mode");
    if (!Array.isArray(dep.cancels) || !dep.cancels.every(isId)) fail("dependency cancels must be ids");
  }
}

function checkConfig(config: unknown): asserts config is AppConfig {
  if (!isObject(config)) fail("config must be an object");
  if (!isId(config.root)) fail("config.root must be an id");
  checkComponents(config.components);
  checkLayout(config.layout, 0);
  checkDependencies(config.dependencies);
  if (config.theme !== undefined && config.theme !== null) checkTheme(config.theme);
  if (config.max_file_size !== undefined && config.max_file_size !== null && typeof config.max_file_size !== "number") {
    fail("config.max_file_size must be a number or null");
  }
}

function isStringRecord(value: unknown): boolean {
  return isObject(value) && Object.values(value).every((item) => typeof item === "string");
}

function checkTheme(theme: unknown): void {
  if (!isObject(theme) || !isStringRecord(theme.light) || !isStringRecord(theme.dark) || typeof theme.font !== "string") {
    fail("config.theme needs light and dark variables and a font");
  }
}

function isCount(value: unknown): boolean {
  return value === null || (typeof value === "number" && Number.isFinite(value));
}

function checkProgress(progress: unknown): asserts progress is Progress {
  if (!isObject(progress)) fail("progress must be an object");
  const { fraction, desc, index, length } = progress;
  if (fraction !== null && (typeof fraction !== "number" || !(fraction >= 0 && fraction <= 1))) fail("progress fraction must be in [0, 1] or null");
  if (desc !== null && typeof desc !== "string") fail("progress desc must be a string or null");
  if (!isCount(index) || !isCount(length)) fail("progress index and length must be numbers or null");
  if (typeof progress.unit !== "string") fail("progress unit must be a string");
}

/** Validate a message from the core; throws `ProtocolError` with the reason. */
export function parseServerMessage(raw: unknown): ServerMessage {
  let message: unknown = raw;
  if (typeof raw === "string") {
    try {
      message = JSON.parse(raw);
    } catch {
      fail("message is not valid JSON");
    }
  }
  if (!isObject(message)) fail("message must be an object");
  if (message.v !== PROTOCOL_VERSION) fail(`unsupported protocol version ${String(message.v)}`);
  switch (message.type) {
    case "config":
      checkConfig(message.config);
      break;
    case "status":
      if (typeof message.event_id !== "string") fail("status needs an event_id");
      if (typeof message.stage !== "string" || !STAGES.has(message.stage)) fail("unknown status stage");
      break;
    case "update":
      if (typeof message.event_id !== "string") fail("update needs an event_id");
      if (!Array.isArray(message.updates)) fail("updates must be a list");
      for (const update of message.updates) {
        if (!isObject(update) || !isId(update.id)) fail("each update needs a component id");
        if (update.props !== undefined && !isObject(update.props)) fail("update props must be an object");
      }
      break;
    case "alert":
      if (typeof message.level !== "string" || !LEVELS.has(message.level)) fail("unknown alert level");
      if (typeof message.message !== "string" || typeof message.title !== "string") fail("alert needs a title and a message");
      if (message.duration !== null && typeof message.duration !== "number") fail("alert duration must be a number or null");
      break;
    case "error":
      if (typeof message.message !== "string") fail("error needs a message");
      break;
    case "render":
      if (typeof message.event_id !== "string" || !isId(message.id)) fail("render needs an event_id and a column id");
      checkComponents(message.components);
      checkLayout(message.layout, 0);
      checkDependencies(message.dependencies);
      if (!Array.isArray(message.retired) || !message.retired.every(isId)) fail("render retired must be ids");
      break;
    case "download":
      if (typeof message.filename !== "string" || typeof message.mime !== "string" || typeof message.text !== "string") {
        fail("download needs a filename, a mime type and text");
      }
      break;
    case "progress":
      if (typeof message.event_id !== "string") fail("progress needs an event_id");
      checkProgress(message.progress);
      break;
    case "uploaded":
      if (typeof message.upload_id !== "string") fail("uploaded needs an upload_id");
      if (message.file !== undefined && !isFileData(message.file)) fail("uploaded file must be a FileData with a path");
      if (message.error !== undefined && typeof message.error !== "string") fail("uploaded error must be a string");
      if ((message.file === undefined) === (message.error === undefined)) fail("uploaded needs either a file or an error");
      break;
    case "file":
      if (typeof message.path !== "string") fail("file needs a path");
      if (message.mime_type !== null && typeof message.mime_type !== "string") fail("file mime_type must be a string or null");
      break;
    case "called":
      if (typeof message.call_id !== "string") fail("called needs a call_id");
      if (message.error !== undefined && typeof message.error !== "string") fail("called error must be a string");
      if (("value" in message) === (message.error !== undefined)) fail("called needs either a value or an error");
      break;
    case "release":
      if (!Array.isArray(message.paths) || !message.paths.every((path: unknown) => typeof path === "string")) fail("release needs a list of paths");
      break;
    default:
      fail(`unknown message type ${String(message.type)}`);
  }
  return message as unknown as ServerMessage;
}

export function cancelMessage(eventId: string): CancelMessage {
  return { v: PROTOCOL_VERSION, type: "cancel", event_id: eventId };
}

/** Whether `value` has the shape of a FileData (a path, optional url). */
export function isFileData(value: unknown): value is FileData {
  return isObject(value) && typeof value.path === "string" && (value.url === undefined || value.url === null || typeof value.url === "string");
}

export function uploadMessage(uploadId: string, name: string, mime: string): UploadMessage {
  return { v: PROTOCOL_VERSION, type: "upload", upload_id: uploadId, name, mime };
}

export function eventMessage(
  eventId: string,
  fn: number,
  data: unknown[],
  eventData?: Record<string, unknown>,
  triggerId?: number,
): EventMessage {
  const message: EventMessage = { v: PROTOCOL_VERSION, type: "event", event_id: eventId, fn, data };
  if (eventData !== undefined) message.event_data = eventData;
  if (triggerId !== undefined) message.trigger_id = triggerId;
  return message;
}
