/**
 * Share links: an app's files and requirements, compressed into the URL's hash
 * with lz-string, so that the link alone carries the app (no server keeps it).
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from "lz-string";

/** What a share link carries. */
export interface SharedApp {
  /** Text files by path relative to the app directory. */
  files: Record<string, string>;
  /** The file run as `__main__`; one of `files`. */
  entrypoint: string;
  requirements: string[];
}

const PREFIX = "app=";
const FORMAT = 1;

/** Raised for a hash that is not a share link this version can read; the message says why, for the page. */
export class ShareLinkError extends Error {
  override name = "ShareLinkError";
}

/** `baseUrl` with its hash replaced by `app`. */
export function shareLink(baseUrl: string, app: SharedApp): string {
  const url = new URL(baseUrl);
  const payload = JSON.stringify({ v: FORMAT, files: app.files, entrypoint: app.entrypoint, requirements: app.requirements });
  url.hash = PREFIX + compressToEncodedURIComponent(payload);
  return url.href;
}

/** True when `hash` is a share link's (`#app=…`), readable or not. */
export function holdsSharedApp(hash: string): boolean {
  return hash.replace(/^#/, "").startsWith(PREFIX);
}

/** Read the app out of a share link's hash (`#app=…`, with or without the `#`). */
export function readShareLink(hash: string): SharedApp {
  const text = hash.replace(/^#/, "");
  if (!holdsSharedApp(text)) throw new ShareLinkError("This link does not hold an app (its address should end in #app=…).");
  let json: string | null;
  try {
    json = decompressFromEncodedURIComponent(text.slice(PREFIX.length));
  } catch {
    json = null;
  }
  if (!json) throw new ShareLinkError("This share link is damaged or cut short: its app could not be read.");
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new ShareLinkError("This share link is damaged: its app could not be read.");
  }
  return validated(data);
}

function validated(data: unknown): SharedApp {
  if (typeof data !== "object" || data === null) throw new ShareLinkError("This share link holds no app.");
  const record = data as Record<string, unknown>;
  if (record.v !== FORMAT) throw new ShareLinkError(`This share link was made by another version of Pagelet (format ${String(record.v)}).`);
  const { files, entrypoint, requirements } = record;
  const fileEntries = typeof files === "object" && files !== null ? Object.entries(files) : [];
  if (fileEntries.length === 0 || !fileEntries.every(([, content]) => typeof content === "string")) {
    throw new ShareLinkError("This share link holds no app files.");
  }
  if (typeof entrypoint !== "string" || !fileEntries.some(([name]) => name === entrypoint)) {
    throw new ShareLinkError("This share link does not say which file is the app.");
  }
  if (!Array.isArray(requirements) || !requirements.every((item) => typeof item === "string")) {
    throw new ShareLinkError("This share link's requirements are not a list of names.");
  }
  return { files: Object.fromEntries(fileEntries) as Record<string, string>, entrypoint, requirements: requirements as string[] };
}
