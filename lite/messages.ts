/**
 * Control messages between the page (`lite/app.ts`) and the worker (`lite/worker.ts`).
 *
 * These only drive the boot. The app protocol (config, events, updates; see
 * `js/protocol.ts`) travels on its own `MessagePort`, handed over in the boot
 * message, so that neither side has to sort one kind of message from the other.
 * Requests that change a running app are in `lite/control-messages.ts`.
 */
import { isOutputMessage, type ControlRequest, type OutputMessage } from "./control-messages";

/** The boot stages, in order. `requirements` happens only when there are some. */
export type BootStage = "runtime" | "core" | "requirements" | "app";

export const BOOT_STAGES: readonly BootStage[] = ["runtime", "core", "requirements", "app"];

/** What a person sees for each stage. Tests look for these words. */
export const STAGE_LABELS: Readonly<Record<BootStage, string>> = {
  runtime: "Loading Python runtime",
  core: "Installing Pagelet",
  requirements: "Installing requirements",
  app: "Starting app",
};

/** One file of the app, by its path relative to the app directory. */
export interface AppFile {
  name: string;
  content: string | Uint8Array;
}

/** Page → worker, sent once right after the worker is created. */
export interface BootMessage {
  kind: "boot";
  files: AppFile[];
  /** The file run as `__main__`; one of `files`. */
  entrypoint: string;
  /** micropip requirement strings; wheel URLs are already absolute. */
  requirements: string[];
  /** micropip `index_urls`, already absolute; empty means micropip's default. */
  indexUrls: string[];
  /**
   * Where optional Pyodide packages (numpy, pillow, pandas) load from, absolute,
   * ending in "/". Absent: the Pyodide directory next to the worker.
   */
  packageBaseUrl?: string;
  /** The app protocol's end in the worker; the page keeps the other end. */
  port: MessagePort;
  /** The page's base URL: paths an app gives (a model folder) resolve against it. Default: the worker's own URL. */
  pageUrl?: string;
  /** Pyodide's interrupt buffer, shared with the page (cross-origin isolated pages only): the page's Stop writes SIGINT. */
  interruptBuffer?: Uint8Array;
  /** Names the app's persist folder store (`lite/persist-key.ts`). Default: one store for the origin. */
  persistKey?: string;
}

/** Worker → page: a boot stage began. `elapsedMs` counts from the worker's start. */
export interface StageMessage {
  kind: "stage";
  stage: BootStage;
  elapsedMs: number;
}

/**
 * Worker → page: the bridge has run the entrypoint. By now the app's config, or
 * its fatal error, has been sent on the app port.
 */
export interface StartedMessage {
  kind: "started";
  elapsedMs: number;
  /** True when Python was restored from a memory snapshot of an earlier visit. */
  warm: boolean;
}

/** Worker → page: boot failed before the app could run. Nothing more follows. */
export interface FailedMessage {
  kind: "failed";
  message: string;
  traceback?: string;
}

/**
 * Page → worker, at any time after boot: how much memory Python holds. The
 * answer, a `MemoryUsage`, comes back on `port`.
 */
export interface MemoryRequest {
  kind: "memory";
  port: MessagePort;
}

export interface MemoryUsage {
  /** Size of Pyodide's WebAssembly memory: Python's heap, which is most of what an app costs. */
  wasmBytes: number;
}

/** Page → worker, at any time after boot: save the persist folder now (the page is hidden). After an event the worker saves by itself. */
export interface PersistRequest {
  kind: "persist";
}

export type ToWorker = BootMessage | MemoryRequest | ControlRequest | PersistRequest;

/**
 * Worker → page: a transformers.js model is loading (`fraction` of its bytes,
 * `null` while unknown), or has loaded or failed (`done`). May come at boot or
 * any time later, when the app loads a model on first use.
 */
export interface ModelProgressMessage {
  kind: "model-progress";
  model: string;
  fraction: number | null;
  done: boolean;
}

/** Worker → page, after boot: Python died (a fatal error); the worker can do nothing more. */
export interface CrashedMessage {
  kind: "crashed";
  message: string;
}

export type FromWorker = StageMessage | StartedMessage | FailedMessage | ModelProgressMessage | OutputMessage | CrashedMessage;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** True for a message the worker may send; anything else is ignored by the page. */
export function isFromWorker(data: unknown): data is FromWorker {
  if (!isRecord(data)) return false;
  switch (data.kind) {
    case "stage":
      return typeof data.stage === "string" && (BOOT_STAGES as readonly string[]).includes(data.stage);
    case "started":
      return true;
    case "failed":
    case "crashed":
      return typeof data.message === "string";
    case "model-progress":
      return (
        typeof data.model === "string" &&
        (data.fraction === null || typeof data.fraction === "number") &&
        typeof data.done === "boolean"
      );
    case "output":
      return isOutputMessage(data);
    default:
      return false;
  }
}

/** True for the boot message; the worker ignores anything else. */
export function isBootMessage(data: unknown): data is BootMessage {
  return (
    isRecord(data) &&
    data.kind === "boot" &&
    Array.isArray(data.files) &&
    typeof data.entrypoint === "string" &&
    Array.isArray(data.requirements) &&
    Array.isArray(data.indexUrls) &&
    (data.packageBaseUrl === undefined || typeof data.packageBaseUrl === "string") &&
    data.port instanceof MessagePort &&
    (data.pageUrl === undefined || typeof data.pageUrl === "string") &&
    (data.interruptBuffer === undefined || data.interruptBuffer instanceof Uint8Array) &&
    (data.persistKey === undefined || typeof data.persistKey === "string")
  );
}

export function isMemoryRequest(data: unknown): data is MemoryRequest {
  return isRecord(data) && data.kind === "memory" && data.port instanceof MessagePort;
}

export function isPersistRequest(data: unknown): data is PersistRequest {
  return isRecord(data) && data.kind === "persist";
}
