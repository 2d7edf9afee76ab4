import type { Props } from "../protocol";
import { blockElement, caption, interactive, showCaption } from "./block";
import { displayText } from "./props";
import type { ComponentView, Renderer } from "./types";

interface Table {
  headers: string[];
  data: unknown[][];
}

function readTable(value: unknown): Table {
  if (typeof value !== "object" || value === null) return { headers: [], data: [] };
  const record = value as Record<string, unknown>;
  const headers = Array.isArray(record.headers) ? record.headers.map(displayText) : [];
  const data = Array.isArray(record.data) ? record.data.map((row: unknown) => (Array.isArray(row) ? [...row] : [row])) : [];
  return { headers, data };
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
  const addRow = document.createElement("button");
  addRow.type = "button";
  addRow.className = "pagelet-button pagelet-button-sm";
  addRow.textContent = "Add row";
  element.append(parts.label, parts.info, scroller, addRow);
  let current: Table = { headers: [], data: [] };
  let editable = false;
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
    if (!editable) {
      td.textContent = text;
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

  const draw = (): void => {
    const head = document.createElement("thead");
    const headRow = document.createElement("tr");
    for (const header of current.headers) {
      const th = document.createElement("th");
      th.id = headerId(headRow.children.length);
      th.scope = "col";
      th.textContent = header;
      headRow.append(th);
    }
    head.append(headRow);
    const body = document.createElement("tbody");
    current.data.forEach((row, rowIndex) => {
      const tr = document.createElement("tr");
      const width = Math.max(row.length, current.headers.length);
      for (let column = 0; column < width; column++) tr.append(cell(rowIndex, column));
      body.append(tr);
    });
    table.replaceChildren(head, body);
  };

  addRow.addEventListener("click", () => {
    current.data.push(current.headers.map(() => ""));
    draw();
    context.emit("input");
  });

  return {
    element,
    update(props) {
      showCaption(parts, props);
      editable = interactive(props);
      addRow.hidden = !editable || !rowsDynamic(props);
      current = readTable(props.value);
      draw();
    },
    getValue: () => ({ headers: [...current.headers], data: current.data.map((row) => [...row]), metadata: null }),
  };
};
