"""The protocol between the Python core and the JS host: parsing what the host sends, building what the core sends.

Every message and the parts of the config the host relies on are defined
once, in ``protocol/messages.schema.json``; ``protocol_types`` (generated from
it by ``scripts/gen_protocol.py``) holds their TypedDicts, the TypeScript host
``js/protocol-types.ts`` their interfaces. Every message is a JSON object with
a version field ``v`` and a ``type``. The test suite holds every message the
core emits against the schema (``tests/py/conftest.py``); nothing validates
against it at run time, so the browser loads no validator.

Host messages are checked here by hand, field by field, and answered with a
sentence a developer can act on (``ProtocolError``); the core then sends an
``error`` message and keeps running.

Bytes never travel inside JSON: on the worker's port a message with bytes is
the object ``{"json": str, "bytes": ArrayBuffer}`` (the buffer transferred),
every other message a JSON string. The server adapter carries bytes its own
way: its page's transport posts an upload's bytes to the upload route
(``/gradio_api/upload``) and answers ``uploaded`` itself, and output files
arrive as a ``FileData`` whose ``url`` is the file route (``/gradio_api/file=``).

``FileStore`` (``pagelet.files``) is the one interface a transport provides
for files: ``save(name, data, mime_type) -> FileData``, ``publish(FileData) ->
FileData``, ``release(paths) -> [path]`` and ``close()``, with a
``max_file_size`` attribute.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, TypedDict

if TYPE_CHECKING:
    # Types only: the browser's core wheel leaves protocol_types out (scripts/build_assets.py).
    from .protocol_types import (
        AlertLevel,
        AlertMessage,
        AppConfig,
        CalledMessage,
        ComponentConfig,
        ConfigMessage,
        Dependency,
        DownloadMessage,
        ErrorMessage,
        FileData,
        FileMessage,
        LayoutNode,
        Progress,
        ProgressMessage,
        ReleaseMessage,
        RenderMessage,
        ServerMessage,
        Stage,
        StatusMessage,
        Update,
        UpdateMessage,
        UploadedMessage,
    )

# The version every message carries; tests/py/test_protocol_schema.py holds it to the schema's.
PROTOCOL_VERSION: Final = 1

# Longest event id a host may send; ids are opaque, short tokens.
MAX_EVENT_ID_LENGTH = 128


class ProtocolError(ValueError):
    """A message from the host did not match the schema."""


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


@dataclass(frozen=True)
class CallMessage:
    """A call from the host's page code to a server function of one component (gr.HTML's ``server_functions``)."""

    call_id: str
    component_id: int
    name: str
    args: list[Any]


MAX_FILE_NAME_LENGTH = 1024

ClientMessage = EventMessage | CancelMessage | UploadMessage | CallMessage


def parse_client_message(raw: str | bytes | Mapping[str, Any]) -> ClientMessage:
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
    if kind == "call":
        return _parse_call(message)
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


def _parse_call(message: Mapping[str, Any]) -> CallMessage:
    call_id = message.get("call_id")
    if not isinstance(call_id, str) or not 0 < len(call_id) <= MAX_EVENT_ID_LENGTH:
        raise ProtocolError("call_id must be a non-empty string of at most 128 characters")
    component_id = message.get("component_id")
    if not isinstance(component_id, int) or isinstance(component_id, bool) or component_id < 0:
        raise ProtocolError("component_id must be a non-negative integer")
    name = message.get("name")
    if not isinstance(name, str) or not 0 < len(name) <= 256:
        raise ProtocolError("name must be a non-empty string of at most 256 characters")
    args = message.get("args")
    if not isinstance(args, list):
        raise ProtocolError("args must be a list")
    return CallMessage(call_id=call_id, component_id=component_id, name=name, args=args)


def _parse_upload(message: Mapping[str, Any]) -> UploadMessage:
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


# The builders below are the only place core messages are made, one per kind,
# so that each is checked against its TypedDict.


def config_message(config: AppConfig) -> ConfigMessage:
    return {"v": PROTOCOL_VERSION, "type": "config", "config": config}


def status_message(event_id: str, stage: Stage, message: str | None = None) -> StatusMessage:
    status: StatusMessage = {"v": PROTOCOL_VERSION, "type": "status", "event_id": event_id, "stage": stage}
    if message is not None:
        status["message"] = message
    return status


def update_message(event_id: str, updates: list[Update]) -> UpdateMessage:
    return {"v": PROTOCOL_VERSION, "type": "update", "event_id": event_id, "updates": updates}


def progress_message(event_id: str, progress: Progress) -> ProgressMessage:
    return {"v": PROTOCOL_VERSION, "type": "progress", "event_id": event_id, "progress": progress}


class RenderedSubtree(TypedDict):
    """What ``@gr.render`` rebuilt: the fields of a ``render`` message but its envelope (``rendering``)."""

    id: int
    components: list[ComponentConfig]
    layout: LayoutNode
    dependencies: list[Dependency]
    retired: list[int]


def render_message(event_id: str, subtree: RenderedSubtree) -> RenderMessage:
    return {"v": PROTOCOL_VERSION, "type": "render", "event_id": event_id, **subtree}


def download_message(filename: str, text: str, mime: str) -> DownloadMessage:
    return {"v": PROTOCOL_VERSION, "type": "download", "filename": filename, "mime": mime, "text": text}


def alert_message(
    level: AlertLevel, message: str, title: str, duration: float | None, event_id: str | None = None
) -> AlertMessage:
    alert: AlertMessage = {"v": PROTOCOL_VERSION, "type": "alert", "level": level, "title": title, "message": message, "duration": duration}
    if event_id is not None:
        alert["event_id"] = event_id  # the event whose code raised it (Gradio's HTTP routes route by it)
    return alert


def error_message(
    message: str,
    event_id: str | None = None,
    traceback: str | None = None,
    fatal: bool = False,
) -> ErrorMessage:
    error: ErrorMessage = {"v": PROTOCOL_VERSION, "type": "error", "message": message}
    if event_id is not None:
        error["event_id"] = event_id
    if traceback is not None:
        error["traceback"] = traceback
    if fatal:
        error["fatal"] = True
    return error


def uploaded_message(upload_id: str, file: FileData | None = None, error: str | None = None) -> UploadedMessage:
    uploaded: UploadedMessage = {"v": PROTOCOL_VERSION, "type": "uploaded", "upload_id": upload_id}
    if file is not None:
        uploaded["file"] = file
    if error is not None:
        uploaded["error"] = error
    return uploaded


def called_message(call_id: str, *, value: Any = None, error: str | None = None) -> CalledMessage:
    """The answer to a ``call``: its ``value``, or ``error`` when the function raised."""
    if error is not None:
        return {"v": PROTOCOL_VERSION, "type": "called", "call_id": call_id, "error": error}
    return {"v": PROTOCOL_VERSION, "type": "called", "call_id": call_id, "value": value}


def file_message(path: str, mime_type: str | None) -> FileMessage:
    return {"v": PROTOCOL_VERSION, "type": "file", "path": path, "mime_type": mime_type}


def release_message(paths: list[str]) -> ReleaseMessage:
    return {"v": PROTOCOL_VERSION, "type": "release", "paths": paths}


def _json_safe(value: Any) -> Any:
    """Replace what JSON cannot carry: non-finite floats become None."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    return value


def _plain(value: Any) -> Any:
    """What JSON carries for a value it does not know: numpy arrays and scalars as lists and numbers
    (as Gradio sends them), anything else as its text."""
    tolist = getattr(value, "tolist", None)
    if callable(tolist):
        try:
            return tolist()
        except Exception:
            pass
    return str(value)


def encode(message: ServerMessage) -> str:
    """Serialize a core message; values JSON cannot carry are converted (``_plain``)."""
    return encode_value(message)


def encode_value(value: Any) -> str:
    """Any JSON document (the server's /config too), numpy values as lists and numbers."""
    message = value
    try:
        return json.dumps(message, allow_nan=False, separators=(",", ":"), default=_plain)
    except ValueError:
        return json.dumps(_json_safe(message), separators=(",", ":"), default=_plain)
