"""State: a value kept per session in the core, never sent to the page."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from .base import Component


class State(Component):
    TYPE = "state"
    SKIP_API = True
    EVENTS = ("change",)

    def __init__(
        self,
        value: Any = None,
        render: bool = True,
        *,
        time_to_live: float | None = None,
        delete_callback: Callable[[Any], Any] | None = None,
        **kwargs: Any,
    ) -> None:
        # Seconds a session keeps a value after it was last set; then it is deleted (back to ``value``).
        self.time_to_live = time_to_live
        # Called with a session's value when it is deleted: expired, or the page closed.
        self.delete_callback = delete_callback
        # The value is kept as given (deep-copied per session), never postprocessed.
        super().__init__(None, render=render, visible=False, **kwargs)
        self.value = value

    def initial_value(self) -> Any:
        """A fresh copy for a new session, so sessions never share a mutable default."""
        return copy.deepcopy(self.value)

    def get_props(self) -> dict[str, Any]:
        props = super().get_props()
        props["value"] = None  # state lives in the core only
        return props
