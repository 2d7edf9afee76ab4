/**
 * Packages whose API Pagelet itself provides (see `py/pagelet/alias.py`). A
 * page written for Gradio Lite lists them as requirements; installing them
 * would mean a download, offline a failure, and the real package would then
 * hide Pagelet's offline one. Names are compared normalized, as pip does.
 */
const PROVIDED = new Set(["transformers-js-py"]);

/** The project name a requirement string starts with (`name[extra]>=1` → `name`), normalized. */
function projectName(requirement: string): string | undefined {
  const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:[[<>=!~;@\s]|$)/.exec(requirement);
  return match?.[1]?.toLowerCase().replace(/[-_.]+/g, "-");
}

/** True for a requirement that Pagelet provides, so that it is not installed. */
export function isProvidedByPagelet(requirement: string): boolean {
  const name = projectName(requirement);
  return name !== undefined && PROVIDED.has(name);
}
