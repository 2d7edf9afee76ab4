"""The browser side's bootstrap: runs the app and answers the page's messages.

The worker script calls ``start(entrypoint, send)`` once and ``receive(text)``
for every message from the page; everything sent back is a JSON string.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from . import alias, launcher
from .app_runner import format_app_error, run_app_file
from .blocks import Blocks
from .protocol import encode, error_message
from .session import Session

_session: Session | None = None
_send: Callable[[str], Any] | None = None
# Tasks are kept referenced until done so the loop does not drop them.
_tasks: set[asyncio.Task[None]] = set()


class _PageLauncher:
    """``launch()`` in the browser: remember the app; the bridge shows it."""

    def __init__(self) -> None:
        self.app: Blocks | None = None

    def launch(self, app: Blocks, **options: Any) -> None:
        self.app = app

    def close(self, app: Blocks) -> None:
        if self.app is app:
            self.app = None


def _send_message(message: dict[str, Any]) -> None:
    if _send is not None:
        _send(encode(message))


def _find_app(namespace: dict[str, Any], page_launcher: _PageLauncher) -> Blocks | None:
    if page_launcher.app is not None:
        return page_launcher.app
    # Gradio Lite also showed an app the file built but never launched.
    apps = [value for value in namespace.values() if isinstance(value, Blocks) and value.parent is None]
    if len(apps) == 1:
        apps[0].attach_load_events()
        return apps[0]
    return None


async def start(entrypoint: str, send: Callable[[str], Any]) -> None:
    """Run the app file and send its config, or a fatal error with the traceback."""
    global _session, _send
    _send = send
    _session = None
    alias.install()
    page_launcher = _PageLauncher()
    launcher.set_launcher(page_launcher)
    try:
        namespace = await run_app_file(entrypoint)
    except BaseException as exc:  # SystemExit and KeyboardInterrupt included: show them
        _send_message(error_message(f"{type(exc).__name__}: {exc}", traceback=format_app_error(exc), fatal=True))
        return
    app = _find_app(namespace, page_launcher)
    if app is None:
        _send_message(error_message(
            f"{entrypoint} did not launch an app: end it with demo.launch() on a gr.Blocks or gr.Interface.",
            fatal=True,
        ))
        return
    try:
        _session = Session(app, _send_message, show_error=True)
    except Exception as exc:
        _send_message(error_message(f"{type(exc).__name__}: {exc}", traceback=format_app_error(exc), fatal=True))
        return
    _session.send_config()


def receive(message: str) -> None:
    """Handle one message from the page, in the background."""
    if _session is None:
        _send_message(error_message("The app is not running."))
        return
    task = asyncio.ensure_future(_session.handle(message))
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)
