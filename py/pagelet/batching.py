"""``batch=True``: Gradio's batch contract, one list per input in and one list per output out.

``admission.Admission`` collects a batch's events; these two functions turn
their argument lists into the function's columns and its result back into
one value per event.
"""

from __future__ import annotations

from typing import Any

from .events import Dependency


def columns_of(calls: list[list[Any]]) -> list[list[Any]]:
    """One list per input, each with one value per call."""
    return [list(column) for column in zip(*calls)]


def split_result(dependency: Dependency, result: Any, size: int) -> list[Any]:
    """Each call's own value (a tuple when there are several outputs) from a batch function's result."""
    outputs = len(dependency.outputs)
    columns = list(result) if isinstance(result, (list, tuple)) else [result]
    if outputs == 1 and len(columns) != 1:
        columns = [columns]
    if len(columns) != outputs or any(not isinstance(c, (list, tuple)) or len(c) != size for c in columns):
        raise ValueError(
            f"A batch function returns one list per output ({outputs}), each with one value per call ({size})"
        )
    if outputs == 1:
        return list(columns[0])
    return [tuple(column[index] for column in columns) for index in range(size)]
