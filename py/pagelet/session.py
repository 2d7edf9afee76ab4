"""One connection to one app: its State values, prop overrides, and event dispatch.

A transport creates a ``Session`` per page (the worker bridge) or per client
(the server adapter), passes every host message to ``handle`` and forwards
whatever ``send`` receives. Nothing here knows which transport that is.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import sys
import traceback
from collections.abc import Awaitable, Callable
from typing import Any, AsyncContextManager

from . import alerts
from .blocks import Blocks
from .components.base import Component
from .components.state import State
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
    alert_message,
    config_message,
    error_message,
    parse_client_message,
    status_message,
    update_message,
)

Send = Callable[[dict[str, Any]], None]
# How a blocking (sync) function runs: inline in the browser, in a thread on a server.
SyncRunner = Callable[[Callable[..., Any], list[Any]], Awaitable[Any]]
# How an event waits for its turn (a server's concurrency limits): given the
# dependency's index, an async context held while it runs. It raises
# ``QueueFull`` to refuse the event.
Admission = Callable[[int], AsyncContextManager[Any]]


class QueueFull(Exception):
    """The runtime refuses an event because too many are waiting."""


def admit_all(fn_index: int) -> AsyncContextManager[Any]:
    return contextlib.nullcontext()


_GENERATOR_DONE = object()


def _next_item(generator: Any) -> Any:
    """The generator's next item, or ``_GENERATOR_DONE``: StopIteration cannot cross an await."""
    try:
        return next(generator)
    except StopIteration:
        return _GENERATOR_DONE


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
        admit: Admission = admit_all,
    ) -> None:
        self.app = app
        self._send = send
        self.show_error = show_error
        self._run_sync = run_sync
        self._admit = admit
        self.state: dict[int, Any] = {
            block.id: block.initial_value() for block in app.blocks_in_app() if isinstance(block, State)
        }
        # Props changed by this session's events; preprocessing honours them.
        self.overrides: dict[int, dict[str, Any]] = {}
        self._config = app.get_config()

    # -- outgoing -------------------------------------------------------------
    def send(self, message: dict[str, Any]) -> None:
        try:
            self._send(message)
        except Exception:  # a closed channel must not take the session down
            traceback.print_exc()

    def send_config(self) -> None:
        self.send(config_message(self._config))

    # -- incoming -------------------------------------------------------------
    async def handle(self, raw: str | bytes | dict[str, Any]) -> None:
        """Validate one host message and run it. Never raises."""
        try:
            message = parse_client_message(raw)
        except ProtocolError as exc:
            event_id = _event_id_of(raw)
            self.send(error_message(f"Malformed message: {exc}", event_id=event_id))
            if event_id is not None:
                self.send(status_message(event_id, "error"))
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

    async def run_event(self, message: EventMessage) -> None:
        dependency = self.app.dependencies[message.fn]
        event_id = message.event_id
        token = alerts.current_sink.set(self._alert_sink)
        try:
            async with self._admit(message.fn):
                self.send(status_message(event_id, "running"))
                await self._run(dependency, event_id, message.data)
        except QueueFull:
            busy = "The app is busy: too many requests are waiting. Try again in a moment."
            self.send(alert_message("error", busy, "Error", None))
            self.send(status_message(event_id, "error", busy))
        except alerts.Error as exc:
            self._report_user_error(event_id, exc)
        except Exception as exc:  # app code failed: tell the page, keep serving
            traceback.print_exc(file=sys.stderr)
            self._report_user_error(event_id, error_for_user(exc) if self.show_error else alerts.Error("Error"))
        else:
            self.send(status_message(event_id, "done"))
        finally:
            alerts.current_sink.reset(token)

    def _report_user_error(self, event_id: str, error: alerts.Error) -> None:
        if error.visible:
            self.send(alert_message("error", error.message, error.title, error.duration))
        self.send(status_message(event_id, "error", error.message))

    async def _run(self, dependency: Dependency, event_id: str, data: list[Any]) -> None:
        values = preprocess_inputs(dependency, data, self.view, self.state)
        if dependency.fn is None:
            # Gradio passes inputs straight to outputs when there is no function.
            result: Any = values[0] if len(values) == 1 else tuple(values)
            self._send_result(dependency, event_id, result)
            return
        args = call_arguments(dependency, values)
        fn = dependency.fn
        if dependency.batch:
            # Each event is a batch of one: the function's lists in, its first items out.
            result = await self._call(fn, [[arg] for arg in args])
            firsts = [items[0] for items in result]
            self._send_result(dependency, event_id, firsts[0] if len(dependency.outputs) == 1 else tuple(firsts))
            return
        if inspect.isasyncgenfunction(fn):
            async for result in fn(*args):
                self._send_result(dependency, event_id, result)
                await asyncio.sleep(0)
            return
        result = await self._call(fn, args)
        if inspect.isgenerator(result):
            # Each yield reaches the page as it happens; each step runs where
            # sync code runs, so a slow generator never blocks a server's loop.
            while (item := await self._run_sync(_next_item, [result])) is not _GENERATOR_DONE:
                self._send_result(dependency, event_id, item)
            return
        self._send_result(dependency, event_id, result)

    async def _call(self, fn: Callable[..., Any], args: list[Any]) -> Any:
        """Await a coroutine function here; run anything else where blocking code runs."""
        if inspect.iscoroutinefunction(fn):
            return await run_function(fn, args)
        return await self._run_sync(fn, args)

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
