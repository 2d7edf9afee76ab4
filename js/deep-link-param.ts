/**
 * The query parameter of a deep link (Gradio's name). This small module is on
 * the start-up path; the rest of `deep-link.ts` (and lz-string) is fetched
 * only when a page is opened from a link or a DeepLinkButton is shown.
 */
export const DEEP_LINK_PARAM = "deep_link";

export function hasDeepLink(search: string): boolean {
  return new URLSearchParams(search).has(DEEP_LINK_PARAM);
}
