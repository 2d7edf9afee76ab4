"""``gr.EventData`` and its subclasses: what a function learns about the event itself.

A function asks for it by annotating a parameter with one of these classes;
the core puts the object in that position and the inputs in the others. The
attributes are Gradio's, filled from the ``event_data`` the host sends with
the event; ``target`` is the component whose event started the run (for a
``.then()`` step, the one that started the chain).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Collection
from typing import Any

from .alerts import Error


class EventData:
    """The event's details as the host sent them (``_data``); any of them also reads as an attribute."""

    def __init__(self, target: Any, data: dict[str, Any]) -> None:
        self.target = target
        self._data = data

    def __getattr__(self, name: str) -> Any:
        # Only reached for names not set in __init__: Gradio reads unknown keys from the payload.
        data = self.__dict__.get("_data") or {}
        if name in data:
            return data[name]
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")


class FileData:
    """A file named in an event (``DeletedFileData.file``, ``DownloadData.file``), with Gradio's attributes."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.path: str = str(data.get("path") or "")
        self.url: str | None = data.get("url")
        self.size: int | None = data.get("size")
        self.orig_name: str | None = data.get("orig_name")
        self.mime_type: str | None = data.get("mime_type")
        self.is_stream: bool = bool(data.get("is_stream", False))
        self.meta: dict[str, Any] = data.get("meta") or {"_type": "gradio.FileData"}

    def __repr__(self) -> str:
        return f"FileData(path={self.path!r}, orig_name={self.orig_name!r})"


class SelectData(EventData):
    """A ``select`` event: which item (``index``, ``value``) and whether it is now selected."""

    def __init__(self, target: Any, data: dict[str, Any]) -> None:
        super().__init__(target, data)
        # As the page sent it, as in Gradio: a list for a cell or a pixel ([row, col], [x, y]).
        self.index: int | list[int] | None = data.get("index")
        self.value: Any = data.get("value")
        self.selected: bool = bool(data.get("selected", True))
        self.row_value: Any = data.get("row_value")
        self.col_value: Any = data.get("col_value")


class KeyUpData(EventData):
    """A ``key_up`` event: the ``key`` pressed and the text in the box after it (``input_value``)."""

    def __init__(self, target: Any, data: dict[str, Any]) -> None:
        super().__init__(target, data)
        self.key: str = str(data.get("key", ""))
        self.input_value: str = str(data.get("input_value", ""))


class LikeData(EventData):
    """A Chatbot ``like``: the message (``index``, ``value``) and ``liked`` (True, False or a feedback string)."""

    def __init__(self, target: Any, data: dict[str, Any]) -> None:
        super().__init__(target, data)
        self.index: int | list[int] | None = data.get("index")
        self.value: Any = data.get("value")
        self.liked: bool | str = data.get("liked", True)


class RetryData(EventData):
    """A Chatbot ``retry``: the user message to answer again (``index``, ``value``)."""

    def __init__(self, target: Any, data: dict[str, Any]) -> None:
        super().__init__(target, data)
        self.index: int | list[int] | None = data.get("index")
        self.value: Any = data.get("value")


class UndoData(EventData):
    """A Chatbot ``undo``: the user message to take back (``index``, ``value``)."""

    def __init__(self, target: Any, data: dict[str, Any]) -> None:
        super().__init__(target, data)
        self.index: int | list[int] | None = data.get("index")
        self.value: Any = data.get("value")


class EditData(EventData):
    """An ``edit``: which message or cell (``index``), its ``previous_value`` and new ``value``."""

    def __init__(self, target: Any, data: dict[str, Any]) -> None:
        super().__init__(target, data)
        self.index: int | list[int] | None = data.get("index")
        self.previous_value: Any = data.get("previous_value")
        self.value: Any = data.get("value")


class CopyData(EventData):
    """A ``copy``: the ``value`` that was copied."""

    def __init__(self, target: Any, data: dict[str, Any]) -> None:
        super().__init__(target, data)
        self.value: Any = data.get("value")


class DeletedFileData(EventData):
    """A File ``delete``: the ``file`` removed, as a ``FileData``."""

    def __init__(self, target: Any, data: dict[str, Any]) -> None:
        super().__init__(target, data)
        self.file = FileData(data)


class DownloadData(EventData):
    """A ``download``: the ``file`` downloaded, as a ``FileData``."""

    def __init__(self, target: Any, data: dict[str, Any]) -> None:
        super().__init__(target, data)
        self.file = FileData(data)


_CLASSES: dict[str, type[EventData]] = {
    cls.__name__: cls
    for cls in (
        EventData, SelectData, KeyUpData, LikeData, RetryData, UndoData, EditData, CopyData, DeletedFileData,
        DownloadData,
    )
}


def event_data_class(annotation: Any) -> type[EventData] | None:
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
    target: Any = None,
) -> list[Any]:
    """``args`` with an ``EventData`` put where ``fn`` has a parameter annotated for one.

    Parameters named in ``skip`` are supplied by keyword elsewhere (``gr.Progress``,
    ``gr.Request``) and take no positional argument. ``target`` is the block whose
    event started the run.
    """
    if fn is None:
        return args
    try:
        parameters = [p for p in inspect.signature(fn).parameters.values() if p.name not in skip]
    except (TypeError, ValueError):
        return args
    wanted = [(index, event_data_class(p.annotation)) for index, p in enumerate(parameters)]
    if not any(cls for _, cls in wanted):
        return args
    remaining = iter(args)
    result: list[Any] = []
    for index, cls in wanted:
        if cls is not None and event_data is None and cls is not EventData:
            # Gradio reads the subclasses' keys from the payload, so a run without one (an API
            # call, a .then() step) fails there; say so instead of inventing an empty event.
            name = getattr(fn, "__name__", "the function")
            raise Error(f"{name} takes a gr.{cls.__name__}, but this run carries no event data "
                             "(it was called through the API or by a .then() step)")
        if cls is not None:
            result.append(cls(target, event_data or {}))
        else:
            try:
                result.append(next(remaining))
            except StopIteration:
                break
    result.extend(remaining)
    return result
