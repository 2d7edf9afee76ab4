"""Messages for the person using the app: ``gr.Error``, ``gr.Warning``, ``gr.Info``.

``Error`` is raised and ends the event; ``Warning`` and ``Info`` are called
and the function goes on. Both reach the page as toasts through whichever
session is running the current event.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from typing import Literal

AlertSink = Callable[[Literal["warning", "info"], str, str, "float | None"], None]

# The session running the current event installs its sink here; a contextvar
# keeps concurrent events (asyncio tasks, threads) apart.
current_sink: contextvars.ContextVar[AlertSink | None] = contextvars.ContextVar("pagelet_alert_sink", default=None)


class Error(Exception):
    """Raise to stop an event and show ``message`` in the page.

    The app keeps running; outputs keep their previous values.
    """

    def __init__(
        self,
        message: str = "Error raised.",
        duration: float | None = 10,
        visible: bool = True,
        title: str = "Error",
        print_exception: bool = True,
    ) -> None:
        super().__init__(message)
        self.message = str(message)
        self.duration = duration
        self.visible = visible
        self.title = title
        self.print_exception = print_exception

    def __str__(self) -> str:
        return self.message


def _emit(level: Literal["warning", "info"], message: str, title: str, duration: float | None) -> None:
    sink = current_sink.get()
    if sink is None:
        # Outside an event (e.g. at import time) there is no page to show it on.
        print(f"{title}: {message}")
        return
    sink(level, str(message), title, duration)


def Warning(message: str = "Warning issued.", duration: float | None = 10, visible: bool = True, title: str = "Warning") -> None:  # noqa: A001 - Gradio's name
    """Show a warning toast; the function goes on."""
    if visible:
        _emit("warning", message, title, duration)


def Info(message: str = "Info issued.", duration: float | None = 10, visible: bool = True, title: str = "Info") -> None:
    """Show an information toast; the function goes on."""
    if visible:
        _emit("info", message, title, duration)
