"""One connection to one app: its State values, prop overrides, and event dispatch.

A transport creates a ``Session`` per page (the worker bridge) or per client
(the server adapter), passes every host message to ``handle`` and forwards
whatever ``send`` receives. Nothing here knows which transport that is.
"""

from __future__ import annotations

import asyncio
import inspect
import sys
import traceback
from collections.abc import Awaitable, Callable
from typing import Any

from . import alerts, files
from .blocks import Blocks
from .components.base import Component
from .components.state import State
from .event_data import with_event_data
from .events import Dependency
from .processing import (
    call_arguments,
    error_for_user,
    postprocess_outputs,
    preprocess_inputs,
    run_function,
)
from .protocol import (
    EventMessage,
    ProtocolError,
    UploadMessage,
    alert_message,
    config_message,
    error_message,
    parse_client_message,
    status_message,
    update_message,
    uploaded_message,
)

Send = Callable[[dict[str, Any]], None]
# How a blocking (sync) function runs: inline in the browser, in a thread on a server.
SyncRunner = Callable[[Callable[..., Any], list[Any]], Awaitable[Any]]


async def run_inline(fn: Callable[..., Any], args: list[Any]) -> Any:
    return await run_function(fn, args)


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
    ) -> None:
        self.app = app
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

    # -- outgoing -------------------------------------------------------------
    def send(self, message: dict[str, Any]) -> None:
        try:
            self._publish_files(message)
            self._send(message)
        except Exception:  # a closed channel must not take the session down
            traceback.print_exc()

    def send_config(self) -> None:
        self.send(config_message(self._config))

    def _publish_files(self, message: dict[str, Any]) -> None:
        """Give the host every output file a config or update mentions, before it."""
        if message.get("type") == "config":
            values = [component["props"].get("value") for component in message["config"]["components"]]
        elif message.get("type") == "update":
            values = [update.get("value") for update in message["updates"]]
        else:
            return
        for file in files.iter_file_data(values):
            file.update(self.files.publish(file))

    def close(self) -> None:
        """The connection ended: delete the session's files."""
        self.files.close()

    # -- incoming -------------------------------------------------------------
    async def handle(self, raw: str | bytes | dict[str, Any], data: bytes | None = None) -> None:
        """Validate one host message and run it; ``data`` is the bytes next to an upload. Never raises."""
        try:
            message = parse_client_message(raw)
        except ProtocolError as exc:
            event_id = _event_id_of(raw)
            self.send(error_message(f"Malformed message: {exc}", event_id=event_id))
            if event_id is not None:
                self.send(status_message(event_id, "error"))
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
        self.send(status_message(event_id, "running"))
        token = alerts.current_sink.set(self._alert_sink)
        store_token = files.current_store.set(self.files)
        try:
            await self._run(dependency, event_id, message.data, message.event_data)
        except alerts.Error as exc:
            self._report_user_error(event_id, exc)
        except Exception as exc:  # app code failed: tell the page, keep serving
            traceback.print_exc(file=sys.stderr)
            self._report_user_error(event_id, error_for_user(exc) if self.show_error else alerts.Error("Error"))
        else:
            self.send(status_message(event_id, "done"))
        finally:
            files.current_store.reset(store_token)
            alerts.current_sink.reset(token)

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
        fn = dependency.fn
        args = with_event_data(fn, call_arguments(dependency, values), event_data)
        if inspect.isasyncgenfunction(fn):
            async for result in fn(*args):
                self._send_result(dependency, event_id, result)
                await asyncio.sleep(0)
            return
        if inspect.iscoroutinefunction(fn):
            result = await run_function(fn, args)
        else:
            result = await self._run_sync(fn, args)
        if inspect.isgenerator(result):
            # Each yield reaches the page as it happens.
            for item in result:
                self._send_result(dependency, event_id, item)
            return
        self._send_result(dependency, event_id, result)

    def _send_result(self, dependency: Dependency, event_id: str, result: Any) -> None:
        updates = postprocess_outputs(dependency, result, self.view, self.state, self.overrides)
        if updates:
            self.send(update_message(event_id, updates))

    def view(self, component: Component) -> Component:
        """The component as this session sees it, with its prop updates applied."""
        overrides = self.overrides.get(component.id)
        return component.with_props(overrides) if overrides else component

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
