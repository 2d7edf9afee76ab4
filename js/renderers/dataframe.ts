import type { Props } from "../protocol";
import { blockElement, caption, interactive, showCaption } from "./block";
import { bool, cssLength, displayText, num, str } from "./props";
import { CellSelection, selectionText, type Cell } from "./dataframe-cells";
import type { ComponentView, Renderer } from "./types";

/** How many rows a table draws at first, and at each scroll to its end. */
const ROW_BATCH = 30;

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
 * gr.Dataframe: a grid named by its label, worked as a spreadsheet. A click
 * selects a cell (Shift extends a rectangle, Ctrl or Cmd adds a cell) and
 * fires `select`; a double click, Enter or F2 opens the cell's editor, a text
 * field named "Edit cell" as in Gradio (one at a time, so the name is
 * unambiguous; the cell itself is described by its row and column headers).
 * Enter or leaving the editor keeps the edit (Shift+Enter is a new line),
 * Escape drops it; Delete or Backspace empties the selected cells and
 * Ctrl/Cmd+C copies them as Gradio does. Arrow keys move between cells. The
 * core converts typed text to the column's `datatype`. Gradio's markup is kept
 * where its tests look: `data-row`/`data-col` and `data-testid="cell-R-C"` on
 * cells (R is the row's place in the value, also while a search hides rows),
 * `virtual-body`/`virtual-row`, `header-table`/`header-cell`, `search-input`.
 * Gradio draws its grid with divs; a real `<table role="grid">` keeps the
 * header relations for assistive technology.
 */
export const dataframe: Renderer = (context): ComponentView => {
  const element = blockElement("div", "dataframe");
  const parts = caption("span", context.domId);
  const scroller = document.createElement("div");
  scroller.className = "pagelet-dataframe-scroll";
  const table = document.createElement("table");
  table.className = "header-table";
  table.setAttribute("role", "grid");
  table.setAttribute("aria-labelledby", parts.label.id);
  scroller.append(table);
  // Gradio's show_search: only rows holding the text are drawn ("filter" can then keep just those).
  const search = document.createElement("input");
  search.type = "search";
  search.className = "search-input";
  // Gradio names the box only by a title; a short name reads better.
  search.setAttribute("aria-label", "Search");
  search.hidden = true;
  const applyFilter = document.createElement("button");
  applyFilter.type = "button";
  applyFilter.className = "pagelet-button pagelet-button-sm";
  applyFilter.textContent = "Apply filter";
  applyFilter.setAttribute("aria-label", "Apply filter and update dataframe values");
  applyFilter.hidden = true;
  const addRow = document.createElement("button");
  addRow.type = "button";
  addRow.className = "pagelet-button pagelet-button-sm";
  addRow.textContent = "Add row";
  element.append(parts.label, parts.info, search, applyFilter, scroller, addRow);
  let current: Table = { headers: [], data: [], display: null, styling: null };
  let props: Readonly<Props> = {};
  let editable = false;
  let query = "";
  const selection = new CellSelection();
  let editing: { cell: Cell; editor: HTMLTextAreaElement } | null = null;
  const cells = new Map<string, HTMLTableCellElement>();
  const staticColumns = (): number[] => (Array.isArray(props.static_columns) ? props.static_columns.filter((c): c is number => typeof c === "number") : []);
  const canEdit = ([, column]: Cell): boolean => editable && !staticColumns().includes(column);
  const headerId = (column: number): string => `${context.domId}-column-${column}`;
  const cellAt = ([row, column]: Cell): HTMLTableCellElement | undefined => cells.get(`${row},${column}`);
  const cellText = ([row, column]: Cell): string => displayText(current.data[row]?.[column]);

  // Gradio's `select` on a table: which cell, its value, and its row and column.
  const select = ([rowIndex, column]: Cell): void => {
    context.emit("select", {
      index: [rowIndex, column],
      value: current.data[rowIndex]?.[column] ?? null,
      row_value: [...(current.data[rowIndex] ?? [])],
      col_value: current.data.map((row) => row[column] ?? null),
      selected: true,
    });
  };

  const fill = (td: HTMLTableCellElement, [row, column]: Cell): void => {
    const text = displayText(current.data[row]?.[column]);
    const shown = document.createElement("span");
    shown.className = "pagelet-cell-text";
    shown.textContent = truncated(current.display?.[row]?.[column] ?? text, num(props, "max_chars"));
    // Gradio's cell markup has a space before the text, which its tests read; it takes no room here.
    td.replaceChildren(" ", shown);
  };

  const showSelection = (): void => {
    const active = selection.anchor ?? firstCell();
    for (const [place, td] of cells) {
      const [row, column] = place.split(",").map(Number) as [number, number];
      td.setAttribute("aria-selected", String(selection.has([row, column])));
      // Roving tabindex: Tab reaches the grid once, at its active cell; arrows move within it.
      td.tabIndex = active !== null && active[0] === row && active[1] === column ? 0 : -1;
    }
  };

  const firstCell = (): Cell | null => {
    const first = cells.keys().next();
    return first.done ? null : (first.value.split(",").map(Number) as unknown as Cell);
  };

  // A typed value replaces the Styler's text for that cell, which described the old value.
  const setCell = ([row, column]: Cell, value: string): void => {
    const values = current.data[row];
    if (values) values[column] = value;
    const shown = current.display?.[row];
    if (shown) shown[column] = null;
  };

  const commit = (keep: boolean): void => {
    if (!editing) return;
    const { cell, editor } = editing;
    editing = null;
    const [row, column] = cell;
    const previous = current.data[row]?.[column];
    const td = cellAt(cell);
    if (keep && current.data[row] !== undefined && editor.value !== displayText(previous)) {
      setCell(cell, editor.value);
      if (td) fill(td, cell);
      context.emit("input");
      context.emit("edit", { index: [row, column], value: editor.value, previous_value: previous ?? null });
    } else if (td) fill(td, cell);
  };

  const edit = (cell: Cell): void => {
    if (!canEdit(cell)) return;
    const td = cellAt(cell);
    if (!td || editing?.cell === cell) return;
    commit(true);
    const editor = document.createElement("textarea");
    editor.className = "pagelet-cell";
    editor.rows = 1;
    editor.value = cellText(cell);
    editor.setAttribute("aria-label", "Edit cell");
    editor.addEventListener("keydown", (event) => {
      event.stopPropagation();
      if (event.key === "Enter" && !event.shiftKey) {
        event.preventDefault();
        commit(true);
        td.focus();
      } else if (event.key === "Escape") {
        commit(false);
        td.focus();
      }
    });
    editor.addEventListener("blur", () => {
      if (editing?.editor === editor) commit(true);
    });
    editing = { cell, editor };
    td.replaceChildren(editor);
    editor.focus();
  };

  const choose = (cell: Cell, mode: "only" | "range" | "toggle"): void => {
    selection.choose(cell, mode);
    showSelection();
    select(cell);
  };

  const copy = (): void => {
    const text = selectionText(selection.cells, cellText);
    if (text !== "") void navigator.clipboard?.writeText(text).catch(() => undefined);
  };

  const clearSelected = (): void => {
    const emptied = selection.cells.filter((cell) => canEdit(cell) && cellText(cell) !== "");
    for (const cell of emptied) {
      setCell(cell, "");
      const td = cellAt(cell);
      if (td) fill(td, cell);
    }
    if (emptied.length > 0) context.emit("input");
  };

  const move = ([row, column]: Cell, key: string): Cell | null => {
    if (key === "ArrowDown" && waiting.length > 0 && Number(table.tBodies[0]?.querySelector("tr.virtual-row:last-of-type")?.getAttribute("data-row")) === row) drawMore();
    const shown = [...(table.tBodies[0]?.querySelectorAll<HTMLTableRowElement>("tr.virtual-row") ?? [])].map((tr) => Number(tr.dataset.row));
    const at = shown.indexOf(row);
    const width = Math.max(current.headers.length, current.data[row]?.length ?? 0);
    if (key === "ArrowUp") return at > 0 ? [shown[at - 1] as number, column] : null;
    if (key === "ArrowDown") return at >= 0 && at < shown.length - 1 ? [shown[at + 1] as number, column] : null;
    if (key === "ArrowLeft") return column > 0 ? [row, column - 1] : null;
    if (key === "ArrowRight") return column < width - 1 ? [row, column + 1] : null;
    return null;
  };

  table.addEventListener("keydown", (event) => {
    const active = selection.anchor;
    if (!active || editing) return;
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "c") {
      event.preventDefault();
      copy();
    } else if (event.key === "Enter" || event.key === "F2") {
      event.preventDefault();
      edit(active);
    } else if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      clearSelected();
    } else if (event.key.startsWith("Arrow")) {
      const next = move(active, event.key);
      if (!next) return;
      event.preventDefault();
      choose(next, event.shiftKey ? "range" : "only");
      cellAt(next)?.focus();
    }
  });

  const cell = (rowIndex: number, column: number): HTMLTableCellElement => {
    const td = document.createElement("td");
    const place: Cell = [rowIndex, column];
    td.dataset.row = String(rowIndex);
    td.dataset.col = String(column);
    td.dataset.testid = `cell-${rowIndex}-${column}`;
    td.tabIndex = -1;
    if (column < current.headers.length) td.setAttribute("aria-describedby", headerId(column));
    td.addEventListener("click", (event) => {
      if (editing?.cell[0] === rowIndex && editing.cell[1] === column) return;
      choose(place, event.shiftKey ? "range" : event.ctrlKey || event.metaKey ? "toggle" : "only");
    });
    td.addEventListener("dblclick", () => edit(place));
    const style = current.styling?.[rowIndex]?.[column];
    if (style) td.style.cssText = style;
    fill(td, place);
    cells.set(`${rowIndex},${column}`, td);
    return td;
  };

  const matches = (row: unknown[]): boolean => {
    const wanted = query.trim().toLowerCase();
    return wanted === "" || row.some((value) => displayText(value).toLowerCase().includes(wanted));
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

  // A long table draws its rows a batch at a time, the next batch once the last row scrolls into
  // view, so a table of thousands of rows costs what the person sees (Gradio draws only those too).
  let waiting: number[] = [];
  const sentinel = document.createElement("tr");
  sentinel.className = "pagelet-more-rows";
  sentinel.setAttribute("aria-hidden", "true");
  const nearEnd = new IntersectionObserver((seen) => {
    if (seen.some((entry) => entry.isIntersecting)) drawMore();
  }, { root: scroller, rootMargin: "200px" });
  nearEnd.observe(sentinel);

  function drawMore(): void {
    const body = table.tBodies[0];
    if (!body) return;
    const numbered = bool(props, "show_row_numbers", false);
    for (const rowIndex of waiting.splice(0, ROW_BATCH)) {
      const row = current.data[rowIndex] ?? [];
      const tr = document.createElement("tr");
      tr.className = "virtual-row";
      tr.dataset.row = String(rowIndex);
      tr.setAttribute("aria-rowindex", String(body.rows.length + 2 - (sentinel.parentElement === body ? 1 : 0)));
      if (numbered) {
        const number = document.createElement("th");
        number.className = "row-number";
        number.scope = "row";
        number.textContent = String(rowIndex + 1);
        tr.append(number);
      }
      const width = Math.max(row.length, current.headers.length);
      for (let column = 0; column < width; column++) tr.append(cell(rowIndex, column));
      body.insertBefore(tr, sentinel.parentElement === body ? sentinel : null);
    }
    if (waiting.length > 0) body.append(sentinel);
    else sentinel.remove();
    showSelection();
    pinColumns();
  }

  const draw = (): void => {
    editing = null;
    cells.clear();
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
      corner.className = "row-number-header";
      corner.scope = "col";
      corner.textContent = "#";
      headRow.append(corner);
    }
    current.headers.forEach((header, column) => {
      const th = document.createElement("th");
      th.id = headerId(column);
      th.className = "header-cell";
      th.scope = "col";
      th.textContent = header;
      headRow.append(th);
    });
    head.append(headRow);
    const body = document.createElement("tbody");
    body.className = "virtual-body";
    // Rows a search leaves out are not drawn, as in Gradio (its tests count the rows drawn).
    waiting = current.data.flatMap((row, rowIndex) => (matches(row) ? [rowIndex] : []));
    table.setAttribute("aria-rowcount", String(waiting.length + 1));
    table.replaceChildren(columns, head, body);
    drawMore();
    table.setAttribute("aria-readonly", String(!editable));
    table.style.whiteSpace = bool(props, "wrap", false) ? "normal" : "nowrap";
    showSelection();
    pinColumns();
    // Widths are known only once the table is laid out: pin again then.
    requestAnimationFrame(pinColumns);
  };

  search.addEventListener("input", () => {
    query = search.value;
    applyFilter.hidden = query.trim() === "" || str(props, "show_search", "none") !== "filter";
    draw();
  });

  // Gradio's "filter" search: the rows shown become the value.
  applyFilter.addEventListener("click", () => {
    current.data = current.data.filter(matches);
    current.display = null;
    current.styling = null;
    query = "";
    search.value = "";
    applyFilter.hidden = true;
    selection.clear();
    draw();
    context.emit("input");
  });

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
      const mode = str(next, "show_search", "none");
      search.hidden = mode === "none";
      search.placeholder = mode === "filter" ? "Filter..." : "Search...";
      scroller.style.maxHeight = cssLength(next.max_height);
      scroller.style.overflow = "auto";
      current = readTable(next.value);
      selection.clear();
      draw();
    },
    getValue: () => ({ headers: [...current.headers], data: current.data.map((row) => [...row]), metadata: null }),
  };
};
