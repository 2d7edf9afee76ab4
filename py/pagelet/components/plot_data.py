"""Binning, aggregation and sorting of a native plot's rows, in the core.

Gradio leaves these to Vega-Lite in the page; Pagelet's chart draws rows as
given, so the core does them first, with the standard library only:
``x_bin`` groups numeric x into bins of that width (or datetimes, given as
epoch milliseconds, into "10s", "15m", "1h", "1d" steps), ``y_aggregate``
folds the y values of each group (per colour series), and ``sort`` orders the
rows by x or y, or by a list of categories.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from typing import Any

Rows = list[list[Any]]

AGGREGATES: dict[str, Callable[[list[float]], float]] = {
    "sum": lambda values: sum(values),
    "mean": statistics.fmean,
    "median": statistics.median,
    "min": min,
    "max": max,
    "count": lambda values: len(values),
}

_TIME_UNITS_MS = {"s": 1_000, "m": 60_000, "h": 3_600_000, "d": 86_400_000}


def bin_width(x_bin: str | float, temporal: bool) -> float:
    """The width of one bin, in x's own units (milliseconds for datetimes)."""
    if isinstance(x_bin, str):
        number, unit = x_bin[:-1], x_bin[-1:]
        if unit not in _TIME_UNITS_MS or not temporal:
            raise ValueError(f"x_bin={x_bin!r}: a string bin is a time step such as '10s', '15m', '1h' or '1d', for a datetime x")
        try:
            return float(number) * _TIME_UNITS_MS[unit]
        except ValueError:
            raise ValueError(f"x_bin={x_bin!r}: expected a number before {unit!r}") from None
    width = float(x_bin)
    if width <= 0:
        raise ValueError(f"x_bin must be positive, got {x_bin!r}")
    return width


def is_numeric(values: Sequence[Any]) -> bool:
    return all(isinstance(value, (int, float)) and not isinstance(value, bool) for value in values if value is not None)


def aggregate(
    rows: Rows,
    x: int,
    y: int,
    color: int | None,
    x_bin: str | float | None,
    y_aggregate: str | None,
    temporal: bool = False,
) -> Rows:
    """Rows grouped by (binned x, colour), y folded with ``y_aggregate`` (default "sum").

    A binned x is the bin's start. Columns other than x, colour and y are
    dropped, since a group has no single value for them.
    """
    fold = AGGREGATES.get(y_aggregate or "sum")
    if fold is None:
        raise ValueError(f"y_aggregate must be one of {', '.join(AGGREGATES)}, got {y_aggregate!r}")
    width = bin_width(x_bin, temporal) if x_bin is not None else None
    groups: dict[tuple[Any, Any], list[Any]] = {}
    for row in rows:
        key_x = row[x]
        if width is not None:
            if not isinstance(key_x, (int, float)):
                raise ValueError(f"x_bin needs a numeric or datetime x, got {key_x!r}")
            key_x = (key_x // width) * width
            if isinstance(row[x], int) and float(key_x).is_integer():
                key_x = int(key_x)
        key = (key_x, row[color] if color is not None else None)
        values = groups.setdefault(key, [])
        if row[y] is not None:
            if not isinstance(row[y], (int, float)) or isinstance(row[y], bool):
                raise ValueError(f"y_aggregate needs numeric y values, got {row[y]!r}")
            values.append(row[y])
    result: Rows = []
    for (key_x, key_color), values in groups.items():
        folded = fold(values) if values else None
        row_out = [key_x, folded] if color is None else [key_x, folded, key_color]
        result.append(row_out)
    if width is not None:
        result.sort(key=lambda row: row[0])
    return result


def sort_rows(rows: Rows, x: int, y: int, sort: str | list[str] | None) -> Rows:
    """Gradio's ``sort``: "x", "-x", "y", "-y", or the order of x's categories."""
    if sort is None:
        return rows
    if isinstance(sort, list):
        order = {category: index for index, category in enumerate(sort)}
        return sorted(rows, key=lambda row: order.get(row[x], len(order)))
    if sort not in ("x", "-x", "y", "-y"):
        raise ValueError(f"sort must be 'x', '-x', 'y', '-y' or a list of categories, got {sort!r}")
    column = x if sort.endswith("x") else y
    present = [row for row in rows if row[column] is not None]
    missing = [row for row in rows if row[column] is None]
    return sorted(present, key=lambda row: row[column], reverse=sort.startswith("-")) + missing
