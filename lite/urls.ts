/**
 * URLs a page gives for requirements and package indexes are relative to the
 * page; the worker lives in `dist/` and would resolve them against itself.
 * So the page makes them absolute before handing them over.
 */

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

/**
 * A requirement that is a path to a wheel (optionally pinned, `x.whl#sha256=<hex>`),
 * made absolute; any other requirement unchanged.
 */
export function resolveRequirement(requirement: string, baseUrl: string): string {
  if (!/\.whl(#sha256=[0-9a-f]+)?$/i.test(requirement) || ABSOLUTE.test(requirement)) return requirement;
  return new URL(requirement, baseUrl).href;
}

/**
 * A package index URL made absolute. URL parsing escapes the braces of
 * micropip's `{package_name}` template (its JSON API form); they are put back.
 * A Simple API base loses its trailing slash, since micropip appends `/<name>/`.
 */
export function resolveIndexUrl(url: string, baseUrl: string): string {
  const absolute = new URL(url, baseUrl).href.replace("%7Bpackage_name%7D", "{package_name}");
  return absolute.includes("{package_name}") ? absolute : absolute.replace(/\/+$/, "");
}
