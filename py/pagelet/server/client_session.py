"""One ``gradio_client`` session (its ``session_hash``): a core ``Session``
whose messages are translated into Gradio's queue messages (SSE v3).

Gradio's messages per event: ``estimation`` on joining, ``process_starts``,
``log`` for ``gr.Info``/``gr.Warning``, ``process_generating`` per yield
(the first with full values, later ones as diffs), ``process_completed`` with
the outputs or the error. The data stream adds ``close_stream``.
"""

from __future__ import annotations

import asyncio
import inspect
from collections import OrderedDict
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from starlette.requests import HTTPConnection

from ..admission import Admission
from ..blocks import Blocks
from ..events import Dependency
from ..protocol import EventMessage
from ..session import HIDDEN_ERROR, Session, SyncRunner
from .files import ServerFolders
from .options import ServerOptions
from .requests import gradio_request
from .session_files import SessionFiles

if TYPE_CHECKING:
    from ..protocol_types import ServerMessage

# Sessions kept at most; the oldest unused one is forgotten first.
MAX_SESSIONS = 10_000


class _Run:
    """What one event has produced so far."""

    def __init__(self, dependency: Dependency) -> None:
        self.dependency = dependency
        self.generating = inspect.isgeneratorfunction(dependency.fn) or inspect.isasyncgenfunction(dependency.fn)
        self.values: list[Any] = [{"__type__": "update"} for _ in dependency.outputs]
        self.updated = False
        self.streamed = False
        self.error: str | None = None
        # The gr.Error shown for this event (message, title, duration), if any.
        self.alert: tuple[str, str, float | None] | None = None

    def apply(self, updates: list[dict[str, Any]]) -> None:
        positions = {component.id: index for index, component in enumerate(self.dependency.outputs)}
        self.updated = True
        for update in updates:
            index = positions.get(update["id"])
            if index is None:
                continue
            if "props" in update:
                # Props only the page needs (a FileExplorer's listed tree) are not part of Gradio's answer.
                page_only = getattr(self.dependency.outputs[index], "PAGE_ONLY_PROPS", ())
                value = {"__type__": "update", **{k: v for k, v in update["props"].items() if k not in page_only}}
                if "value" in update:
                    value["value"] = update["value"]
                self.values[index] = value
            elif "value" in update:
                self.values[index] = update["value"]


class ClientSession:
    """Runs events for one client and queues Gradio messages for its data stream."""

    def __init__(
        self, app: Blocks, admission: Admission, run_sync: SyncRunner, show_error: bool, files: SessionFiles,
        diffs: bool = True,
    ) -> None:
        self._loop = asyncio.get_running_loop()
        self.outbox: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._runs: dict[str, _Run] = {}
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._app = app
        self._show_error = show_error
        # Gradio's queue protocol streams later yields as diffs; its REST call API sends whole values.
        self._diffs = diffs
        self._session = Session(
            app, self._from_core, show_error=show_error, run_sync=run_sync, admission=admission, file_store=files
        )

    def describe(self, connection: HTTPConnection) -> None:
        """The client's request (address, headers) as later runs' ``gr.Request`` sees it."""
        self._session.request = gradio_request(connection, self._session.request.session_hash)

    def start(self, event_id: str, fn_index: int, data: list[Any]) -> None:
        run = self._runs[event_id] = _Run(self._app.dependencies[fn_index])
        self.outbox.put_nowait({"msg": "estimation", "event_id": event_id, "rank": 0, "queue_size": len(self._runs), "rank_eta": None})
        task = self._loop.create_task(self._session.run_event(EventMessage(event_id=event_id, fn=fn_index, data=data)))
        self._tasks[event_id] = task
        task.add_done_callback(lambda _: self._tasks.pop(event_id, None))

    def cancel(self, event_id: str) -> bool:
        task = self._tasks.get(event_id)
        if task is None:
            return False
        task.cancel()
        run = self._runs.get(event_id)
        if run is not None:
            run.error = "Cancelled"
            self._complete(event_id, run, success=False)
        return True

    # Called by the core's Session, possibly from a worker thread.
    def _from_core(self, message: ServerMessage) -> None:
        event_id = message.get("event_id")
        self._loop.call_soon_threadsafe(self._translate, event_id if isinstance(event_id, str) else None, message)

    def _translate(self, event_id: str | None, message: Mapping[str, Any]) -> None:
        run = self._runs.get(event_id) if event_id is not None else None
        if event_id is None or run is None:
            return
        kind = message["type"]
        if kind == "status" and message["stage"] == "running":
            self.outbox.put_nowait({"msg": "process_starts", "event_id": event_id, "eta": None})
        elif kind == "status" and message["stage"] == "done":
            self._complete(event_id, run, success=True)
        elif kind == "status" and message["stage"] == "error":
            run.error = message.get("message") or run.error
            self._complete(event_id, run, success=False)
        elif kind == "update":
            run.apply(message["updates"])
            if run.generating:
                self._stream(event_id, run)
        elif kind == "error":
            run.error = message["message"]
        elif kind == "alert" and message["level"] == "error":
            run.alert = (message["message"], message["title"], message["duration"])
        elif kind == "alert":
            self.outbox.put_nowait({
                "msg": "log", "event_id": event_id, "log": message["message"], "level": message["level"],
                "title": message["title"], "duration": message["duration"], "visible": True,
            })

    def _stream(self, event_id: str, run: _Run) -> None:
        # The client applies later messages as diffs on the first; a whole-value replace is a valid diff.
        data = list(run.values) if not (run.streamed and self._diffs) else [[["replace", [], value]] for value in run.values]
        run.streamed = True
        self.outbox.put_nowait({
            "msg": "process_generating", "event_id": event_id, "success": True,
            "output": {"data": data, "is_generating": True},
        })

    def _complete(self, event_id: str, run: _Run, *, success: bool) -> None:
        del self._runs[event_id]
        if success:
            # A generator that yielded nothing answers None for each output, as in Gradio.
            values = run.values if run.updated or not run.generating else [None for _ in run.values]
            output: dict[str, Any] = {"data": values, "is_generating": False}
        else:
            output = self._error_payload(run)
        self.outbox.put_nowait({"msg": "process_completed", "event_id": event_id, "success": success, "output": output})

    def _error_payload(self, run: _Run) -> dict[str, Any]:
        """The failure as Gradio reports it: a gr.Error with its title and duration;
        an app's own exception only when ``show_error`` (else ``{"error": None}``)."""
        if run.alert is not None:
            message, title, duration = run.alert
            # The core shows a hidden exception as a plain "Error" (see Session.run_event).
            if not self._show_error and (message, title) == (HIDDEN_ERROR, HIDDEN_ERROR):
                return {"error": None}
            return {"error": message, "duration": duration, "visible": True, "title": title}
        return {"error": run.error, "title": "Error", "visible": True, "duration": None}

    @property
    def pending(self) -> bool:
        """Has an event joined that has not completed?"""
        return bool(self._runs)

    def close(self) -> None:
        """The client is forgotten: stop its events and delete its files."""
        for task in list(self._tasks.values()):
            task.cancel()
        self._session.close()


class ClientSessions:
    """Sessions by ``session_hash``, the least recently used forgotten past ``MAX_SESSIONS``."""

    def __init__(self, app: Blocks, admission: Admission, run_sync: SyncRunner, options: ServerOptions, folders: ServerFolders) -> None:
        self._app = app
        self._admission = admission
        self._run_sync = run_sync
        self._options = options
        self._folders = folders
        self._sessions: OrderedDict[str, ClientSession] = OrderedDict()

    def get(self, session_hash: str, file_url: str, diffs: bool = True) -> ClientSession:
        """The session of ``session_hash``, made on first use; its output files are
        offered under ``file_url`` (the file route as this client reaches it).
        ``diffs=False`` streams whole values, as Gradio's REST call API does."""
        session = self._sessions.get(session_hash)
        if session is None:
            files = SessionFiles(self._folders, file_url, self._options.max_file_size)
            session = ClientSession(
                self._app, self._admission, self._run_sync, self._options.show_error, files, diffs=diffs
            )
            self._sessions[session_hash] = session
            while len(self._sessions) > MAX_SESSIONS:
                self._sessions.popitem(last=False)[1].close()
        self._sessions.move_to_end(session_hash)
        return session

    def find(self, session_hash: str) -> ClientSession | None:
        """The session of ``session_hash`` if there is one (nothing is made)."""
        return self._sessions.get(session_hash)

    def forget(self, session_hash: str) -> None:
        """Close the session of ``session_hash``, if any."""
        session = self._sessions.pop(session_hash, None)
        if session is not None:
            session.close()

    def close(self) -> None:
        while self._sessions:
            self._sessions.popitem()[1].close()
