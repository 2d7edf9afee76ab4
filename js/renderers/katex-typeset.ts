/**
 * KaTeX, as the lazy chunk `math.ts` fetches when a text holds math. MathML
 * output only: browsers draw it with their own math fonts, so neither
 * KaTeX's stylesheet nor its fonts are needed.
 */
import katex from "katex";

/** Draw `tex` in `span`; a formula KaTeX cannot read is shown as its source, in KaTeX's error colour. */
export function typeset(span: HTMLElement, tex: string, display: boolean): void {
  // KaTeX's MathML output has no display wrapper of its own; its usual class marks one here.
  const target = display ? document.createElement("span") : span;
  if (display) target.className = "katex-display";
  katex.render(tex, target, { displayMode: display, output: "mathml", throwOnError: false });
  if (display) span.replaceChildren(target);
}
