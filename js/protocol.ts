/**
 * The message schema between the Python core and this host.
 * Twin of `py/pagelet/protocol.py`, which documents every field; keep both in step.
 */

export const PROTOCOL_VERSION = 1;

export type Stage = "pending" | "running" | "done" | "error";
export type AlertLevel = "error" | "warning" | "info";
export type Props = Record<string, unknown>;

export interface ComponentConfig {
  id: number;
  type: string;
  props: Props;
}

export interface LayoutNode {
  id: number;
  children?: LayoutNode[];
}

export interface Dependency {
  id: number;
  targets: [number, string][];
  inputs: number[];
  outputs: number[];
  api_name: string | null;
  trigger_after: number | null;
  trigger_only_on_success: boolean;
  /** A `.failure()` step: runs only when its parent failed. */
  trigger_only_on_failure?: boolean;
  queue: boolean;
  show_progress: string;
  /** "once" drops a trigger while running, "always_last" keeps the latest, "multiple" runs each. */
  trigger_mode?: "once" | "multiple" | "always_last";
  /** Gradio's client-side function; carried for compatibility, never run by this host. */
  js?: string | null;
  /** Dependencies whose running events the host cancels when this one is triggered. */
  cancels?: number[];
  /** Gradio's `types`: `generator` when the function streams; otherwise its one update is its answer. */
  types?: { generator?: boolean; cancel?: boolean };
}

/** `gr.themes`: CSS variables for light and dark mode, and a font stack. */
export interface ThemeConfig {
  name: string;
  light: Record<string, string>;
  dark: Record<string, string>;
  font: string;
}

export interface AppConfig {
  title: string;
  root: number;
  css: string | null;
  theme?: ThemeConfig | null;
  components: ComponentConfig[];
  layout: LayoutNode;
  dependencies: Dependency[];
  /** Upload limit in bytes (null: none); the host refuses a larger file before reading it. */
  max_file_size?: number | null;
}

export interface Update {
  id: number;
  value?: unknown;
  props?: Props;
}

export interface ConfigMessage { v: number; type: "config"; config: AppConfig }
export interface StatusMessage { v: number; type: "status"; event_id: string; stage: Stage; message?: string }
export interface UpdateMessage { v: number; type: "update"; event_id: string; updates: Update[] }
export interface AlertMessage {
  v: number;
  type: "alert";
  level: AlertLevel;
  title: string;
  message: string;
  duration: number | null;
}
export interface ErrorMessage {
  v: number;
  type: "error";
  message: string;
  event_id?: string;
  traceback?: string;
  fatal?: boolean;
}

export interface Progress {
  /** In [0, 1]; null when only a step count is known. */
  fraction: number | null;
  desc: string | null;
  index: number | null;
  length: number | null;
  unit: string;
}
export interface ProgressMessage { v: number; type: "progress"; event_id: string; progress: Progress }

/** `@gr.render` rebuilt the column `id`; see protocol.py. */
export interface RenderMessage {
  v: number;
  type: "render";
  event_id: string;
  id: number;
  components: ComponentConfig[];
  layout: LayoutNode;
  dependencies: Dependency[];
  retired: number[];
}
export interface DownloadMessage { v: number; type: "download"; filename: string; mime: string; text: string }

/** A file as the core describes it (Gradio's FileData). */
export interface FileData {
  path: string;
  orig_name?: string | null;
  size?: number | null;
  mime_type?: string | null;
  /** Set when the transport serves files over HTTP; null in the worker, where bytes come in `file` messages. */
  url?: string | null;
  meta?: { _type?: string };
}

export interface UploadedMessage { v: number; type: "uploaded"; upload_id: string; file?: FileData; error?: string }
/** The bytes of output file `path` travel next to this message. */
export interface FileMessage { v: number; type: "file"; path: string; mime_type: string | null }
/** Output files nothing shows any more: the host lets go of their bytes. */
export interface ReleaseMessage { v: number; type: "release"; paths: string[] }

export type ServerMessage =
  | ConfigMessage
  | StatusMessage
  | UpdateMessage
  | AlertMessage
  | ErrorMessage
  | ProgressMessage
  | DownloadMessage
  | RenderMessage
  | UploadedMessage
  | FileMessage
  | ReleaseMessage;

export interface EventMessage {
  v: number;
  type: "event";
  event_id: string;
  fn: number;
  data: unknown[];
  /** What the event was about (a `select`: `{index, value, selected}`); the function's `gr.SelectData`. */
  event_data?: Record<string, unknown>;
  /** The component whose event started the run (or its `.then()` chain): the function's `gr.EventData.target`. */
  trigger_id?: number;
}
export interface CancelMessage { v: number; type: "cancel"; event_id: string }
/** A file for the core; its bytes travel next to this message. */
export interface UploadMessage { v: number; type: "upload"; upload_id: string; name: string; mime: string }
export type ClientMessage = EventMessage | CancelMessage | UploadMessage;

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
    if (dep.trigger_mode !== undefined && !TRIGGER_MODES.has(String(dep.trigger_mode))) fail("unknown trigger_mode");
    if (dep.cancels !== undefined && (!Array.isArray(dep.cancels) || !dep.cancels.every(isId))) fail("dependency cancels must be ids");
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
