/** The file run as `__main__` when none is named: the only file, else `app.py`, else none. */
export function defaultEntrypoint(names: readonly string[]): string | undefined {
  if (names.length === 1) return names[0];
  return names.includes("app.py") ? "app.py" : undefined;
}
