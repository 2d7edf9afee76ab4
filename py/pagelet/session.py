"""One connection to one app: its State values, prop overrides, and event dispatch.

A transport creates a ``Session`` per page (the worker bridge) or per client
(the server adapter), passes every host message to ``handle`` and forwards
whatever ``send`` receives. Nothing here knows which transport that is.
"""

from __future__ import annotations

import asyncio
import copy
import functools
import inspect
import secrets
import sys
import traceback
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any

from . import alerts, downloads, files, progress, rendering, state_changes
from .admission import BUSY_MESSAGE, Admission, QueueFull
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
    CallMessage,
    CancelMessage,
    EventMessage,
    ProtocolError,
    RenderedSubtree,
    alert_message,
    called_message,
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
from .request import Request, current_session_hash
from .validation import verdicts

if TYPE_CHECKING:
    # Types only: the browser's core wheel leaves protocol_types out (scripts/build_assets.py).
    from .protocol_types import Progress, ServerMessage, Update

Send = Callable[["ServerMessage"], None]
# How a blocking (sync) function runs: inline in the browser, in a thread on a server.
SyncRunner = Callable[[Callable[..., Any], list[Any]], Awaitable[Any]]


async def run_inline(fn: Callable[..., Any], args: list[Any]) -> Any:
    return await run_function(fn, args)


class Stopped(Exception):
    """A ``KeyboardInterrupt`` ended the function: the page's Stop reached stuck code."""


# What an app's own exception shows when the app does not show errors (Gradio's show_error=False).
HIDDEN_ERROR = "Error"
STOPPED_MESSAGE = "The function was interrupted (KeyboardInterrupt). The app's state is kept."


_EXHAUSTED = object()

# Unload functions of closed sessions still running: referenced so the loop does not drop them.
_closing: set[asyncio.Task[None]] = set()


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
        admission: Admission | None = None,
        interruptible: bool = False,
    ) -> None:
        self.app = app
        # In the browser a KeyboardInterrupt is the page's Stop (Pyodide's interrupt
        # buffer), so it ends the event; on a server it stays Ctrl+C and stops the process.
        self._interruptible = interruptible
        # Shared by every session of a server; the browser's one session has its own.
        self._admission = admission if admission is not None else Admission(app)
        # Uploads land here and output files leave through it; closed with the session.
        self.files: files.FileStore = file_store if file_store is not None else files.TempFileStore()
        self._send = send
        self.show_error = show_error
        self._run_sync = run_sync
        self.state: dict[int, Any] = {
            block.id: block.initial_value() for block in app.blocks_in_app() if isinstance(block, State)
        }
        # The last fingerprint of each State, to tell when an event changed it (see state_changes).
        self._state_prints: dict[int, Any] = {
            state_id: state_changes.fingerprint(value) for state_id, value in self.state.items()
        }
        # Props changed by this session's events; preprocessing honours them.
        self.overrides: dict[int, dict[str, Any]] = {}
        self._config = app.get_config()
        self._config["max_file_size"] = self.files.max_file_size
        # Running events by id, so that a ``cancel`` message can stop them.
        self._running: dict[str, asyncio.Task[None]] = {}
        self.request = Request(session_hash=secrets.token_hex(8))
        # The output files each component's last sent value shows, so that a replaced one is released.
        self._shown_files: dict[int, set[str]] = {}
        # Expiry of State values with a ``time_to_live``, by component id.
        self._state_timers: dict[int, asyncio.TimerHandle] = {}
        self._closed = False

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
        # Every prop, not only the value: a chatbot's examples show their pictures too.
        if message["type"] == "config":
            for component in message["config"]["components"]:
                # The config's props are the app's own objects, shared by every session: each
                # session offers its own copies (gone when it closes), so it must not write them back.
                if any(True for _ in files.iter_file_data([component["props"]])):
                    component["props"] = copy.deepcopy(component["props"])
            values: list[Any] = [component["props"] for component in message["config"]["components"]]
        elif message["type"] == "update":
            values = [[update.get("value"), update.get("props")] for update in message["updates"]]
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
        """The connection ended (the page closed): stop its runs, run ``demo.unload``, delete its State and files.

        A generator still streaming is cancelled, as Gradio cancels a closed
        page's events; the unload functions and State delete callbacks run
        in the background when an event loop is running, else here.
        """
        if self._closed:
            return
        self._closed = True
        for run in list(self._running.values()):
            run.cancel()
        for timer in self._state_timers.values():
            timer.cancel()
        self._state_timers.clear()
        farewell = [dependency for dependency in self.app.dependencies if (self.app, "unload") in dependency.targets]
        deleted = [(block, self.state.get(block.id)) for block in self._states_with_callbacks()]
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        if loop is None:
            for dependency in farewell:
                self._call_quietly(dependency.fn)
            for block, value in deleted:
                self._call_quietly(block.delete_callback, value)
        elif farewell or deleted:
            task = loop.create_task(self._farewell(farewell, deleted))
            _closing.add(task)
            task.add_done_callback(_closing.discard)
        self.files.close()

    async def _farewell(self, farewell: list[Dependency], deleted: list[tuple[State, Any]]) -> None:
        for dependency in farewell:
            if dependency.fn is not None:
                await self._call_logged(dependency.fn, [])
        for block, value in deleted:
            if block.delete_callback is not None:
                await self._call_logged(block.delete_callback, [value])

    async def _call_logged(self, fn: Callable[..., Any], args: list[Any]) -> None:
        try:
            result = await self._call(fn, args)
            if inspect.iscoroutine(result):
                await result
        except Exception:  # nobody is left to tell but the log
            traceback.print_exc(file=sys.stderr)

    @staticmethod
    def _call_quietly(fn: Callable[..., Any] | None, *args: Any) -> None:
        if fn is None:
            return
        try:
            result = fn(*args)
            if inspect.iscoroutine(result):
                result.close()  # no loop to run it on
        except Exception:
            traceback.print_exc(file=sys.stderr)

    def _states_with_callbacks(self) -> list[State]:
        return [
            block for block in self.app.blocks_in_app()
            if isinstance(block, State) and block.delete_callback is not None and block.id in self.state
        ]

    def _restart_state_timers(self, dependency: Dependency) -> None:
        """A State output with ``time_to_live`` was set: it lives that long from now."""
        for component in dependency.outputs:
            if not isinstance(component, State) or component.time_to_live is None:
                continue
            old = self._state_timers.pop(component.id, None)
            if old is not None:
                old.cancel()
            loop = asyncio.get_running_loop()
            self._state_timers[component.id] = loop.call_later(
                float(component.time_to_live), self._expire_state, component
            )

    def _expire_state(self, component: State) -> None:
        """``time_to_live`` passed: the value is deleted (its callback told) and the State starts again."""
        self._state_timers.pop(component.id, None)
        if self._closed:
            return
        value = self.state.get(component.id)
        self.state[component.id] = component.initial_value()
        self._call_quietly(component.delete_callback, value)

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
        if isinstance(message, CallMessage):
            await self.run_call(message)
            return
        await self.run_event(message)

    async def run_call(self, message: CallMessage) -> None:
        """Run one server function of a component (gr.HTML's ``server_functions``) and answer ``called``."""
        block = next((b for b in self.app.blocks_in_app() if b.id == message.component_id), None)
        functions = getattr(block, "server_functions", None) if block is not None else None
        fn = functions.get(message.name) if isinstance(functions, dict) else None
        if fn is None:
            self.send(called_message(message.call_id, error=f"Component {message.component_id} has no server function {message.name!r}."))
            return
        try:
            value = await self._call(fn, message.args)
        except Exception as exc:
            shown = error_for_user(exc).message if self.show_error else HIDDEN_ERROR
            self.send(called_message(message.call_id, error=shown))
            return
        self.send(called_message(message.call_id, value=value))

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
        """Run one event: the entry every transport uses (the page's messages through
        ``handle``, Gradio's HTTP routes directly). Everything it says names ``message.event_id``,
        and it ends with a ``done`` or ``error`` status. Never raises."""
        event_id = message.event_id
        if message.fn >= len(self.app.dependencies):
            self.send(error_message(f"Unknown function {message.fn}", event_id=event_id))
            self.send(status_message(event_id, "error"))
            return
        dependency = self.app.dependencies[message.fn]
        if len(message.data) != len(dependency.inputs):
            self.send(error_message(
                f"Function {message.fn} takes {len(dependency.inputs)} input values, got {len(message.data)}",
                event_id=event_id,
            ))
            self.send(status_message(event_id, "error"))
            return
        token = alerts.current_sink.set(functools.partial(self._alert_sink, event_id))
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
            self.send(alert_message("warning", STOPPED_MESSAGE, "Stopped", 10, event_id=event_id))
            self.send(status_message(event_id, "done", "stopped"))
        except QueueFull:
            self.send(alert_message("error", BUSY_MESSAGE, "Error", None, event_id=event_id))
            self.send(status_message(event_id, "error", BUSY_MESSAGE))
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
        """Run when the admission says so (a batch is admitted as one, once collected)."""
        try:
            if dependency.batch:
                await self._run(dependency, message.event_id, message.data, message.event_data, message.trigger_id)
                return
            async with self._admission.slot(dependency):
                await self._run(dependency, message.event_id, message.data, message.event_data, message.trigger_id)
        except KeyboardInterrupt:
            # Caught inside the task: escaping it, asyncio would re-raise it into the event loop.
            if not self._interruptible:
                raise
            raise Stopped from None

    def _report_user_error(self, event_id: str, error: alerts.Error) -> None:
        if error.visible:
            self.send(alert_message("error", error.message, error.title, error.duration, event_id=event_id))
        self.send(status_message(event_id, "error", error.message))

    async def _run(
        self,
        dependency: Dependency,
        event_id: str,
        data: list[Any],
        event_data: dict[str, Any] | None = None,
        trigger_id: int | None = None,
    ) -> None:
        # Inputs the app may not have (a file a server did not give out) refuse the event before it runs.
        values = preprocess_inputs(dependency, data, self.view, self.state)
        started = lambda: self.send(status_message(event_id, "running"))  # noqa: E731
        if not dependency.batch:
            started()
        if dependency.validator is not None:
            await self._validate(dependency, event_id, values)
        if dependency.fn is None:
            # Gradio passes inputs straight to outputs when there is no function.
            result: Any = values[0] if len(values) == 1 else tuple(values)
            self._send_result(dependency, event_id, result)
            return
        injected = injected_arguments(dependency.fn, lambda data: self._send_progress(event_id, data), self.request)
        args = with_event_data(
            dependency.fn, call_arguments(dependency, values), event_data, skip=injected.keys(),
            target=self._trigger_block(dependency, trigger_id),
        )
        fn = functools.partial(dependency.fn, **injected) if injected else dependency.fn
        # Set inside this task, so concurrent events keep their own tracker.
        progress.activate(injected)
        current_session_hash.set(self.request.session_hash)
        if dependency.batch:
            result = await self._admission.batched(
                dependency, args, lambda columns: self._call(fn, columns),
                started=started,
            )
            self._send_result(dependency, event_id, result)
            return
        await self._call_and_send(dependency, event_id, fn, args)

    async def _validate(self, dependency: Dependency, event_id: str, values: list[Any]) -> None:
        """Run the listener's validator; show each input's verdict; raise when one was refused."""
        assert dependency.validator is not None
        result = await self._call(dependency.validator, call_arguments(dependency, values))
        if inspect.iscoroutine(result):
            result = await result
        found = verdicts(result, [component.id for component in dependency.inputs])
        # Every verdict is sent, so a message shown by an earlier run goes once the input is valid.
        updates: list[Update] = [{"id": component_id, "props": {"validation_error": message}} for component_id, message in found.items()]
        if updates:
            self.send(update_message(event_id, updates))
        refused = [message for message in found.values() if message is not None]
        if refused:
            # Shown under the inputs, not as a toast: the run ends without calling fn.
            raise alerts.Error("; ".join(refused), visible=False)

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
        updates.extend(self._state_change_updates(dependency))
        self._restart_state_timers(dependency)
        if updates:
            self.send(update_message(event_id, updates))

    def _state_change_updates(self, dependency: Dependency) -> list[Any]:
        """A new change number for each State output the event changed, so the page fires its ``change``."""
        changed = []
        for component in dependency.outputs:
            if not isinstance(component, State):
                continue
            now = state_changes.fingerprint(self.state.get(component.id))
            if now != self._state_prints.get(component.id):
                self._state_prints[component.id] = now
                changed.append({"id": component.id, "value": state_changes.next_change_number()})
        return changed

    def _trigger_block(self, dependency: Dependency, trigger_id: int | None) -> Any:
        """The block whose event started this run: the host's ``trigger_id``, else the listener's only target."""
        if trigger_id is not None:
            for block in self.app.blocks_in_app():
                if block.id == trigger_id:
                    return block
        step: Dependency | None = dependency
        while step is not None and not step.targets:
            step = step.trigger_after  # a .then() step: its chain's first listener
        if step is not None and len(step.targets) == 1:
            return step.targets[0][0]
        return None

    def view(self, component: Component) -> Component:
        """The component as this session sees it, with its prop updates applied."""
        overrides = self.overrides.get(component.id)
        return component.with_props(overrides) if overrides else component

    def _render_sink(self, event_id: str, subtree: RenderedSubtree, blocks: list[Any]) -> None:
        for block in blocks:
            if isinstance(block, State) and block.id not in self.state:
                self.state[block.id] = block.initial_value()
                self._state_prints[block.id] = state_changes.fingerprint(self.state[block.id])
        self.send(render_message(event_id, subtree))

    def _download_sink(self, filename: str, text: str, mime: str) -> None:
        self.send(download_message(filename, text, mime))

    def _alert_sink(self, event_id: str, level: Any, message: str, title: str, duration: float | None) -> None:
        self.send(alert_message(level, message, title, duration, event_id=event_id))


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
