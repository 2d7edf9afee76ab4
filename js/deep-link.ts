import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from "lz-string";
import { DEEP_LINK_PARAM } from "./deep-link-param";
import { filePaths } from "./file-paths";
import type { AppConfig } from "./protocol";

/**
 * Deep links (gr.DeepLinkButton): a URL that opens the app with the values it
 * had when the link was made. Gradio keeps those values on its server and
 * puts their id in `?deep_link=`; a static page has no server, so here the
 * link carries the values themselves, compressed with lz-string, in both
 * runtimes. Left out: values nothing can restore (files, which live in one
 * session; State, kept by the core; buttons; BrowserState, kept by the browser).
 * Each entry names its component's id and type, so a link made for another
 * app changes nothing it does not match.
 */

const NOT_LINKED: ReadonlySet<string> = new Set([
  "state", "browserstate", "button", "uploadbutton", "downloadbutton", "deeplinkbutton", "loginbutton", "timer",
]);

type Entry = [id: number, type: string, value: unknown];

/** The page's URL with `values` in it. */
export async function deepLinkUrl(values: readonly { id: number; type: string; value: unknown }[]): Promise<string> {
  const entries: Entry[] = values
    .filter(({ type, value }) => !NOT_LINKED.has(type) && value !== undefined && filePaths(value).next().done === true)
    .map(({ id, type, value }) => [id, type, value]);
  const url = new URL(window.location.href);
  url.searchParams.set(DEEP_LINK_PARAM, compressToEncodedURIComponent(JSON.stringify(entries)));
  return url.toString();
}

/**
 * `config` with the values of the page's deep link, or as it was when the
 * link is absent or damaged (then `problem` says so, for the page to show).
 */
export function withDeepLink(config: AppConfig, search: string): { config: AppConfig; problem: string | null } {
  const raw = new URLSearchParams(search).get(DEEP_LINK_PARAM);
  if (raw === null) return { config, problem: null };
  let entries: unknown;
  try {
    entries = JSON.parse(decompressFromEncodedURIComponent(raw) ?? "");
  } catch {
    entries = null;
  }
  if (!Array.isArray(entries)) return { config, problem: "This link's saved values could not be read; the app opens as it starts." };
  const linked = new Map<number, Entry>();
  for (const entry of entries) {
    if (Array.isArray(entry) && typeof entry[0] === "number" && typeof entry[1] === "string") linked.set(entry[0], entry as Entry);
  }
  const components = config.components.map((component) => {
    const entry = linked.get(component.id);
    if (entry === undefined || entry[1] !== component.type || NOT_LINKED.has(component.type)) return component;
    return { ...component, props: { ...component.props, value: entry[2] } };
  });
  return { config: { ...config, components }, problem: null };
}
