import type { Props } from "../protocol";
import { blockElement, caption, interactive, showCaption } from "./block";
import { bool, cssLength, displayText, num, str } from "./props";
import type { ComponentView, Renderer } from "./types";

interface Table {
  headers: string[];
  data: unknown[][];
  /** Gradio's metadata (a pandas Styler's): the text and CSS of each cell, by row and column. */
  display: (string | null)[][] | null;
  styling: (string | null)[][] | null;
}

function grid(value: unknown): (string | null)[][] | null {
  if (!Array.isArray(value)) return null;
  return value.map((row: unknown) => (Array.isArray(row) ? row.map((cell: unknown) => (typeof cell === "string" ? cell : null)) : []));
}

function readTable(value: unknown): Table {
  if (typeof value !== "object" || value === null) return { headers: [], data: [], display: null, styling: null };
  const record = value as Record<string, unknown>;
  const headers = Array.isArray(record.headers) ? record.headers.map(displayText) : [];
  const data = Array.isArray(record.data) ? record.data.map((row: unknown) => (Array.isArray(row) ? [...row] : [row])) : [];
  const metadata = typeof record.metadata === "object" && record.metadata !== null ? (record.metadata as Record<string, unknown>) : {};
  return { headers, data, display: grid(metadata.display_value), styling: grid(metadata.styling) };
}

/** Gradio's `max_chars`: longer text is cut, with an ellipsis, where it is only shown. */
function truncated(text: string, maxChars: number | null): string {
  return maxChars !== null && maxChars > 0 && text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
}

/** Whether rows may be added: Gradio's `row_count` is `[n, "dynamic" | "fixed"]`. */
function rowsDynamic(props: Readonly<Props>): boolean {
  const rowCount = props.row_count;
  return !(Array.isArray(rowCount) && rowCount[1] === "fixed");
}

/**
 * gr.Dataframe: a table named by its label. When interactive every cell is a
 * text field named by its place ("row 2, column 3") and described by its
 * column's header: a name holding the header would make every cell of a
 * column answer to that header's text, which a checkbox or field of the same
 * label must own (getByLabel("Type") in Gradio's own tests). An edit counts
 * once the person leaves the cell or presses Enter, as in a spreadsheet. The
 * core converts typed text to the column's `datatype`. Cells carry Gradio's
 * `data-testid="cell-<row>-<column>"` (from 0).
 */
export const dataframe: Renderer = (context): ComponentView => {
  const element = blockElement("div", "dataframe");
  const parts = caption("span", context.domId);
  const scroller = document.createElement("div");
  scroller.className = "pagelet-dataframe-scroll";
  const table = document.createElement("table");
  table.setAttribute("aria-labelledby", parts.label.id);
  scroller.append(table);
  // Gradio's show_search: rows that do not hold the text are hidden (the value keeps them all).
  const search = document.createElement("input");
  search.type = "search";
  search.setAttribute("aria-label", "Search");
  search.placeholder = "Search...";
  search.hidden = true;
  search.addEventListener("input", () => filterRows());
  const addRow = document.createElement("button");
  addRow.type = "button";
  addRow.className = "pagelet-button pagelet-button-sm";
  addRow.textContent = "Add row";
  element.append(parts.label, parts.info, search, scroller, addRow);
  let current: Table = { headers: [], data: [], display: null, styling: null };
  let props: Readonly<Props> = {};
  let editable = false;
  const staticColumns = (): number[] => (Array.isArray(props.static_columns) ? props.static_columns.filter((c): c is number => typeof c === "number") : []);
  const headerId = (column: number): string => `${context.domId}-column-${column}`;

  // Gradio's `select` on a table: which cell, its value, and its row and column.
  const select = (rowIndex: number, column: number): void => {
    context.emit("select", {
      index: [rowIndex, column],
      value: current.data[rowIndex]?.[column] ?? null,
      row_value: [...(current.data[rowIndex] ?? [])],
      col_value: current.data.map((row) => row[column] ?? null),
      selected: true,
    });
  };

  const cell = (rowIndex: number, column: number): HTMLTableCellElement => {
    const td = document.createElement("td");
    td.dataset.testid = `cell-${rowIndex}-${column}`;
    const text = displayText(current.data[rowIndex]?.[column]);
    td.addEventListener("click", () => select(rowIndex, column));
    const style = current.styling?.[rowIndex]?.[column];
    if (style) td.style.cssText = style;
    if (!editable || staticColumns().includes(column)) {
      td.textContent = truncated(current.display?.[rowIndex]?.[column] ?? text, num(props, "max_chars"));
      return td;
    }
    const input = document.createElement("input");
    input.className = "pagelet-cell";
    input.value = text;
    input.setAttribute("aria-label", `row ${rowIndex + 1}, column ${column + 1}`);
    if (column < current.headers.length) input.setAttribute("aria-describedby", headerId(column));
    input.addEventListener("change", () => {
      const row = current.data[rowIndex];
      if (row === undefined) return;
      row[column] = input.value;
      context.emit("input");
    });
    td.append(input);
    return td;
  };

  const filterRows = (): void => {
    const wanted = search.value.trim().toLowerCase();
    current.data.forEach((row, rowIndex) => {
      const tr = table.tBodies[0]?.rows[rowIndex];
      if (tr) tr.hidden = wanted !== "" && !row.some((cell) => displayText(cell).toLowerCase().includes(wanted));
    });
  };

  // Gradio's pinned_columns: the first n columns stay in view while the table scrolls sideways.
  const pinColumns = (): void => {
    const pinned = (num(props, "pinned_columns") ?? 0) + (bool(props, "show_row_numbers", false) ? 1 : 0);
    if (pinned <= 0) return;
    for (const row of table.rows) {
      let left = 0;
      for (const cellElement of [...row.cells].slice(0, pinned)) {
        cellElement.style.position = "sticky";
        cellElement.style.left = `${left}px`;
        cellElement.style.zIndex = "1";
        cellElement.style.background = cellElement.style.background || "var(--pagelet-background, Canvas)";
        left += cellElement.offsetWidth;
      }
    }
  };

  const draw = (): void => {
    const numbered = bool(props, "show_row_numbers", false);
    const widths = Array.isArray(props.column_widths) ? props.column_widths.map(cssLength) : [];
    const columns = document.createElement("colgroup");
    if (numbered) columns.append(document.createElement("col"));
    for (const width of widths) {
      const col = document.createElement("col");
      col.style.width = width;
      columns.append(col);
    }
    const head = document.createElement("thead");
    const headRow = document.createElement("tr");
    if (numbered) {
      const corner = document.createElement("th");
      corner.scope = "col";
      corner.textContent = "#";
      headRow.append(corner);
    }
    for (const header of current.headers) {
      const th = document.createElement("th");
      th.id = headerId(headRow.children.length - (numbered ? 1 : 0));
      th.scope = "col";
      th.textContent = header;
      headRow.append(th);
    }
    head.append(headRow);
    const body = document.createElement("tbody");
    current.data.forEach((row, rowIndex) => {
      const tr = document.createElement("tr");
      if (numbered) {
        const number = document.createElement("th");
        number.scope = "row";
        number.textContent = String(rowIndex + 1);
        tr.append(number);
      }
      const width = Math.max(row.length, current.headers.length);
      for (let column = 0; column < width; column++) tr.append(cell(rowIndex, column));
      body.append(tr);
    });
    table.replaceChildren(columns, head, body);
    table.style.whiteSpace = bool(props, "wrap", false) ? "normal" : "nowrap";
    filterRows();
    pinColumns();
    // Widths are known only once the table is laid out: pin again then.
    requestAnimationFrame(pinColumns);
  };

  addRow.addEventListener("click", () => {
    current.data.push(current.headers.map(() => ""));
    draw();
    context.emit("input");
  });

  return {
    element,
    update(next) {
      props = next;
      showCaption(parts, next);
      editable = interactive(next);
      addRow.hidden = !editable || !rowsDynamic(next);
      search.hidden = str(next, "show_search", "none") === "none";
      scroller.style.maxHeight = cssLength(next.max_height);
      scroller.style.overflow = "auto";
      current = readTable(next.value);
      draw();
    },
    getValue: () => ({ headers: [...current.headers], data: current.data.map((row) => [...row]), metadata: null }),
  };
};
