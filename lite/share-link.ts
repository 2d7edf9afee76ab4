/**
 * Reading a share link (`#app=…`, made by the playground's Share button). The
 * decoder is a lazy chunk: only a page that opens share links loads it.
 */
import type { SharedApp } from "./playground/share";

export type { SharedApp };

/**
 * The app a share link's hash holds. Rejects with a message for the person
 * (a damaged or cut link, another format) when it holds none.
 */
export async function readShareLink(hash: string = location.hash): Promise<SharedApp> {
  const { readShareLink: read } = await import("./playground/share");
  return read(hash);
}
