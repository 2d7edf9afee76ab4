import DOMPurify from "dompurify";

/**
 * App-supplied HTML as a fragment that cannot run script. Links that leave
 * the page open in a new tab, so a click never unloads the running app.
 */
export function sanitizedFragment(html: string): DocumentFragment {
  const fragment = DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true });
  for (const link of fragment.querySelectorAll<HTMLAnchorElement>("a[href]")) {
    if (/^https?:\/\//i.test(link.getAttribute("href") ?? "")) {
      link.target = "_blank";
      link.rel = "noopener noreferrer";
    }
  }
  return fragment;
}
