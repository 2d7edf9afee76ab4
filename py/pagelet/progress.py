"""``gr.Progress``: a function reports how far it got; the page draws a bar.

A function asks for progress with a default argument,
``def fn(x, progress=gr.Progress()):``. The session passes a tracker bound to
the running event in its place ; outside an event
a ``Progress`` does nothing, so the function also runs as plain Python.
The session finds such parameters with ``processing.injected_arguments``.
"""

from __future__ import annotations

import contextvars
import sys
from collections.abc import Callable, Iterable, Iterator, Sized
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    # Types only: the browser's core wheel leaves protocol_types out (scripts/build_assets.py).
    from .protocol_types import Progress as ProgressData

T = TypeVar("T")
Reporter = Callable[["ProgressData"], None]

# The tracker of the running event, for tqdm bars created inside it (track_tqdm).
_current: contextvars.ContextVar[Progress | None] = contextvars.ContextVar("pagelet_progress", default=None)


class Progress:
    """Gradio's progress tracker; use it as a default argument value."""

    def __init__(self, track_tqdm: bool = False) -> None:
        self.track_tqdm = track_tqdm
        self._report: Reporter | None = None
        self._last: tuple[int | None, str | None, float | None] | None = None

    def __call__(
        self,
        progress: float | tuple[int, int | None] | None,
        desc: str | None = None,
        total: int | None = None,
        unit: str = "steps",
        _tqdm: Any = None,
    ) -> float | tuple[int, int | None] | None:
        """Report ``progress``: a fraction in [0, 1], ``(index, length)``, or None."""
        index: int | None = None
        length: int | None = total
        fraction: float | None
        if isinstance(progress, tuple):
            index, length = int(progress[0]), (None if progress[1] is None else int(progress[1]))
            fraction = index / length if length else None
        elif progress is None:
            fraction = None
        else:
            fraction = min(1.0, max(0.0, float(progress)))
        self._send({"fraction": fraction, "desc": desc, "index": index, "length": length, "unit": unit})
        return progress

    def tqdm(
        self, iterable: Iterable[T] | None, desc: str | None = None, total: int | None = None, unit: str = "steps", *args: Any, **kwargs: Any
    ) -> Iterable[T]:
        """Iterate over ``iterable``, reporting each step."""
        steps: Iterable[Any] = range(total or 0) if iterable is None else iterable
        if total is None:
            total = len(steps) if isinstance(steps, Sized) else None
        return self._steps(steps, desc, total, unit)

    def _steps(self, iterable: Iterable[T], desc: str | None, total: int | None, unit: str) -> Iterator[T]:
        self((0, total), desc=desc, unit=unit)
        for index, item in enumerate(iterable, start=1):
            yield item
            self((index, total), desc=desc, unit=unit)

    def _send(self, data: ProgressData) -> None:
        if self._report is None:
            return
        # Only what a person could see change is sent: a bar at per-mille steps and its text.
        key = (None if data["fraction"] is None else int(data["fraction"] * 1000), data["desc"], data["index"] if data["fraction"] is None else None)
        if key == self._last:
            return
        self._last = key
        self._report(data)


def bound_tracker(default: Progress, report: Reporter) -> Progress:
    """A fresh tracker like ``default`` (the parameter's default) that reports to ``report``."""
    tracker = Progress(track_tqdm=default.track_tqdm)
    tracker._report = report
    if tracker.track_tqdm:
        _patch_tqdm()
    return tracker


def activate(trackers: dict[str, Any]) -> contextvars.Token[Progress | None] | None:
    """Make the event's tracker the one tqdm bars report to (when it asked for track_tqdm)."""
    tracking = [tracker for tracker in trackers.values() if isinstance(tracker, Progress) and tracker.track_tqdm]
    return _current.set(tracking[0]) if tracking else None


def _patch_tqdm() -> None:
    """Route ``tqdm`` bars to the running event's tracker, if the app imported tqdm.

    The core never imports tqdm itself: an app that does not use it pays nothing.
    """
    module = sys.modules.get("tqdm")
    bar = getattr(module, "tqdm", None)
    if bar is None or getattr(bar, "_pagelet_patched", False):
        return
    original_update = bar.update
    original_iter = bar.__iter__

    def report(instance: Any) -> None:
        tracker = _current.get()
        if tracker is not None:
            total = getattr(instance, "total", None)
            tracker((int(getattr(instance, "n", 0)), int(total) if total else None), desc=getattr(instance, "desc", None) or None)

    def update(self: Any, n: float | None = 1) -> Any:
        result = original_update(self, n)
        report(self)
        return result

    def iterate(self: Any) -> Iterator[Any]:
        # tqdm's own loop updates its counter without calling update() for each item.
        for item in original_iter(self):
            report(self)
            yield item
        report(self)

    bar.update = update
    bar.__iter__ = iterate
    bar._pagelet_patched = True
