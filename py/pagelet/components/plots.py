"""LinePlot, ScatterPlot, BarPlot from a table of columns; Plot for a matplotlib figure.

The native plots send ``{"columns": [str], "data": [[cell]], "datatypes": {column: kind},
"mark": "line" | "point" | "bar"}`` as Gradio does: a kind is "quantitative", "nominal" or
"temporal", and a temporal cell is milliseconds since the epoch (UTC). The host draws them with a chart library it loads only when a plot is on
the page. A value is a pandas DataFrame or a dict of equal-length columns.
"""

from __future__ import annotations

import datetime
from typing import Any, ClassVar, Literal

from .. import optional
from ..files import output_path
from .base import Component
from .dataframe import plain_cell
from .file import to_file_data
from .plot_data import AGGREGATES, aggregate, bin_width, is_numeric, sort_rows


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
    # Gradio's config calls every native plot "nativeplot" and says which one in its `name` prop.
    TYPE = "nativeplot"
    NAME: ClassVar[str] = "lineplot"
    MARK: ClassVar[str] = "line"
    EVENTS = ("change", "select", "double_click")
    PROPS = (
        "x", "y", "color", "title", "x_title", "y_title", "color_title", "x_lim", "y_lim", "height", "width",
        "color_map", "show_legend", "colors_in_legend", "x_bin", "y_aggregate", "sort", "tooltip",
        "x_label_angle", "y_label_angle", "x_axis_format", "y_axis_format", "x_axis_labels_visible", "caption",
    )

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
        color_title: str | None = None,
        x_bin: str | float | None = None,
        y_aggregate: Literal["sum", "mean", "median", "min", "max", "count"] | None = None,
        color_map: dict[str, str] | None = None,
        colors_in_legend: list[str] | None = None,
        x_lim: list[float | None] | None = None,
        y_lim: list[float | None] | None = None,
        x_label_angle: float = 0,
        y_label_angle: float = 0,
        x_axis_format: str | None = None,
        y_axis_format: str | None = None,
        x_axis_labels_visible: bool | Literal["hidden"] = True,
        caption: str | None = None,
        sort: Literal["x", "y", "-x", "-y"] | list[str] | None = None,
        tooltip: Literal["axis", "none", "all"] | list[str] = "axis",
        height: int | None = None,
        width: int | None = None,
        show_legend: bool = True,
        label: str | None = None,
        **kwargs: Any,
    ) -> None:
        if y_aggregate is not None and y_aggregate not in AGGREGATES:
            raise ValueError(f"y_aggregate must be one of {', '.join(AGGREGATES)}, got {y_aggregate!r}")
        if x_bin is not None:
            bin_width(x_bin, temporal=isinstance(x_bin, str))  # refuse a bad bin at start-up, not at the first plot
        self.x = x
        self.y = y
        self.color = color
        self.title = title
        self.x_title = x_title
        self.y_title = y_title
        self.color_title = color_title
        self.x_bin = x_bin
        self.y_aggregate = y_aggregate
        self.x_lim = x_lim
        self.y_lim = y_lim
        self.color_map = color_map
        self.colors_in_legend = colors_in_legend
        self.x_label_angle = x_label_angle
        self.y_label_angle = y_label_angle
        self.x_axis_format = x_axis_format
        self.y_axis_format = y_axis_format
        self.x_axis_labels_visible = x_axis_labels_visible
        self.caption = caption
        self.sort = sort
        self.tooltip = tooltip
        self.height = height
        self.width = width
        self.show_legend = show_legend
        super().__init__(value, label=label, **kwargs)

    def get_props(self) -> dict[str, Any]:
        return {**super().get_props(), "name": self.NAME}

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        if value is None:
            return None
        names, rows = _columns(value)
        for axis, name in (("x", self.x), ("y", self.y), ("color", self.color)):
            if name is not None and name not in names:
                raise ValueError(f"The plot's {axis}={name!r} is not a column; the columns are {', '.join(names)}")
        rows = [[_plain_plot_cell(cell) for cell in row] for row in rows]
        kinds = _datatypes(value, names, rows)
        rows = [[_epoch_ms(cell) if isinstance(cell, datetime.datetime) else cell for cell in row] for row in rows]
        if self.x is not None and self.y is not None:
            names, rows = self._grouped(names, rows, kinds[str(self.x)] == "temporal")
        return {
            "columns": names,
            "data": [[plain_cell(cell) for cell in row] for row in rows],
            "datatypes": {name: kinds[name] for name in names},
            "mark": self.MARK,
        }

    def _grouped(self, names: list[str], rows: list[list[Any]], temporal: bool) -> tuple[list[str], list[list[Any]]]:
        """Bin, aggregate and sort as Gradio's chart would: x binned, or a category x, folds y per group."""
        x, y = names.index(str(self.x)), names.index(str(self.y))
        color = names.index(str(self.color)) if self.color is not None else None
        x_values = [row[x] for row in rows]
        categorical = not temporal and not is_numeric(x_values)
        # Gradio's rule: a binned x, or a category x on a line or bar chart, is aggregated.
        if self.x_bin is not None or (categorical and self.MARK != "point"):
            rows = aggregate(rows, x, y, color, self.x_bin, self.y_aggregate, temporal=temporal)
            names = [names[x], names[y]] + ([names[color]] if color is not None else [])
            x, y = 0, 1
        return names, sort_rows(rows, x, y, self.sort)

    def preprocess(self, payload: Any) -> Any:
        if payload is None:
            return None
        pandas = optional.require("pandas")
        return pandas.DataFrame(payload["data"], columns=payload["columns"])


def _plain_plot_cell(cell: Any) -> Any:
    """pandas Timestamps become datetimes, so binning can read them; other cells stay."""
    to_pydatetime = getattr(cell, "to_pydatetime", None)
    return to_pydatetime() if callable(to_pydatetime) else cell


def _epoch_ms(moment: datetime.datetime) -> int:
    # pandas' to_json(date_unit="ms"), which Gradio uses: a naive time is read as UTC.
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.timezone.utc)
    return round(moment.timestamp() * 1000)


def _datatypes(value: Any, names: list[str], rows: list[list[Any]]) -> dict[str, str]:
    """Each column's kind, from a DataFrame's dtypes (as Gradio reads them), else from the cells."""
    pandas = optional.loaded("pandas")
    if pandas is not None and isinstance(value, pandas.DataFrame):
        types = pandas.api.types
        kinds = {}
        for name, column in zip(names, value.columns):
            dtype = value[column].dtype
            kinds[name] = ("quantitative" if types.is_numeric_dtype(dtype)
                           else "temporal" if types.is_datetime64_any_dtype(dtype) else "nominal")
        return kinds
    kinds = {}
    for index, name in enumerate(names):
        cells = [row[index] for row in rows if row[index] is not None]
        if cells and all(isinstance(cell, datetime.datetime) for cell in cells):
            kinds[name] = "temporal"
        else:
            kinds[name] = "quantitative" if cells and is_numeric(cells) else "nominal"
    return kinds


class LinePlot(NativePlot):
    NAME = "lineplot"
    MARK = "line"


class ScatterPlot(NativePlot):
    NAME = "scatterplot"
    MARK = "point"


class BarPlot(NativePlot):
    NAME = "barplot"
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
