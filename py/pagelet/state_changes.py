"""When a ``gr.State`` changes: Gradio fires its ``change`` listeners then, although the value never
reaches the page.

Each State's value is summarised by a fingerprint (its content for plain data,
its hash for other hashable objects, else its identity); after an event, a
State output whose fingerprint differs from the last one has changed, in place
or not. The page is then sent a new change number as that State's value, which
fires its ``change`` like any other new value; the content stays in the core.
"""

from __future__ import annotations

import itertools
from collections.abc import Hashable
from typing import Any

_change_numbers = itertools.count(1)


def fingerprint(value: Any) -> Any:
    """A comparable summary of ``value`` that changes when its content does."""
    if value is None or isinstance(value, (bool, int, float, str, bytes)):
        return (type(value).__name__, value)
    if isinstance(value, dict):
        return ("dict", tuple(sorted(((repr(key), fingerprint(item)) for key, item in value.items()))))
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, tuple(fingerprint(item) for item in value))
    if isinstance(value, (set, frozenset)):
        return ("set", tuple(sorted(repr(fingerprint(item)) for item in value)))
    if isinstance(value, Hashable):
        try:
            return ("hash", type(value).__qualname__, hash(value))
        except TypeError:
            pass
    return ("id", id(value))


def next_change_number() -> int:
    """The value a changed State shows the page: new each time, so the page always sees a change."""
    return next(_change_numbers)
