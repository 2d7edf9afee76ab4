"""The browser side's bootstrap: runs the app and answers the page's messages.

The worker script calls ``start(entrypoint, send, send_bytes, load_package)``
once, ``receive(text, data)`` for every message from the page (``data``:
the bytes of an upload), and ``run(entrypoint)`` or ``run(code=...)`` to
replace the running app with a new one (the playground's Run). Everything
sent back is a JSON string; ``send_bytes`` sends one with bytes beside it (a
``file`` message).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from . import alias, app_runner, files, launcher, optional, static_page_notes
from .app_runner import format_app_error, run_app_file
from .blocks import Blocks
from .protocol import alert_message, encode, error_message, file_message
from .session import Session

if TYPE_CHECKING:
    # Types only: the browser's core wheel leaves protocol_types out (scripts/build_assets.py).
    from .protocol_types import ServerMessage

SendBytes = Callable[[str, bytes], Any]
# Loads an optional package (numpy, PIL) by import name; returns "" or why it failed.
LoadPackage = Callable[[str], Awaitable[str]]


_session: Session | None = None
_send: Callable[[str], Any] | None = None
_send_bytes: SendBytes | None = None
_load_package: LoadPackage | None = None
# Tasks are kept referenced until done so the loop does not drop them.
_tasks: set[asyncio.Task[None]] = set()


class _PageLauncher:
    """``launch()`` in the browser: remember the app; the bridge shows it."""

    def __init__(self) -> None:
        self.app: Blocks | None = None
        self.max_file_size: int | None = files.DEFAULT_MAX_FILE_SIZE
        self.notes: list[str] = []

    def launch(self, app: Blocks, **options: Any) -> None:
        self.app = app
        self.notes = static_page_notes.launch_notes(options)
        if "max_file_size" in options:
            self.max_file_size = files.parse_size(options["max_file_size"])

    def close(self, app: Blocks) -> None:
        if self.app is app:
            self.app = None


def _send_message(message: ServerMessage) -> None:
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


async def start(
    entrypoint: str,
    send: Callable[[str], Any],
    send_bytes: SendBytes | None = None,
    load_package: LoadPackage | None = None,
) -> str | None:
    """Run the app file and send its config, or a fatal error with the traceback (see ``run``)."""
    global _send, _send_bytes, _load_package
    _send, _send_bytes, _load_package = send, send_bytes, load_package
    return await run(entrypoint)


async def run(entrypoint: str | None = None, code: str | None = None) -> str | None:
    """Run the app again in this worker: the file ``entrypoint``, or ``code`` given as text.

    The running app's session is closed first and the modules of the app's
    directory are forgotten, so edited files are read anew. Sends the new
    config, or a fatal error with the traceback. Returns ``None`` when the app
    is running, else that error message (JSON), for the caller to report.
    """
    global _session
    if _session is not None:
        _session.close()
    _session = None
    # A module the app imported (its own utils.py) would otherwise keep its old text.
    app_runner.forget_app_modules(os.getcwd())
    alias.install()
    page_launcher = _PageLauncher()
    launcher.set_launcher(page_launcher)
    name = entrypoint if code is None else "<code>"
    try:
        if code is not None:
            namespace = await app_runner.run_app_code(code)
        elif entrypoint is not None:
            namespace = await run_app_file(entrypoint)
        else:
            raise ValueError("Give the app's file or its code.")
    except BaseException as exc:  # SystemExit and KeyboardInterrupt included: show them
        return _fatal(f"{type(exc).__name__}: {exc}", format_app_error(exc))
    app = _find_app(namespace, page_launcher)
    if app is None:
        return _fatal(f"{name} did not launch an app: end it with demo.launch() on a gr.Blocks or gr.Interface.")
    store = files.TempFileStore(_bytes_sender(_send_bytes), max_file_size=page_launcher.max_file_size)
    try:
        _session = Session(app, _send_message, show_error=True, file_store=store, interruptible=True)
    except Exception as exc:
        return _fatal(f"{type(exc).__name__}: {exc}", format_app_error(exc))
    _session.send_config()
    for note in page_launcher.notes:
        _send_message(alert_message("info", note, "Info", None))
    if _load_package is not None:
        # In the background, after the config: the app is usable while numpy or PIL load.
        _keep(asyncio.ensure_future(_load_optional_packages(app, _load_package)))
    return None


def _fatal(message: str, traceback: str | None = None) -> str:
    """Send the error that keeps the app from running; return it as sent."""
    text = encode(error_message(message, traceback=traceback, fatal=True))
    if _send is not None:
        _send(text)
    return text


def _keep(task: asyncio.Task[None]) -> None:
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)


async def settled() -> None:
    """Wait for the background work started so far (tests, and an orderly shutdown)."""
    while _tasks:
        await asyncio.gather(*list(_tasks), return_exceptions=True)


def _bytes_sender(send_bytes: SendBytes | None) -> files.SendBytes | None:
    if send_bytes is None:
        return None

    def send_file(file: files.FileData, data: bytes) -> None:
        send_bytes(encode(file_message(file["path"], file.get("mime_type"))), data)

    return send_file


async def _load_optional_packages(app: Blocks, load_package: LoadPackage) -> None:
    """Load what the app's components convert to (numpy, PIL, pandas); say which could not load."""
    for name in optional.missing(optional.wanted_by(app)):
        reason = await load_package(name)
        if reason or not optional.importable(name):
            optional.mark_unavailable(name, reason or f"{name} was installed but cannot be imported")
            _send_message(alert_message("error", optional.unavailable_message(name), "Package not loaded", None))


def receive(message: str, data: Any = None) -> None:
    """Handle one message from the page, in the background; ``data`` is an upload's bytes."""
    if _session is None:
        _send_message(error_message("The app is not running."))
        return
    if data is not None and not isinstance(data, bytes):
        data = data.to_bytes()  # a JS Uint8Array, as Pyodide hands it over
    _keep(asyncio.ensure_future(_session.handle(message, data)))
