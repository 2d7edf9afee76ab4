"""The browser side's bootstrap: runs an app and answers the page's messages.

The worker script makes one ``AppBridge(send, send_bytes, load_package,
event_ended)`` per app (a shared worker holds several), then calls
``run(entrypoint)`` to start it, ``receive(text, data)`` for every message
from the page (``data``: the bytes of an upload), and ``run(entrypoint)`` or
``run(code=...)`` again to replace the running app with a new one (the
playground's Run). Everything sent back is a JSON string; ``send_bytes``
sends one with bytes beside it (a ``file`` message).
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
# Told when an event has ended (its last status sent): the worker saves the persist folder then.
EventEnded = Callable[[], Any]

# The statuses after which an event sends nothing more.
_FINAL_STAGES = frozenset({"done", "error"})


class _PageLauncher:
    """``launch()`` in the browser: remember the app; the bridge shows it."""

    def __init__(self) -> None:
        self.app: Blocks | None = None
        self.max_file_size: int | None = files.DEFAULT_MAX_FILE_SIZE
        self.notes: list[str] = []

    def launch(self, app: Blocks, **options: Any) -> tuple[None, str, None]:
        """Gradio's ``(app, local_url, share_url)``, as Gradio Lite gave it: the page serves the app, no URL, no port."""
        self.app = app
        self.notes = static_page_notes.launch_notes(options)
        if "max_file_size" in options:
            self.max_file_size = files.parse_size(options["max_file_size"])
        # Apps print or read these after launch() (Gradio's slider_release demo prints server_port).
        app.local_url = ""
        app.server_port = None
        return None, "", None

    def close(self, app: Blocks) -> None:
        if self.app is app:
            self.app = None


def _find_app(namespace: dict[str, Any], page_launcher: _PageLauncher) -> Blocks | None:
    if page_launcher.app is not None:
        return page_launcher.app
    # Gradio Lite also showed an app the file built but never launched.
    app: Blocks | None = app_runner.built_app(namespace)
    if app is not None:
        app.attach_load_events()
    return app


class AppBridge:
    """One app in a worker: its session, the channel to its page, and its background work."""

    def __init__(
        self,
        send: Callable[[str], Any],
        send_bytes: SendBytes | None = None,
        load_package: LoadPackage | None = None,
        event_ended: EventEnded | None = None,
    ) -> None:
        self._send = send
        self._send_bytes = send_bytes
        self._load_package = load_package
        self._event_ended = event_ended
        self._session: Session | None = None
        # Tasks are kept referenced until done so the loop does not drop them.
        self._tasks: set[asyncio.Task[None]] = set()

    async def run(self, entrypoint: str | None = None, code: str | None = None) -> str | None:
        """Run the app in this worker: the file ``entrypoint``, or ``code`` given as text.

        A running app's session is closed first and the modules of the app's
        directory are forgotten, so edited files are read anew. Sends the new
        config, or a fatal error with the traceback. Returns ``None`` when the app
        is running, else that error message (JSON), for the caller to report.
        """
        if self._session is not None:
            self._session.close()
        self._session = None
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
            return self._fatal(f"{type(exc).__name__}: {exc}", format_app_error(exc))
        app = _find_app(namespace, page_launcher)
        if app is None:
            return self._fatal(f"{name} did not launch an app: end it with demo.launch() on a gr.Blocks or gr.Interface.")
        store = files.TempFileStore(self._file_sender(), max_file_size=page_launcher.max_file_size)
        try:
            self._session = Session(app, self._send_message, show_error=True, file_store=store, interruptible=True)
        except Exception as exc:
            return self._fatal(f"{type(exc).__name__}: {exc}", format_app_error(exc))
        self._session.send_config()
        for note in page_launcher.notes:
            self._send_message(alert_message("info", note, "Info", None))
        if self._load_package is not None:
            # In the background, after the config: the app is usable while numpy or PIL load.
            self._keep(asyncio.ensure_future(self._load_optional_packages(app, self._load_package)))
        return None

    def receive(self, message: str, data: Any = None) -> None:
        """Handle one message from the page, in the background; ``data`` is an upload's bytes."""
        if self._session is None:
            self._send_message(error_message("The app is not running."))
            return
        if data is not None and not isinstance(data, bytes):
            data = data.to_bytes()  # a JS Uint8Array, as Pyodide hands it over
        self._keep(asyncio.ensure_future(self._session.handle(message, data)))

    async def settled(self) -> None:
        """Wait for the background work started so far (tests, and an orderly shutdown)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    def _send_message(self, message: ServerMessage) -> None:
        self._send(encode(message))
        if self._event_ended is not None and message.get("type") == "status" and message.get("stage") in _FINAL_STAGES:
            self._event_ended()

    def _fatal(self, message: str, traceback: str | None = None) -> str:
        """Send the error that keeps the app from running; return it as sent."""
        text = encode(error_message(message, traceback=traceback, fatal=True))
        self._send(text)
        return text

    def _keep(self, task: asyncio.Task[None]) -> None:
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _file_sender(self) -> files.SendBytes | None:
        send_bytes = self._send_bytes
        if send_bytes is None:
            return None

        def send_file(file: files.FileData, data: bytes) -> None:
            send_bytes(encode(file_message(file["path"], file.get("mime_type"))), data)

        return send_file

    async def _load_optional_packages(self, app: Blocks, load_package: LoadPackage) -> None:
        """Load what the app's components convert to (numpy, PIL, pandas); say which could not load."""
        for name in optional.missing(optional.wanted_by(app)):
            reason = await load_package(name)
            if reason or not optional.importable(name):
                optional.mark_unavailable(name, reason or f"{name} was installed but cannot be imported")
                self._send_message(alert_message("error", optional.unavailable_message(name), "Package not loaded", None))
