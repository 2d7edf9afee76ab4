import { uploadMessage, type ClientMessage, type FileData, type FileMessage, type UploadedMessage } from "./protocol";
import { filePaths } from "./file-paths";

/** What a renderer may do with files: upload one, and find the URL to show one. */
export interface FileAccess {
  /** Hand `file` to the core; resolves with its FileData, rejects with the core's reason (too large ...). */
  upload(file: File): Promise<FileData>;
  /** The URL that shows `file`: its bytes' blob URL in the worker, its own `url` on a server. Null when neither is known. */
  url(file: FileData): string | null;
  /** Why `file` cannot be uploaded (larger than the app's limit), or "" when it can. */
  refusal(file: File): string;
}

/** For a host with no channel for files: nothing uploads, only URLs the core gives are shown. */
export const NO_FILES: FileAccess = {
  upload: () => Promise.reject(new Error("This app cannot receive files.")),
  url: (file) => fileUrl(file.url),
  refusal: () => "",
};

// Schemes a file may be shown or downloaded from; a `javascript:` URL in a
// FileData would run on a click of its download link.
const FILE_SCHEMES: ReadonlySet<string> = new Set(["http:", "https:", "blob:", "data:"]);

/** A FileData's own `url` when it is one a link or image may use, else null. */
export function fileUrl(url: string | null | undefined): string | null {
  if (typeof url !== "string") return null;
  try {
    return FILE_SCHEMES.has(new URL(url, document.baseURI).protocol) ? url : null;
  } catch {
    return null;
  }
}

interface Pending {
  resolve(file: FileData): void;
  reject(error: Error): void;
}

let uploadCount = 0;

/** A size as the core writes it (`pagelet.files.human_size`), so both refusals read the same. */
export function humanSize(size: number): string {
  const units = ["B", "KB", "MB", "GB"];
  let value = size;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/**
 * The host's end of file transfer: uploads awaiting the core's `uploaded`
 * answer, and output files the core sent as bytes, kept as blob URLs by path.
 * An output's blob URL is revoked when the same path arrives again, when the
 * core releases it (nothing shows it any more) or when the app goes; an
 * upload's when a later upload finds no component holding it.
 */
export class FileHost implements FileAccess {
  readonly #send: (message: ClientMessage, data?: ArrayBuffer) => void;
  readonly #pending = new Map<string, Pending>();
  readonly #blobs = new Map<string, string>();
  // Paths of uploads shown from the page's own copy; no core message ever releases these.
  readonly #uploads = new Set<string>();
  #shownValues: () => Iterable<unknown> = () => [];
  #maxFileSize: number | null = null;

  constructor(send: (message: ClientMessage, data?: ArrayBuffer) => void) {
    this.#send = send;
  }

  /** Where to find the values the page shows, so that a replaced upload's bytes can go. */
  watch(shownValues: () => Iterable<unknown>): void {
    this.#shownValues = shownValues;
  }

  /** The core's upload limit (`max_file_size` in the config). */
  setLimit(maxFileSize: number | null | undefined): void {
    this.#maxFileSize = typeof maxFileSize === "number" ? maxFileSize : null;
  }

  refusal(file: File): string {
    if (this.#maxFileSize === null || file.size <= this.#maxFileSize) return "";
    return `${file.name || "The file"} is ${humanSize(file.size)}; this app accepts files up to ${humanSize(this.#maxFileSize)}.`;
  }

  async upload(file: File): Promise<FileData> {
    // The core would refuse it too; saying so here spares reading a huge file into memory.
    const refusal = this.refusal(file);
    if (refusal !== "") throw new Error(refusal);
    const bytes = await file.arrayBuffer();
    uploadCount += 1;
    const uploadId = `u${uploadCount}`;
    const stored = await new Promise<FileData>((resolve, reject) => {
      this.#pending.set(uploadId, { resolve, reject });
      try {
        this.#send(uploadMessage(uploadId, file.name, file.type), bytes);
      } catch (error) {
        this.#pending.delete(uploadId);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    this.#dropUnshownUploads();
    // The page still has the bytes: show the upload from them, with no trip back.
    this.#keep(stored.path, URL.createObjectURL(file));
    this.#uploads.add(stored.path);
    return stored;
  }

  #keep(path: string, url: string): void {
    const previous = this.#blobs.get(path);
    if (previous !== undefined) URL.revokeObjectURL(previous);
    this.#blobs.set(path, url);
  }

  #shownPaths(): Set<string> {
    const shown = new Set<string>();
    for (const value of this.#shownValues()) for (const path of filePaths(value)) shown.add(path);
    return shown;
  }

  #dropUnshownUploads(): void {
    const shown = this.#shownPaths();
    for (const path of [...this.#uploads]) {
      if (!shown.has(path)) this.#drop(path);
    }
  }

  #drop(path: string): void {
    const url = this.#blobs.get(path);
    if (url !== undefined) URL.revokeObjectURL(url);
    this.#blobs.delete(path);
    this.#uploads.delete(path);
  }

  /**
   * The core's `release`: no value it sent shows these files any more. One
   * the person still shows (an upload that was also an output) is kept; the
   * core sends its bytes again if it shows it later, replacing this blob.
   */
  release(paths: readonly string[]): void {
    const shown = this.#shownPaths();
    for (const path of paths) {
      if (!shown.has(path)) this.#drop(path);
    }
  }

  url(file: FileData): string | null {
    return this.#blobs.get(file.path) ?? fileUrl(file.url);
  }

  /** The core's answer to an upload. */
  uploaded(message: UploadedMessage): void {
    const pending = this.#pending.get(message.upload_id);
    if (!pending) return;
    this.#pending.delete(message.upload_id);
    if (message.file) pending.resolve(message.file);
    else pending.reject(new Error(message.error ?? "The upload failed."));
  }

  /** An output file's bytes, sent before the update that shows it. */
  received(message: FileMessage, data: ArrayBuffer | undefined): void {
    if (data === undefined) return;
    const blob = new Blob([data], message.mime_type ? { type: message.mime_type } : {});
    this.#keep(message.path, URL.createObjectURL(blob));
    // From now on the core decides when these bytes go (`release`).
    this.#uploads.delete(message.path);
  }

  destroy(): void {
    for (const url of this.#blobs.values()) URL.revokeObjectURL(url);
    this.#blobs.clear();
    this.#uploads.clear();
    for (const pending of this.#pending.values()) pending.reject(new Error("The app was closed."));
    this.#pending.clear();
  }
}
