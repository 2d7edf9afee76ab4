import { isFileData } from "./protocol";

/** The path of every FileData inside a JSON-like value (a gallery, a chat, a video with subtitles hold several). */
export function* filePaths(value: unknown): Generator<string> {
  if (isFileData(value)) {
    yield value.path;
  } else if (Array.isArray(value)) {
    for (const item of value) yield* filePaths(item);
  } else if (typeof value === "object" && value !== null) {
    for (const item of Object.values(value)) yield* filePaths(item);
  }
}
