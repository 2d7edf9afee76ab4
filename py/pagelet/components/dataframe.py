"""Dataframe: a table of values, shown and optionally edited.

The host value is Gradio's ``{"headers": [str], "data": [[cell]], "metadata": None}``.
``type="array"`` needs nothing but lists; ``"pandas"`` and ``"numpy"`` import
those libraries when a value goes through them.
"""

from __future__ import annotations

from typing import Any, Literal

from .. import optional
from .base import Component

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


class Dataframe(Component):
    TYPE = "dataframe"
    DEFAULT_BUTTONS = ("fullscreen", "copy")
    EVENTS = ("change", "input", "select", "edit")
    PROPS = ("headers", "datatype", "row_count", "col_count", "type", "max_height", "wrap", "column_widths")

    def __init__(
        self,
        value: Any = None,
        *,
        headers: list[str] | None = None,
        row_count: int | tuple[int, str] = (1, "dynamic"),
        col_count: int | tuple[int, str] | None = None,
        datatype: DataType | list[DataType] = "str",
        type: Literal["pandas", "numpy", "array"] = "pandas",
        label: str | None = None,
        max_height: int = 500,
        wrap: bool = False,
        column_widths: list[str | int] | None = None,
        **kwargs: Any,
    ) -> None:
        if type not in ("pandas", "numpy", "array"):
            raise ValueError(f"Dataframe type must be 'pandas', 'numpy' or 'array', got {type!r}")
        self.row_count = list(row_count) if isinstance(row_count, tuple) else [row_count, "dynamic"]
        if col_count is None:
            col_count = (len(headers), "dynamic") if headers else (3, "dynamic")
        self.col_count: list[Any] = list(col_count) if isinstance(col_count, tuple | list) else [col_count, "dynamic"]
        self.headers = list(headers) if headers else [str(i) for i in range(1, self.col_count[0] + 1)]
        self.datatype = datatype
        self.type = type
        self.max_height = max_height
        self.wrap = wrap
        self.column_widths = column_widths
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
        headers = [str(h) for h in payload.get("headers") or self.headers]
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
        headers, rows = self._table(value)
        return {"headers": headers, "data": [[plain_cell(cell) for cell in row] for row in rows], "metadata": None}

    def _table(self, value: Any) -> tuple[list[str], list[list[Any]]]:
        if value is None:
            return self.headers, [["" for _ in self.headers]]
        if isinstance(value, dict):
            if "data" in value:
                rows = [list(row) for row in value["data"]]
                return [str(h) for h in value.get("headers") or self._default_headers(rows)], rows
            # A dict of columns.
            headers = [str(key) for key in value]
            columns = [list(column) for column in value.values()]
            return headers, [list(row) for row in zip(*columns)]
        pandas = optional.loaded("pandas")
        if pandas is not None and isinstance(value, pandas.DataFrame):
            return [str(c) for c in value.columns], value.values.tolist()
        numpy = optional.loaded("numpy")
        if numpy is not None and isinstance(value, numpy.ndarray):
            value = value.tolist()
        if isinstance(value, (list, tuple)):
            rows = [list(row) if isinstance(row, (list, tuple)) else [row] for row in value]
            return self._default_headers(rows), rows
        raise TypeError(f"Cannot show a {type(value).__name__} as a table: return a DataFrame, a list of rows or a dict")

    def _default_headers(self, rows: list[list[Any]]) -> list[str]:
        width = max((len(row) for row in rows), default=len(self.headers))
        return self.headers[:width] + [str(i) for i in range(len(self.headers) + 1, width + 1)]
