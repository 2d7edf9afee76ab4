"""``gr.EventData`` and ``gr.SelectData``: what a function learns about the event itself.

A function asks for it by annotating a parameter with one of these classes;
the core puts the object in that position and the inputs in the others.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Collection
from typing import Any


class EventData:
    """The event's details as the host sent them (``_data``)."""

    def __init__(self, target: Any, data: dict[str, Any]) -> None:
        self.target = target
        self._data = data


class SelectData(EventData):
    """A ``select`` event: which item (``index``, ``value``) and whether it is now selected."""

    def __init__(self, target: Any, data: dict[str, Any]) -> None:
        super().__init__(target, data)
        self.index: int | tuple[int, int] | None = tuple(data["index"]) if isinstance(data.get("index"), list) else data.get("index")
        self.value: Any = data.get("value")
        self.selected: bool = bool(data.get("selected", True))
        self.row_value: Any = data.get("row_value")
        self.col_value: Any = data.get("col_value")


_CLASSES: dict[str, type[EventData]] = {"EventData": EventData, "SelectData": SelectData}


def _event_class(annotation: Any) -> type[EventData] | None:
    if isinstance(annotation, type) and issubclass(annotation, EventData):
        return annotation
    if isinstance(annotation, str):
        # `from __future__ import annotations` leaves "gr.SelectData" as text.
        return _CLASSES.get(annotation.rsplit(".", 1)[-1])
    return None


def with_event_data(
    fn: Callable[..., Any] | None,
    args: list[Any],
    event_data: dict[str, Any] | None,
    skip: Collection[str] = (),
) -> list[Any]:
    """``args`` with an ``EventData`` put where ``fn`` has a parameter annotated for one.

    Parameters named in ``skip`` are supplied by keyword elsewhere (``gr.Progress``,
    ``gr.Request``) and take no positional argument.
    """
    if fn is None:
        return args
    try:
        parameters = [p for p in inspect.signature(fn).parameters.values() if p.name not in skip]
    except (TypeError, ValueError):
        return args
    wanted = [(index, _event_class(p.annotation)) for index, p in enumerate(parameters)]
    if not any(cls for _, cls in wanted):
        return args
    remaining = iter(args)
    result: list[Any] = []
    for index, cls in wanted:
        if cls is not None:
            result.append(cls(None, event_data or {}))
        else:
            try:
                result.append(next(remaining))
            except StopIteration:
                break
    result.extend(remaining)
    return result
