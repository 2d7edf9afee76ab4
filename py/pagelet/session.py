"""One connection to one app: its State values, prop overrides, and event dispatch.

A transport creates a ``Session`` per page (the worker bridge) or per client
(the server adapter), passes every host message to ``handle`` and forwards
whatever ``send`` receives. Nothing here knows which transport that is.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import inspect
import secrets
import sys
import traceback
import weakref
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any, AsyncContextManager

from . import alerts, downloads, files, progress, rendering
from .batching import Batcher
from .blocks import Blocks
from .components.base import Component
from .components.state import State
from .event_data import with_event_data
from .events import Dependency
from .processing import (
    call_arguments,
    error_for_user,
    injected_arguments,
    postprocess_outputs,
    preprocess_inputs,
    run_function,
)
from .protocol import (
    CancelMessage,
    EventMessage,
    ProtocolError,
    RenderedSubtree,
    alert_message,
    config_message,
    download_message,
    render_message,
    error_message,
    parse_client_message,
    progress_message,
    UploadMessage,
    status_message,
    update_message,
    release_message,
    uploaded_message,
)
from .request import Request

if TYPE_CHECKING:
    # Types only: the browser's core wheel leaves protocol_types out (scripts/build_assets.py).
    from .protocol_types import Progress, ServerMessage

Send = Callable[["ServerMessage"], None]
# How a blocking (sync) function runs: inline in the browser, in a thread on a server.
SyncRunner = Callable[[Callable[..., Any], list[Any]], Awaitable[Any]]


async def run_inline(fn: Callable[..., Any], args: list[Any]) -> Any:
    return await run_function(fn, args)


# How an event waits for its turn (a server's app-wide concurrency limits):
# given the dependency's index, an async context held while it runs. It
# raises ``QueueFull`` to refuse the event.
Admission = Callable[[int], AsyncContextManager[Any]]


class QueueFull(Exception):
    """The runtime refuses an event because too many are waiting."""


class Stopped(Exception):
    """A ``KeyboardInterrupt`` ended the function: the page's Stop reached stuck code."""


# What an app's own exception shows when the app does not show errors (Gradio's show_error=False).
HIDDEN_ERROR = "Error"
STOPPED_MESSAGE = "The function was interrupted (KeyboardInterrupt). The app's state is kept."


def admit_all(fn_index: int) -> AsyncContextManager[Any]:
    return contextlib.nullcontext()


# One batcher per app, so that calls from every session of a server join the same batch.
_batchers: weakref.WeakKeyDictionary[Blocks, Batcher] = weakref.WeakKeyDictionary()


def _batcher_for(app: Blocks) -> Batcher:
    if app not in _batchers:
        _batchers[app] = Batcher()
    return _batchers[app]


_EXHAUSTED = object()


def _next_item(generator: Any) -> Any:
    """The generator's next item, or ``_EXHAUSTED`` (StopIteration cannot cross a thread's future)."""
    return next(generator, _EXHAUSTED)


class Session:
    """Per-connection state and dispatch for one ``Blocks`` app."""

    def __init__(
        self,
        app: Blocks,
        send: Send,
        *,
        show_error: bool = True,
        run_sync: SyncRunner = run_inline,
        file_store: files.FileStore | None = None,
        admit: Admission = admit_all,
        interruptible: bool = False,
    ) -> None:
        self.app = app
        # In the browser a KeyboardInterrupt is the page's Stop (Pyodide's interrupt
        # buffer), so it ends the event; on a server it stays Ctrl+C and stops the process.
        self._interruptible = interruptible
        self._admit = admit
        # Uploads land here and output files leave through it; closed with the session.
        self.files: files.FileStore = file_store if file_store is not None else files.TempFileStore()
        self._send = send
        self.show_error = show_error
        self._run_sync = run_sync
        self.state: dict[int, Any] = {
            block.id: block.initial_value() for block in app.blocks_in_app() if isinstance(block, State)
        }
        # Props changed by this session's events; preprocessing honours them.
        self.overrides: dict[int, dict[str, Any]] = {}
        self._config = app.get_config()
        self._config["max_file_size"] = self.files.max_file_size
        # Running events by id, so that a ``cancel`` message can stop them.
        self._running: dict[str, asyncio.Task[None]] = {}
        self._batcher = _batcher_for(app)
        # One semaphore per dependency with a concurrency limit, created on first use.
        self._limits: dict[int, asyncio.Semaphore] = {}
        # Events waiting for a free slot, for demo.queue(max_size=).
        self._waiting = 0
        self.request = Request(session_hash=secrets.token_hex(8))
        # The output files each component's last sent value shows, so that a replaced one is released.
        self._shown_files: dict[int, set[str]] = {}

    # -- outgoing -------------------------------------------------------------
    def send(self, message: ServerMessage) -> None:
        try:
            self._publish_files(message)
            self._emit(message)
            self._release_files(message)
        except alerts.Error:  # a file the store refuses to offer fails the event that returned it
            raise
        except Exception:  # a closed channel must not take the session down
            traceback.print_exc()

    def _emit(self, message: ServerMessage) -> None:
        """The one place a session's messages leave for the transport (the test suite checks them here)."""
        self._send(message)

    def send_config(self) -> None:
        self.send(config_message(self._config))

    def _publish_files(self, message: ServerMessage) -> None:
        """Give the host every output file a config or update mentions, before it."""
        if message["type"] == "config":
            values = [component["props"].get("value") for component in message["config"]["components"]]
        elif message["type"] == "update":
            values = [update.get("value") for update in message["updates"]]
        else:
            return
        for file in files.iter_file_data(values):
            file.update(self.files.publish(file))

    def _release_files(self, message: ServerMessage) -> None:
        """After an update replaced shown files, let the page and the store drop the ones nothing shows."""
        if message["type"] == "config":
            shown = {component["id"]: component["props"].get("value") for component in message["config"]["components"]}
        elif message["type"] == "update":
            shown = {update["id"]: update["value"] for update in message["updates"] if "value" in update}
        else:
            return
        replaced: set[str] = set()
        for component_id, value in shown.items():
            paths = {file["path"] for file in files.iter_file_data(value)}
            replaced |= self._shown_files.get(component_id, set()) - paths
            if paths:
                self._shown_files[component_id] = paths
            else:
                self._shown_files.pop(component_id, None)
        still_shown = set().union(*self._shown_files.values()) if self._shown_files else set()
        released = self.files.release(sorted(replaced - still_shown))
        if released:
            self._emit(release_message(released))

    def close(self) -> None:
        """The connection ended: delete the session's files."""
        self.files.close()

    # -- incoming -------------------------------------------------------------
    async def handle(self, raw: str | bytes | Mapping[str, Any], data: bytes | None = None) -> None:
        """Validate one host message and run it; ``data`` is the bytes next to an upload. Never raises."""
        try:
            message = parse_client_message(raw)
        except ProtocolError as exc:
            event_id = _event_id_of(raw)
            self.send(error_message(f"Malformed message: {exc}", event_id=event_id))
            if event_id is not None:
                self.send(status_message(event_id, "error"))
            return
        if isinstance(message, CancelMessage):
            self.cancel(message.event_id)
            return
        if isinstance(message, UploadMessage):
            self.receive_upload(message, data)
            return
        if message.fn >= len(self.app.dependencies):
            self.send(error_message(f"Unknown function {message.fn}", event_id=message.event_id))
            self.send(status_message(message.event_id, "error"))
            return
        expected = len(self.app.dependencies[message.fn].inputs)
        if len(message.data) != expected:
            self.send(error_message(
                f"Function {message.fn} takes {expected} input values, got {len(message.data)}",
                event_id=message.event_id,
            ))
            self.send(status_message(message.event_id, "error"))
            return
        await self.run_event(message)

    def cancel(self, event_id: str) -> None:
        """Stop run ``event_id`` at its next yield or await; unknown or ended runs are ignored."""
        task = self._running.get(event_id)
        if task is not None:
            task.cancel()

    def receive_upload(self, message: UploadMessage, data: bytes | None) -> None:
        if data is None:
            self.send(uploaded_message(message.upload_id, error="The upload carried no file content."))
            return
        try:
            file = self.files.save(message.name, data, message.mime)
        except files.UploadTooLarge as exc:
            self.send(uploaded_message(message.upload_id, error=str(exc)))
        except OSError as exc:
            self.send(uploaded_message(message.upload_id, error=f"Could not keep {message.name}: {exc}"))
        else:
            self.send(uploaded_message(message.upload_id, file=file))

    async def run_event(self, message: EventMessage) -> None:
        dependency = self.app.dependencies[message.fn]
        event_id = message.event_id
        token = alerts.current_sink.set(self._alert_sink)
        download_token = downloads.current_sink.set(self._download_sink)
        render_token = rendering.current_sink.set(lambda subtree, blocks: self._render_sink(event_id, subtree, blocks))
        store_token = files.current_store.set(self.files)
        # Its own task, so that cancelling the run never cancels whoever awaits ``handle``.
        run = asyncio.ensure_future(self._admitted_run(message, dependency))
        self._running[event_id] = run
        try:
            await asyncio.shield(run)
        except asyncio.CancelledError:
            if not run.cancelled():
                raise
            self.send(status_message(event_id, "done", "cancelled"))
        except Stopped:
            self.send(alert_message("warning", STOPPED_MESSAGE, "Stopped", 10))
            self.send(status_message(event_id, "done", "stopped"))
        except QueueFull:
            busy = "The app is busy: too many requests are waiting. Try again in a moment."
            self.send(alert_message("error", busy, "Error", None))
            self.send(status_message(event_id, "error", busy))
        except alerts.Error as exc:
            self._report_user_error(event_id, exc)
        except Exception as exc:  # app code failed: tell the page, keep serving
            traceback.print_exc(file=sys.stderr)
            self._report_user_error(event_id, error_for_user(exc) if self.show_error else alerts.Error(HIDDEN_ERROR, title=HIDDEN_ERROR))
        else:
            self.send(status_message(event_id, "done"))
        finally:
            self._running.pop(event_id, None)
            alerts.current_sink.reset(token)
            downloads.current_sink.reset(download_token)
            rendering.current_sink.reset(render_token)
            files.current_store.reset(store_token)

    async def _admitted_run(self, message: EventMessage, dependency: Dependency) -> None:
        """Wait for the runtime's go-ahead (a server's limits), then run."""
        async with self._admit(message.fn):
            self.send(status_message(message.event_id, "running"))
            try:
                await self._run(dependency, message.event_id, message.data, message.event_data)
            except KeyboardInterrupt:
                # Caught inside the task: escaping it, asyncio would re-raise it into the event loop.
                if not self._interruptible:
                    raise
                raise Stopped from None

    def _report_user_error(self, event_id: str, error: alerts.Error) -> None:
        if error.visible:
            self.send(alert_message("error", error.message, error.title, error.duration))
        self.send(status_message(event_id, "error", error.message))

    async def _run(
        self, dependency: Dependency, event_id: str, data: list[Any], event_data: dict[str, Any] | None = None
    ) -> None:
        values = preprocess_inputs(dependency, data, self.view, self.state)
        if dependency.fn is None:
            # Gradio passes inputs straight to outputs when there is no function.
            result: Any = values[0] if len(values) == 1 else tuple(values)
            self._send_result(dependency, event_id, result)
            return
        injected = injected_arguments(dependency.fn, lambda data: self._send_progress(event_id, data), self.request)
        args = with_event_data(dependency.fn, call_arguments(dependency, values), event_data, skip=injected.keys())
        fn = functools.partial(dependency.fn, **injected) if injected else dependency.fn
        # Set inside this task, so concurrent events keep their own tracker.
        progress.activate(injected)
        if dependency.batch:
            result = await self._batcher.call(dependency, args, lambda columns: self._call(fn, columns))
            self._send_result(dependency, event_id, result)
            return
        limit = self._limit(dependency)
        if limit is None:
            await self._call_and_send(dependency, event_id, fn, args)
            return
        max_size = self.app.queue_settings.get("max_size")
        if limit.locked() and isinstance(max_size, int) and self._waiting >= max_size:
            raise alerts.Error("The queue is full. Please try again later.", title="Busy")
        self._waiting += 1
        try:
            await limit.acquire()
        finally:
            self._waiting -= 1
        try:
            await self._call_and_send(dependency, event_id, fn, args)
        finally:
            limit.release()

    def _limit(self, dependency: Dependency) -> asyncio.Semaphore | None:
        """The semaphore enforcing ``concurrency_limit`` (Gradio's default: one at a time)."""
        limit = dependency.concurrency_limit
        if not dependency.queue:
            return None  # as in Gradio, queue=False skips the queue and its limits
        if limit == "default":
            limit = self.app.queue_settings.get("default_concurrency_limit", 1)
        if not isinstance(limit, int) or limit < 1:
            return None
        key = id(dependency)
        if key not in self._limits:
            self._limits[key] = asyncio.Semaphore(limit)
        return self._limits[key]

    async def _call(self, fn: Callable[..., Any], args: list[Any]) -> Any:
        if inspect.iscoroutinefunction(fn):
            return await run_function(fn, args)
        return await self._run_sync(fn, args)

    async def _call_and_send(self, dependency: Dependency, event_id: str, fn: Callable[..., Any], args: list[Any]) -> None:
        if inspect.isasyncgenfunction(dependency.fn):
            agen = fn(*args)
            try:
                async for result in agen:
                    self._send_result(dependency, event_id, result)
                    await asyncio.sleep(0)
            finally:
                await agen.aclose()
            return
        result = await self._call(fn, args)
        if inspect.isgenerator(result):
            await self._stream(dependency, event_id, result)
            return
        self._send_result(dependency, event_id, result)

    async def _stream(self, dependency: Dependency, event_id: str, generator: Any) -> None:
        """Send each yield as it happens; a cancel closes the generator between two yields."""
        try:
            while True:
                item = await self._run_sync(_next_item, [generator])
                if item is _EXHAUSTED:
                    return
                self._send_result(dependency, event_id, item)
                # Lets a waiting ``cancel`` message in before the next, possibly blocking, step.
                await asyncio.sleep(0)
        finally:
            try:
                generator.close()
            except ValueError:  # still running in a server thread; it ends on its own
                pass

    def _send_progress(self, event_id: str, data: Progress) -> None:
        self.send(progress_message(event_id, data))

    def _send_result(self, dependency: Dependency, event_id: str, result: Any) -> None:
        updates = postprocess_outputs(dependency, result, self.view, self.state, self.overrides)
        if updates:
            self.send(update_message(event_id, updates))

    def view(self, component: Component) -> Component:
        """The component as this session sees it, with its prop updates applied."""
        overrides = self.overrides.get(component.id)
        return component.with_props(overrides) if overrides else component

    def _render_sink(self, event_id: str, subtree: RenderedSubtree, blocks: list[Any]) -> None:
        for block in blocks:
            if isinstance(block, State) and block.id not in self.state:
                self.state[block.id] = block.initial_value()
        self.send(render_message(event_id, subtree))

    def _download_sink(self, filename: str, text: str, mime: str) -> None:
        self.send(download_message(filename, text, mime))

    def _alert_sink(self, level: Any, message: str, title: str, duration: float | None) -> None:
        self.send(alert_message(level, message, title, duration))


def _event_id_of(raw: object) -> str | None:
    """The event id of a malformed message, when it has a usable one."""
    if isinstance(raw, (str, bytes)):
        import json

        try:
            raw = json.loads(raw)
        except (ValueError, RecursionError):
            return None
    if isinstance(raw, dict):
        event_id = raw.get("event_id")
        if isinstance(event_id, str) and 0 < len(event_id) <= 128:
            return event_id
    return None
