"""Timer: fires ``tick`` every ``value`` seconds while ``active``.

It draws nothing. ``every=`` on a component or listener makes one of these.
"""

from __future__ import annotations

from typing import Any

from .base import Component


class Timer(Component):
    TYPE = "timer"
    EVENTS = ("tick", "change")
    PROPS = ("active",)

    def __init__(self, value: float = 1.0, *, active: bool = True, render: bool = True, **kwargs: Any) -> None:
        if not isinstance(value, (int, float)) or isinstance(value, bool) or value <= 0:
            raise ValueError(f"A Timer's value is its interval in seconds (a positive number), got {value!r}")
        self.active = active
        super().__init__(float(value), render=render, visible=False, **{k: v for k, v in kwargs.items() if k in ("elem_id", "key")})

    def preprocess(self, payload: Any) -> float | None:
        return None if payload is None else float(payload)

    def postprocess(self, value: Any) -> float | None:
        return None if value is None else float(value)


def timer_for(every: Any) -> Timer:
    """The Timer behind ``every=``: the one given, or a new one ticking every ``every`` seconds."""
    return every if isinstance(every, Timer) else Timer(every)
