/**
 * The line of `file` where a Python traceback says the error is: the last
 * frame in that file, or a SyntaxError's own line. `undefined` when the
 * traceback does not point into the file.
 */
export function errorLine(traceback: string | undefined, file: string): number | undefined {
  if (traceback === undefined) return undefined;
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const frames = [...traceback.matchAll(new RegExp(`File "(?:[^"]*/)?${escaped}", line (\\d+)`, "g"))];
  const last = frames[frames.length - 1];
  return last?.[1] === undefined ? undefined : Number(last[1]);
}
