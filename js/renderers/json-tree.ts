/**
 * A JSON value written out as Gradio's JSON component shows it: one entry a
 * line, keys quoted, and (with `show_indices`) an array's items keyed by their
 * index. Text nodes only, so no value can become markup.
 */

const isContainer = (value: unknown): value is Record<string, unknown> | unknown[] => typeof value === "object" && value !== null;

function scalar(value: unknown): string {
  if (typeof value === "string") return `"${value}"`;
  if (value === null || value === undefined) return "null";
  return String(value);
}

/**
 * Gradio separates a value from its comma by a space in its markup (its tests
 * read the text that way); here that space takes no room on screen.
 */
function comma(): Node[] {
  const gap = document.createElement("span");
  gap.className = "pagelet-json-gap";
  gap.textContent = " ";
  return [gap, document.createTextNode(",")];
}

function line(depth: number, parts: (string | Node)[]): HTMLDivElement {
  const row = document.createElement("div");
  row.className = "pagelet-json-line";
  row.style.paddingInlineStart = `${depth * 1.25}em`;
  row.append(...parts);
  return row;
}

function node(value: unknown, key: string | null, depth: number, last: boolean, showIndices: boolean, out: HTMLElement[]): void {
  const label = key === null ? [] : [`"${key}": `];
  if (!isContainer(value)) {
    out.push(line(depth, [...label, scalar(value), ...(last ? [] : comma())]));
    return;
  }
  const array = Array.isArray(value);
  const [open, close] = array ? ["[", "]"] : ["{", "}"];
  const entries: [string, unknown][] = array ? value.map((item, index) => [String(index), item]) : Object.entries(value);
  if (entries.length === 0) {
    out.push(line(depth, [...label, open + close, ...(last ? [] : comma())]));
    return;
  }
  out.push(line(depth, [...label, open]));
  entries.forEach(([childKey, child], index) => node(child, array && !showIndices ? null : childKey, depth + 1, index === entries.length - 1, showIndices, out));
  out.push(line(depth, [close, ...(last ? [] : comma())]));
}

/** The lines that show `value`, each a block, separated by line breaks in their text. */
export function jsonLines(value: unknown, showIndices: boolean): Node[] {
  const lines: HTMLElement[] = [];
  node(value, null, 0, true, showIndices, lines);
  return lines.flatMap((row, index) => (index === 0 ? [row] : [document.createTextNode("\n"), row]));
}
