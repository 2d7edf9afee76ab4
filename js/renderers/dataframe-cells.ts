/** The cells a person has selected in a table, and how Gradio copies them. */

export type Cell = readonly [row: number, column: number];

const key = ([row, column]: Cell): string => `${row},${column}`;

/**
 * A selection as a spreadsheet keeps it: an anchor (the cell clicked first)
 * and the set of selected cells. Shift extends a rectangle from the anchor;
 * Ctrl or Cmd adds or removes one cell.
 */
export class CellSelection {
  #cells = new Map<string, Cell>();
  #anchor: Cell | null = null;

  get anchor(): Cell | null {
    return this.#anchor;
  }

  get cells(): Cell[] {
    return [...this.#cells.values()];
  }

  has(cell: Cell): boolean {
    return this.#cells.has(key(cell));
  }

  clear(): void {
    this.#cells.clear();
    this.#anchor = null;
  }

  /** Select `cell` alone, or as a click with Shift or Ctrl/Cmd held would. */
  choose(cell: Cell, mode: "only" | "range" | "toggle"): void {
    if (mode === "range" && this.#anchor) {
      const [r0, c0] = this.#anchor;
      this.#cells.clear();
      for (let row = Math.min(r0, cell[0]); row <= Math.max(r0, cell[0]); row++) {
        for (let column = Math.min(c0, cell[1]); column <= Math.max(c0, cell[1]); column++) this.#cells.set(key([row, column]), [row, column]);
      }
      return;
    }
    if (mode === "toggle") {
      if (this.#cells.has(key(cell))) this.#cells.delete(key(cell));
      else this.#cells.set(key(cell), cell);
      this.#anchor = cell;
      return;
    }
    this.#cells.clear();
    this.#cells.set(key(cell), cell);
    this.#anchor = cell;
  }
}

/**
 * The selected cells as Gradio copies them: one line per row, top to bottom,
 * the row's selected cells left to right joined by commas.
 */
export function selectionText(cells: readonly Cell[], text: (cell: Cell) => string): string {
  const rows = new Map<number, number[]>();
  for (const [row, column] of cells) rows.set(row, [...(rows.get(row) ?? []), column]);
  return [...rows.keys()]
    .sort((a, b) => a - b)
    .map((row) =>
      (rows.get(row) ?? [])
        .sort((a, b) => a - b)
        .map((column) => text([row, column]))
        .join(","),
    )
    .join("\n");
}
