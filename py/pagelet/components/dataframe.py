"""Dataframe: a table of values, shown and optionally edited.

The host value is Gradio's ``{"headers": [str], "data": [[cell]], "metadata": None}``.
``type="array"`` needs nothing but lists; ``"pandas"`` and ``"numpy"`` import
those libraries when a value goes through them.
"""

from __future__ import annotations

from typing import Any, Literal

from .. import optional
from .base import Component
from .display import latex_delimiters_or_default

DataType = Literal["str", "number", "bool", "date", "markdown", "html"]


def _number(cell: Any) -> Any:
    """A cell the person typed into a number column, as a number (text stays text if it is not one)."""
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return cell
    text = str(cell).strip() if cell is not None else ""
    if text == "":
        return None
    try:
        return int(text)
    except ValueError:
        try:
            return float(text)
        except ValueError:
            return cell


def plain_cell(cell: Any) -> Any:
    """A cell as JSON can carry it (numpy scalars, timestamps)."""
    if cell is None or isinstance(cell, (str, int, float, bool)):
        return cell
    item = getattr(cell, "item", None)
    if callable(item):
        try:
            return item()
        except (TypeError, ValueError):
            pass
    return str(cell)


Count = Literal["fixed", "dynamic"]
SearchMode = Literal["none", "search", "filter"]


def _count(count: int | tuple[int, str] | list[Any] | None, default: int) -> list[Any]:
    """Gradio's ``row_count`` / ``column_count``: a number, or ``(n, "fixed" | "dynamic")``."""
    if count is None:
        return [default, "dynamic"]
    if isinstance(count, (int, float)) and not isinstance(count, bool):
        return [int(count), "dynamic"]
    if isinstance(count, (tuple, list)) and len(count) == 2 and count[1] in ("fixed", "dynamic"):
        return [int(count[0]), count[1]]
    raise ValueError(f"A row or column count is a number or (n, 'fixed' | 'dynamic'), got {count!r}")


def _css_width(width: str | int) -> str:
    """Gradio's ``column_widths``: numbers are pixels; "120px", "20%" and "auto" pass as they are."""
    if isinstance(width, str) and (width.endswith(("px", "%")) or width == "auto"):
        return width
    return f"{width}px"


def styler_metadata(styler: Any) -> dict[str, list[list[str]]]:
    """A pandas ``Styler``'s shown text and CSS per visible cell: Gradio's ``metadata``
    (``display_value``, ``styling``), so the page shows the table as the Styler formats it."""
    # Styler computes its per-cell styles lazily; _compute() fills ``ctx`` with (property, value) pairs.
    computed = styler._compute()
    frame = styler.data
    hidden = {int(column) for column in getattr(styler, "hidden_columns", [])}
    shown = [column for column in range(frame.shape[1]) if column not in hidden]
    display: list[list[str]] = []
    styling: list[list[str]] = []
    for row in range(frame.shape[0]):
        display.append([str(computed._display_funcs[(row, column)](frame.iat[row, column])) for column in shown])
        styling.append(["; ".join(f"{name}: {value}" for name, value in computed.ctx.get((row, column), [])) for column in shown])
    return {"display_value": display, "styling": styling}



# A column's header: Gradio keeps a number as a number.
Header = str | int | float


def header_label(label: Any) -> Header:
    """A column's header as Gradio sends it: a number stays a number (a DataFrame with
    ``columns=range(5)`` has headers ``[0, 1, 2, 3, 4]``), anything else is its text."""
    scalar = label.item() if hasattr(label, "item") else label  # a numpy number as Python's
    return scalar if isinstance(scalar, (int, float)) and not isinstance(scalar, bool) else str(label)

class Dataframe(Component):
    TYPE = "dataframe"
    DEFAULT_BUTTONS = ("fullscreen", "copy")
    EVENTS = ("change", "input", "select", "edit")
    PROPS = (
        "headers", "datatype", "row_count", "col_count", "column_count", "type", "max_height", "wrap", "column_widths",
        "latex_delimiters", "line_breaks", "show_row_numbers", "max_chars", "show_search", "pinned_columns",
        "static_columns", "row_limits", "column_limits",
    )

    def __init__(
        self,
        value: Any = None,
        *,
        headers: list[str] | None = None,
        row_count: int | tuple[int, Count] | None = None,
        row_limits: tuple[int | None, int | None] | None = None,
        col_count: int | tuple[int, Count] | None = None,
        column_count: int | tuple[int, Count] | None = None,
        column_limits: tuple[int | None, int | None] | None = None,
        datatype: DataType | list[DataType] = "str",
        type: Literal["pandas", "numpy", "array"] = "pandas",
        latex_delimiters: list[dict[str, Any]] | None = None,
        label: str | None = None,
        max_height: int | str = 500,
        wrap: bool = False,
        line_breaks: bool = True,
        column_widths: list[str | int] | None = None,
        show_row_numbers: bool = False,
        max_chars: int | None = None,
        show_search: SearchMode = "none",
        pinned_columns: int | None = None,
        static_columns: list[int] | None = None,
        **kwargs: Any,
    ) -> None:
        if type not in ("pandas", "numpy", "array"):
            raise ValueError(f"Dataframe type must be 'pandas', 'numpy' or 'array', got {type!r}")
        if show_search not in ("none", "search", "filter"):
            raise ValueError(f"show_search must be 'none', 'search' or 'filter', got {show_search!r}")
        self.row_count = _count(row_count, 3)
        # Gradio 6 renamed col_count to column_count; the old name is still read when the new one is not given.
        self.column_count = _count(column_count if column_count is not None else col_count, len(headers) if headers else 3)
        self.col_count = self.column_count
        if headers is not None and len(headers) != self.column_count[0]:
            raise ValueError(
                f"The length of headers ({len(headers)}) must equal column_count ({self.column_count[0]})"
            )
        self.row_limits = row_limits
        self.column_limits = column_limits
        self.headers = list(headers) if headers else [str(i) for i in range(1, self.column_count[0] + 1)]
        self.datatype = datatype
        self.type = type
        self.latex_delimiters = latex_delimiters_or_default(latex_delimiters)
        self.max_height = max_height
        self.wrap = wrap
        self.line_breaks = line_breaks
        self.column_widths = [_css_width(width) for width in column_widths or []]
        self.show_row_numbers = show_row_numbers
        self.max_chars = max_chars
        self.show_search = show_search
        self.pinned_columns = pinned_columns
        self.static_columns = list(static_columns or [])
        super().__init__(value, label=label, **kwargs)

    def optional_packages(self) -> tuple[str, ...]:
        return {"pandas": ("pandas",), "numpy": ("numpy",)}.get(self.type, ())

    def _column_type(self, index: int) -> str:
        if isinstance(self.datatype, list):
            return self.datatype[index] if index < len(self.datatype) else "str"
        return self.datatype

    def _typed_rows(self, rows: list[list[Any]]) -> list[list[Any]]:
        return [
            [_number(cell) if self._column_type(i) == "number" else cell for i, cell in enumerate(row)]
            for row in rows
        ]

    def preprocess(self, payload: Any) -> Any:
        if payload is None:
            return None
        if not isinstance(payload, dict) or not isinstance(payload.get("data"), list):
            raise TypeError("Dataframe expects {'headers': [...], 'data': [[...]]}")
        headers = [header_label(h) for h in payload.get("headers") or self.headers]
        if not all(isinstance(row, list) for row in payload["data"]):
            raise TypeError("each row of the table must be a list of cells")
        if len({len(row) for row in payload["data"]}) > 1:
            # pandas would pad short rows with NaN (and will refuse them); a page never sends them.
            raise ValueError("the rows of the table have different lengths")
        rows = self._typed_rows([list(row) for row in payload["data"]])
        if self.type == "array":
            return rows
        if self.type == "numpy":
            return optional.require("numpy").array(rows)
        pandas = optional.require("pandas")
        return pandas.DataFrame(rows, columns=headers[: len(rows[0])] if rows else headers)

    def postprocess(self, value: Any) -> dict[str, Any]:
        metadata = None
        styler = optional.loaded("pandas.io.formats.style")
        if styler is not None and isinstance(value, styler.Styler):
            metadata = styler_metadata(value)
            value = value.data
        elif isinstance(value, dict) and isinstance(value.get("metadata"), dict):
            metadata = value["metadata"]
        headers, rows = self._table(value)
        return {"headers": headers, "data": [[plain_cell(cell) for cell in row] for row in rows], "metadata": metadata}

    def _table(self, value: Any) -> tuple[list[Header], list[list[Any]]]:
        if value is None:
            # Gradio 6 shows no rows until there is a value (a tab's select may fill the table later).
            return list[Header](self.headers), []
        if isinstance(value, dict):
            if "data" in value:
                rows = [list(row) for row in value["data"]]
                return [header_label(h) for h in value.get("headers") or self._default_headers(rows)], rows
            # A dict of columns.
            headers: list[Header] = [str(key) for key in value]
            columns = [list(column) for column in value.values()]
            return headers, [list(row) for row in zip(*columns)]
        pandas = optional.loaded("pandas")
        if pandas is not None and isinstance(value, pandas.DataFrame):
            # Row by row, so each cell keeps its column's type (``.values`` would make ints floats beside a float column).
            return [header_label(c) for c in value.columns], [list(row) for row in value.itertuples(index=False, name=None)]
        numpy = optional.loaded("numpy")
        if numpy is not None and isinstance(value, numpy.ndarray):
            value = value.tolist()
        if isinstance(value, (list, tuple)):
            rows = [list(row) if isinstance(row, (list, tuple)) else [row] for row in value]
            return list[Header](self._default_headers(rows)), rows
        raise TypeError(f"Cannot show a {type(value).__name__} as a table: return a DataFrame, a list of rows or a dict")

    def _default_headers(self, rows: list[list[Any]]) -> list[str]:
        width = max((len(row) for row in rows), default=len(self.headers))
        return self.headers[:width] + [str(i) for i in range(len(self.headers) + 1, width + 1)]
