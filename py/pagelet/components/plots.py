"""LinePlot, ScatterPlot, BarPlot from a table of columns; Plot for a matplotlib figure.

The native plots send ``{"columns": [str], "data": [[cell]], "mark": "line" | "point" | "bar"}``
and the host draws them with a chart library it loads only when a plot is on
the page. A value is a pandas DataFrame or a dict of equal-length columns.
"""

from __future__ import annotations

from typing import Any, ClassVar

from .. import optional
from ..files import output_path
from .base import Component
from .dataframe import plain_cell
from .file import to_file_data


def _columns(value: Any) -> tuple[list[str], list[list[Any]]]:
    pandas = optional.loaded("pandas")
    if pandas is not None and isinstance(value, pandas.DataFrame):
        return [str(c) for c in value.columns], value.values.tolist()
    if isinstance(value, dict):
        names = [str(key) for key in value]
        columns = [list(column) for column in value.values()]
        if len({len(column) for column in columns}) > 1:
            raise ValueError("Every column of a plot must have the same length")
        return names, [list(row) for row in zip(*columns)]
    raise TypeError(f"A plot takes a pandas DataFrame or a dict of columns, got {type(value).__name__}")


class NativePlot(Component):
    MARK: ClassVar[str] = "line"
    EVENTS = ("change", "select", "double_click")
    PROPS = ("x", "y", "color", "title", "x_title", "y_title", "x_lim", "y_lim", "height", "width", "color_map", "show_legend")

    def __init__(
        self,
        value: Any = None,
        x: str | None = None,
        y: str | None = None,
        *,
        color: str | None = None,
        title: str | None = None,
        x_title: str | None = None,
        y_title: str | None = None,
        x_lim: list[float] | None = None,
        y_lim: list[float] | None = None,
        color_map: dict[str, str] | None = None,
        height: int | None = None,
        width: int | None = None,
        show_legend: bool = True,
        label: str | None = None,
        **kwargs: Any,
    ) -> None:
        self.x = x
        self.y = y
        self.color = color
        self.title = title
        self.x_title = x_title
        self.y_title = y_title
        self.x_lim = x_lim
        self.y_lim = y_lim
        self.color_map = color_map
        self.height = height
        self.width = width
        self.show_legend = show_legend
        super().__init__(value, label=label, **kwargs)

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        if value is None:
            return None
        names, rows = _columns(value)
        for axis, name in (("x", self.x), ("y", self.y), ("color", self.color)):
            if name is not None and name not in names:
                raise ValueError(f"The plot's {axis}={name!r} is not a column; the columns are {', '.join(names)}")
        return {"columns": names, "data": [[plain_cell(cell) for cell in row] for row in rows], "mark": self.MARK}

    def preprocess(self, payload: Any) -> Any:
        if payload is None:
            return None
        pandas = optional.require("pandas")
        return pandas.DataFrame(payload["data"], columns=payload["columns"])


class LinePlot(NativePlot):
    TYPE = "lineplot"
    MARK = "line"


class ScatterPlot(NativePlot):
    TYPE = "scatterplot"
    MARK = "point"


class BarPlot(NativePlot):
    TYPE = "barplot"
    MARK = "bar"


class Plot(Component):
    """A figure made by a plotting library: a matplotlib figure is shown as a PNG image,
    a Plotly figure as its JSON (``fig.to_json()``), drawn by plotly.js in the page.
    Neither library is imported here: the figure the app returns is asked."""

    TYPE = "plot"
    EVENTS = ("change",)
    PROPS = ("format",)

    def __init__(self, value: Any = None, *, format: str = "png", label: str | None = None, **kwargs: Any) -> None:
        self.format = format
        super().__init__(value, label=label, **kwargs)

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        if value is None:
            return None
        if hasattr(value, "savefig"):
            path = output_path(f".{self.format}")
            value.savefig(path, format=self.format, bbox_inches="tight")
            return {"type": "matplotlib", "plot": to_file_data(path)}
        if hasattr(value, "to_json") and type(value).__module__.startswith("plotly"):
            return {"type": "plotly", "plot": value.to_json()}
        raise TypeError(f"Cannot show a {type(value).__name__} as a plot: return a matplotlib or Plotly figure")
