/**
 * Reading a share link (`#app=…`, made by the playground's Share button). The
 * decoder is a lazy chunk: only a page that opens share links loads it.
 */
import { describe } from "./fetch";
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

export interface SharedAppOutcome {
  app?: SharedApp;
  notice?: string;
}

let taken = false;

/**
 * For the first playground on the page: the app that a share link in the
 * page's hash holds, or, for a damaged link, what to tell the person. Nothing
 * when the hash holds no share link (or another playground took it).
 */
export async function takeSharedApp(): Promise<SharedAppOutcome> {
  if (taken || location.hash.length <= 1) return {};
  const share = await import("./playground/share");
  if (!share.holdsSharedApp(location.hash)) return {};
  taken = true;
  try {
    return { app: share.readShareLink(location.hash) };
  } catch (error) {
    return { notice: `${describe(error)} The page's own app is shown instead.` };
  }
}
