"""The message schema between the Python core and the JS host.

This module is the single written definition of the protocol; its TypeScript
twin is ``js/protocol.ts``. Every message is a JSON object with a version field
``v`` and a ``type``. Both ends validate what they receive: the core answers a
malformed message with an ``error`` message and keeps running.

Core -> host
------------
``config``  ``{"v", "type": "config", "config": AppConfig}``
    Sent once the app is registered. ``AppConfig`` is::

        {"title": str, "root": int, "css": str | None, "theme"?: Theme | None,
         "components": [{"id": int, "type": str, "props": {...}}],
         "layout": {"id": int, "children": [layout, ...]},
         "dependencies": [Dependency]}

    ``props`` carries Gradio's constructor names (``label``, ``value``,
    ``visible``, ``interactive``, ``choices`` ...). ``interactive`` is always a
    resolved bool. Layout blocks (row, column, tabs, tab, accordion, group,
    form) are components too. ``Dependency`` is::

        {"id": int, "targets": [[component_id, event_name]],
         "inputs": [int], "outputs": [int], "api_name": str | None,
         "trigger_after": int | None, "trigger_only_on_success": bool,
         "queue": bool, "show_progress": str,
         "trigger_mode": "once" | "multiple" | "always_last", "js": str | None}

    Optional ``max_file_size`` (bytes or null): the session's upload limit,
    so the host can refuse a larger file before reading it.

    ``trigger_mode``: what the host does with a trigger while the same
    dependency runs: drop it, run it too, or keep only the latest for after.

    The ``load`` event targets the root id.

    ``Theme`` (``gr.themes``, added in version 1; None or missing is the
    stock look) is ``{"name": str, "light": {"--pl-...": css value},
    "dark": {...}, "font": str}``: CSS variables the host sets on the app,
    the dark ones when the system prefers dark.

``status``  ``{"v", "type": "status", "event_id": str, "stage": Stage, "message"?: str}``
    ``Stage`` is one of ``pending``, ``running``, ``done``, ``error``.
    ``done`` and ``error`` end an event.

``update``  ``{"v", "type": "update", "event_id": str, "updates": [Update]}``
    ``Update`` is ``{"id": int, "value"?: Any, "props"?: {...}}``: a present
    ``value`` key replaces the component's value, ``props`` are merged.

``alert``   ``{"v", "type": "alert", "level": "error"|"warning"|"info",
              "title": str, "message": str, "duration": float | None}``
    A toast for the person using the app (``gr.Error``, ``gr.Info`` ...).

``progress`` ``{"v", "type": "progress", "event_id": str, "progress": Progress}``
    ``gr.Progress`` inside a running event. ``Progress`` is
    ``{"fraction": float | None, "desc": str | None, "index": int | None,
    "length": int | None, "unit": str}``: ``fraction`` in [0, 1], or ``None``
    when only a count of ``index`` steps is known. Added in version 1 (optional:
    a host may ignore it).

``render``  ``{"v", "type": "render", "event_id": str, "id": int,
              "components": [...], "layout": layout, "dependencies": [Dependency],
              "retired": [int]}``
    ``@gr.render`` rebuilt the column ``id``: ``layout`` is its new subtree,
    ``components`` the config entries of the blocks in it (an id already known
    keeps the value the page holds: a keyed component), ``dependencies`` new
    listeners (ids continue the table), ``retired`` listeners that no longer
    exist. Added in version 1. A host refuses (and reports) a render whose
    ``id`` is not a column inside the app, or differs from ``layout``'s id,
    before changing anything: a broken core must not drop the whole app.

``download`` ``{"v", "type": "download", "filename": str, "mime": str, "text": str}``
    A text file the app offers (e.g. the flagged samples as CSV); the host
    saves it through the browser. Added in version 1.

``error``   ``{"v", "type": "error", "message": str, "event_id"?: str,
              "traceback"?: str, "fatal"?: bool}``
    A fault outside the app's own ``gr.Error``: a malformed message, an
    unexpected exception. ``fatal`` means the app could not start.

Host -> core
------------
``event``   ``{"v", "type": "event", "event_id": str, "fn": int, "data": [Any]}``
    Runs dependency ``fn`` with one value per input (``None`` for ``State``
    inputs, which the core keeps per session). Optional ``event_data``: an
    object describing the event (for ``select``: ``{"index", "value",
    "selected"}``), which a function receives as ``gr.SelectData``.
    Optional ``trigger_id``: the component whose event started the run (for a
    ``.then()`` step, the one that started the chain): a function's
    ``gr.EventData.target``.

``cancel``  ``{"v", "type": "cancel", "event_id": str}``
    Stops run ``event_id`` (a Stop button, ``cancels=``): a generator is
    closed between two yields, an ``await`` is interrupted. The run then ends
    with ``status`` ``done`` and the message ``cancelled``. Blocking code
    between yields is not interrupted by the cancel itself; in the browser the
    runtime then raises ``KeyboardInterrupt`` in it (Pyodide's interrupt
    buffer), and the run ends with ``status`` ``done``, the message
    ``stopped`` and a warning ``alert`` titled "Stopped". A cancel for a run
    that already ended is ignored. Added in version 1.

A ``Dependency`` may also carry ``"cancels": [int]``: ids of dependencies
whose running events the host cancels when this one is triggered (added in
version 1; a missing ``cancels`` means ``[]``).

Files
-----
A file value is a ``FileData`` dict (``pagelet.files``): ``{"path", "orig_name",
"size", "mime_type", "url", "meta": {"_type": "gradio.FileData"}}``. Bytes
never travel inside JSON: on the worker's port a message with bytes is the
object ``{"json": str, "bytes": ArrayBuffer}`` (the buffer transferred), every
other message a JSON string. The server adapter carries bytes its own way:
its page's transport posts an upload's bytes to the upload route
(``/gradio_api/upload``) and answers ``uploaded`` itself, and output files
arrive as a ``FileData`` whose ``url`` is the file route (``/gradio_api/file=``).

``upload``  host -> core ``{"v", "type": "upload", "upload_id": str, "name": str, "mime": str}``
    plus the file's bytes. The core keeps the file in the session's
    ``FileStore`` (a per-session temporary directory, deleted when the session
    ends) and answers:

``uploaded`` core -> host ``{"v", "type": "uploaded", "upload_id": str, "file"?: FileData, "error"?: str}``
    ``file`` on success; ``error`` says why not (too large for the app's
    ``max_file_size``, malformed). The host then sends the ``FileData`` as the
    component's value in ``event`` messages.

``file``    core -> host ``{"v", "type": "file", "path": str, "mime_type": str | None}``
    plus the bytes of an output file, sent before the ``config`` or ``update``
    that mentions ``path``. The host shows it from a blob URL, revoked when the
    same path arrives again, when the core releases it (``release``) or when
    the app is removed. A ``FileData`` with a
    non-null ``url`` (the server) needs no ``file`` message.

``release`` core -> host ``{"v", "type": "release", "paths": [str]}``
    Sent after the update that stopped showing these output files: the host
    revokes their blob URLs. The core sends a path's bytes again (``file``)
    if it shows it later. Added in version 1 (optional: a host may ignore it,
    keeping the blobs until the app is removed).

``FileStore`` (``pagelet.files``) is the one interface a transport provides
for this: ``save(name, data, mime_type) -> FileData``, ``publish(FileData) ->
FileData``, ``release(paths) -> [path]`` and ``close()``, with a
``max_file_size`` attribute.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any, Literal, TypedDict

PROTOCOL_VERSION = 1

# Longest event id a host may send; ids are opaque, short tokens.
MAX_EVENT_ID_LENGTH = 128

Stage = Literal["pending", "running", "done", "error"]
AlertLevel = Literal["error", "warning", "info"]


class ProtocolError(ValueError):
    """A message from the host did not match the schema."""


class Update(TypedDict, total=False):
    id: int
    value: Any
    props: dict[str, Any]


@dataclass(frozen=True)
class EventMessage:
    """A request from the host to run one dependency."""

    event_id: str
    fn: int
    data: list[Any]
    event_data: dict[str, Any] | None = None
    trigger_id: int | None = None


@dataclass(frozen=True)
class CancelMessage:
    """A request from the host to stop one running event."""

    event_id: str


@dataclass(frozen=True)
class UploadMessage:
    """A file from the host; its bytes travel next to the message."""

    upload_id: str
    name: str
    mime: str


MAX_FILE_NAME_LENGTH = 1024

ClientMessage = EventMessage | CancelMessage | UploadMessage


class Progress(TypedDict):
    fraction: float | None
    desc: str | None
    index: int | None
    length: int | None
    unit: str


def parse_client_message(raw: str | bytes | dict[str, Any]) -> ClientMessage:
    """Validate one host message and return it typed.

    Raises ``ProtocolError`` with a sentence a developer can act on.
    """
    if isinstance(raw, (str, bytes)):
        try:
            message = json.loads(raw)
        except (ValueError, RecursionError) as exc:
            raise ProtocolError(f"message is not valid JSON: {exc}") from None
    else:
        message = raw
    if not isinstance(message, dict):
        raise ProtocolError("message must be a JSON object")
    version = message.get("v")
    if version != PROTOCOL_VERSION:
        raise ProtocolError(
            f"unsupported protocol version {version!r}; this core speaks {PROTOCOL_VERSION}"
        )
    kind = message.get("type")
    if kind == "upload":
        return _parse_upload(message)
    if kind not in ("event", "cancel"):
        raise ProtocolError(f"unknown message type {kind!r}")
    event_id = message.get("event_id")
    if not isinstance(event_id, str) or not 0 < len(event_id) <= MAX_EVENT_ID_LENGTH:
        raise ProtocolError("event_id must be a non-empty string of at most 128 characters")
    if kind == "cancel":
        return CancelMessage(event_id=event_id)
    fn = message.get("fn")
    if not isinstance(fn, int) or isinstance(fn, bool) or fn < 0:
        raise ProtocolError("fn must be a non-negative integer")
    data = message.get("data")
    if not isinstance(data, list):
        raise ProtocolError("data must be a list with one value per input")
    event_data = message.get("event_data")
    if event_data is not None and not isinstance(event_data, dict):
        raise ProtocolError("event_data must be an object")
    trigger_id = message.get("trigger_id")
    if trigger_id is not None and (not isinstance(trigger_id, int) or isinstance(trigger_id, bool)):
        raise ProtocolError("trigger_id must be a component id (an integer)")
    return EventMessage(event_id=event_id, fn=fn, data=data, event_data=event_data, trigger_id=trigger_id)


def _parse_upload(message: dict[str, Any]) -> UploadMessage:
    upload_id = message.get("upload_id")
    if not isinstance(upload_id, str) or not 0 < len(upload_id) <= MAX_EVENT_ID_LENGTH:
        raise ProtocolError("upload_id must be a non-empty string of at most 128 characters")
    name = message.get("name")
    if not isinstance(name, str) or len(name) > MAX_FILE_NAME_LENGTH:
        raise ProtocolError("upload name must be a string of at most 1024 characters")
    mime = message.get("mime", "")
    if not isinstance(mime, str):
        raise ProtocolError("upload mime must be a string")
    return UploadMessage(upload_id=upload_id, name=name, mime=mime)


def _message(kind: str, **fields: Any) -> dict[str, Any]:
    return {"v": PROTOCOL_VERSION, "type": kind, **fields}


def config_message(config: dict[str, Any]) -> dict[str, Any]:
    return _message("config", config=config)


def status_message(event_id: str, stage: Stage, message: str | None = None) -> dict[str, Any]:
    fields: dict[str, Any] = {"event_id": event_id, "stage": stage}
    if message is not None:
        fields["message"] = message
    return _message("status", **fields)


def update_message(event_id: str, updates: list[Update]) -> dict[str, Any]:
    return _message("update", event_id=event_id, updates=updates)


def progress_message(event_id: str, progress: Progress) -> dict[str, Any]:
    return _message("progress", event_id=event_id, progress=progress)


def render_message(event_id: str, subtree: dict[str, Any]) -> dict[str, Any]:
    return _message("render", event_id=event_id, **subtree)


def download_message(filename: str, text: str, mime: str) -> dict[str, Any]:
    return _message("download", filename=filename, mime=mime, text=text)


def alert_message(
    level: AlertLevel, message: str, title: str, duration: float | None
) -> dict[str, Any]:
    return _message("alert", level=level, title=title, message=message, duration=duration)


def error_message(
    message: str,
    event_id: str | None = None,
    traceback: str | None = None,
    fatal: bool = False,
) -> dict[str, Any]:
    fields: dict[str, Any] = {"message": message}
    if event_id is not None:
        fields["event_id"] = event_id
    if traceback is not None:
        fields["traceback"] = traceback
    if fatal:
        fields["fatal"] = True
    return _message("error", **fields)


def uploaded_message(upload_id: str, file: dict[str, Any] | None = None, error: str | None = None) -> dict[str, Any]:
    fields: dict[str, Any] = {"upload_id": upload_id}
    if file is not None:
        fields["file"] = file
    if error is not None:
        fields["error"] = error
    return _message("uploaded", **fields)


def file_message(path: str, mime_type: str | None) -> dict[str, Any]:
    return _message("file", path=path, mime_type=mime_type)


def release_message(paths: list[str]) -> dict[str, Any]:
    return _message("release", paths=paths)


def _json_safe(value: Any) -> Any:
    """Replace what JSON cannot carry: non-finite floats become None."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    return value


def encode(message: dict[str, Any]) -> str:
    """Serialize a core message; values JSON cannot carry are stringified."""
    try:
        return json.dumps(message, allow_nan=False, separators=(",", ":"), default=str)
    except ValueError:
        return json.dumps(_json_safe(message), separators=(",", ":"), default=str)
