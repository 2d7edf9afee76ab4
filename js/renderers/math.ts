/**
 * LaTeX in Markdown where Gradio's `latex_delimiters` mark it (`$$x^2$$` by
 * default, in Markdown and Chatbot). The math is cut out of the text before
 * Markdown parses it, so its `_`, `*` and `\` stay TeX, and put back as a
 * span showing the TeX source; KaTeX (`katex-typeset.ts`, a lazy chunk
 * fetched only when a text holds math) then draws each span as MathML, which
 * the browser renders itself: no fonts or stylesheet to fetch, offline too.
 */

export interface LatexDelimiter {
  left: string;
  right: string;
  display: boolean;
}

/** A `latex_delimiters` prop as delimiters; anything malformed is left out. */
export function latexDelimiters(raw: unknown): LatexDelimiter[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry: unknown): LatexDelimiter[] => {
    if (typeof entry !== "object" || entry === null) return [];
    const { left, right, display } = entry as Record<string, unknown>;
    if (typeof left !== "string" || typeof right !== "string" || left === "" || right === "") return [];
    return [{ left, right, display: display === true }];
  });
}

export interface MathPiece {
  tex: string;
  display: boolean;
  /** The text as written, delimiters included: shown until KaTeX draws it, and kept as it is in code. */
  source: string;
}

// Private-use characters: Markdown and the sanitizer pass them through, and no real text holds them.
const OPEN = "\uE000";
const CLOSE = "\uE001";
const PLACEHOLDER = /\uE000(\d+)\uE001/g;

/** `source` with each delimited formula replaced by a placeholder, and the formulas in order. */
export function cutMath(source: string, delimiters: readonly LatexDelimiter[]): { text: string; pieces: MathPiece[] } {
  const pieces: MathPiece[] = [];
  if (delimiters.length === 0 || source.includes(OPEN)) return { text: source, pieces };
  // At one position the longest opener wins: `$$` before `$`.
  const openers = [...delimiters].sort((a, b) => b.left.length - a.left.length);
  let text = "";
  let at = 0;
  while (at < source.length) {
    let found: { index: number; delimiter: LatexDelimiter } | null = null;
    for (const delimiter of openers) {
      const index = source.indexOf(delimiter.left, at);
      if (index !== -1 && (found === null || index < found.index)) found = { index, delimiter };
    }
    if (found === null) break;
    const { index, delimiter } = found;
    const end = source.indexOf(delimiter.right, index + delimiter.left.length);
    if (end === -1) break;
    const tex = source.slice(index + delimiter.left.length, end);
    const after = end + delimiter.right.length;
    if (tex.trim() === "") {
      text += source.slice(at, after);
    } else {
      text += `${source.slice(at, index)}${OPEN}${pieces.length}${CLOSE}`;
      pieces.push({ tex, display: delimiter.display, source: source.slice(index, after) });
    }
    at = after;
  }
  return { text: text + source.slice(at), pieces };
}

/**
 * Put the formulas back into the parsed `fragment`: inside code as the text
 * they were, elsewhere as spans KaTeX will draw (the spans are returned).
 */
export function placeMath(fragment: DocumentFragment, pieces: readonly MathPiece[]): { span: HTMLElement; piece: MathPiece }[] {
  const placed: { span: HTMLElement; piece: MathPiece }[] = [];
  const walker = document.createTreeWalker(fragment, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (node.nodeValue?.includes(OPEN)) texts.push(node as Text);
  }
  for (const node of texts) {
    const inCode = node.parentElement?.closest("code, pre") != null;
    const parts: (string | Node)[] = [];
    let last = 0;
    const value = node.nodeValue ?? "";
    for (const match of value.matchAll(PLACEHOLDER)) {
      const piece = pieces[Number(match[1])];
      parts.push(value.slice(last, match.index));
      last = match.index + match[0].length;
      if (piece === undefined) continue;
      if (inCode) {
        parts.push(piece.source);
        continue;
      }
      const span = document.createElement("span");
      span.className = "pagelet-math";
      span.textContent = piece.source;
      parts.push(span);
      placed.push({ span, piece });
    }
    parts.push(value.slice(last));
    node.replaceWith(...parts);
  }
  return placed;
}

/** Draw the placed formulas with KaTeX once its chunk is here; until then, and if it cannot load, the TeX shows. */
export function typesetMath(placed: readonly { span: HTMLElement; piece: MathPiece }[]): void {
  if (placed.length === 0) return;
  import("./katex-typeset").then(
    ({ typeset }) => {
      for (const { span, piece } of placed) typeset(span, piece.tex, piece.display);
    },
    () => undefined,
  );
}
