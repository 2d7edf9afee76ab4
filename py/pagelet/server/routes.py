"""The HTTP and WebSocket endpoints: the page's socket and Gradio's client API.

Every handler reads what it shares from ``request.app.state`` (see ``app.py``).
"""

from __future__ import annotations

import asyncio
import json
import mimetypes
import secrets
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response, StreamingResponse
from starlette.websockets import WebSocket, WebSocketDisconnect

from ..admission import QueueFull
from ..alerts import Error
from ..files import UploadTooLarge, check_size, human_size
from ..protocol import alert_message, encode, encode_value, error_message, status_message

if TYPE_CHECKING:
    from ..protocol_types import ServerMessage
from ..session import Session
from .api_info import API_PREFIX, api_info, client_config, file_route_url
from .requests import gradio_request
from .session_files import SessionFiles

# Seconds between heartbeats on an idle data stream, so proxies keep it open.
HEARTBEAT_SECONDS = 15
# Files in one upload request.
MAX_UPLOAD_FILES = 100
# The file route, relative to the page (and its socket): URLs the page resolves itself.
PAGE_FILE_URL = API_PREFIX.lstrip("/") + "/file="


def _state(request: Request | WebSocket) -> Any:
    return request.app.state


# --- the page's socket --------------------------------------------------------


def _same_origin(websocket: WebSocket) -> bool:
    """A page from another site must not drive the app with this visitor's cookies."""
    origin = websocket.headers.get("origin")
    if origin is None:
        return True
    return urlsplit(origin).netloc == websocket.headers.get("host")


async def page_socket(websocket: WebSocket) -> None:
    if not _same_origin(websocket):
        await websocket.close(code=1008)
        return
    state = _state(websocket)
    await websocket.accept()
    loop = asyncio.get_running_loop()
    outgoing: asyncio.Queue[str | None] = asyncio.Queue()

    def send(message: ServerMessage) -> None:
        # The core may send from a worker thread (gr.Info inside a sync function).
        loop.call_soon_threadsafe(outgoing.put_nowait, encode(message))

    files = SessionFiles(state.files, PAGE_FILE_URL, state.options.max_file_size)
    session = Session(
        state.blocks, send, show_error=state.options.show_error, run_sync=state.run_sync, admission=state.admission, file_store=files
    )
    session.request = gradio_request(websocket, session.request.session_hash)
    tasks: set[asyncio.Task[None]] = set()

    async def write() -> None:
        while (text := await outgoing.get()) is not None:
            await websocket.send_text(text)

    writer = asyncio.create_task(write())
    try:
        try:
            session.send_config()
        except Error as exc:  # an initial value the server refuses to offer: the app cannot start
            send(error_message(str(exc), fatal=True))
            return
        while True:
            task = asyncio.create_task(session.handle(await websocket.receive_text()))
            tasks.add(task)
            task.add_done_callback(tasks.discard)
    except (WebSocketDisconnect, RuntimeError):
        pass
    finally:
        for task in tasks:
            task.cancel()
        # First, so that the page's runs (a generator still streaming) stop and demo.unload
        # runs even if the writer never finishes on a dead socket.
        session.close()
        # Scheduled as ``send`` schedules, so the writer flushes what came before (a fatal error) and stops.
        loop.call_soon(outgoing.put_nowait, None)
        await asyncio.gather(writer, return_exceptions=True)


# --- Gradio's client API ----------------------------------------------------


async def config(request: Request) -> Response:
    state = _state(request)
    root_url = str(request.base_url).rstrip("/")
    # Encoded as the page's messages are, so a numpy value in the config cannot make it fail.
    return Response(encode_value(client_config(state.blocks, state.options.max_file_size, root_url, state.options.mcp_server)), media_type="application/json")


async def info(request: Request) -> Response:
    return Response(encode_value(api_info(_state(request).blocks)), media_type="application/json")


def _file_url(request: Request) -> str:
    return file_route_url(str(request.url))


def _bad_request(detail: str) -> Response:
    return JSONResponse({"detail": detail}, status_code=422)


async def _json_object(request: Request) -> dict[str, Any] | None:
    """The request's JSON object body, or ``None`` when it is not one."""
    try:
        body = await request.json()
    except (ValueError, UnicodeDecodeError):
        return None
    return body if isinstance(body, dict) else None


async def queue_join(request: Request) -> Response:
    state = _state(request)
    body = await _json_object(request)
    if body is None:
        return _bad_request("The body must be a JSON object.")
    fn_index, data, session_hash = body.get("fn_index"), body.get("data"), body.get("session_hash")
    if not isinstance(fn_index, int) or isinstance(fn_index, bool) or not 0 <= fn_index < len(state.blocks.dependencies):
        return _bad_request("fn_index must name one of the app's functions.")
    if not isinstance(data, list):
        return _bad_request("data must be a list with one value per input.")
    if not isinstance(session_hash, str) or not 0 < len(session_hash) <= 128:
        return _bad_request("session_hash must be a short string.")
    try:
        state.admission.check_room()
    except QueueFull as full:
        return JSONResponse({"detail": str(full)}, status_code=503)
    event_id = secrets.token_hex(16)
    client = state.client_sessions.get(session_hash, _file_url(request))
    client.describe(request)
    client.start(event_id, fn_index, data)
    return JSONResponse({"event_id": event_id})


async def queue_data(request: Request) -> Response:
    session_hash = request.query_params.get("session_hash", "")
    if not 0 < len(session_hash) <= 128:
        return _bad_request("session_hash is required.")
    session = _state(request).client_sessions.get(session_hash, _file_url(request))

    async def stream() -> AsyncIterator[str]:
        while True:
            try:
                message = await asyncio.wait_for(session.outbox.get(), HEARTBEAT_SECONDS)
            except TimeoutError:
                message = {"msg": "heartbeat"}
            yield f"data: {json.dumps(message, default=str)}\n\n"
            # Closed as soon as no event is pending and nothing is left to send,
            # right behind the last completion, as Gradio does: gradio_client
            # then opens a fresh stream for its next event. Closing later (after
            # a grace period) races with a next join sent meanwhile on the old
            # stream, which the client then drops as cancelled (found by
            # tests/py/server/test_server_load.py).
            if message["msg"] == "process_completed" and not session.pending and session.outbox.empty():
                yield 'data: {"msg": "close_stream"}\n\n'
                return

    return StreamingResponse(stream(), media_type="text/event-stream", headers={"Cache-Control": "no-cache"})


async def cancel(request: Request) -> Response:
    body = await _json_object(request)
    if body is None:
        return _bad_request("The body must be a JSON object.")
    session_hash, event_id = body.get("session_hash"), body.get("event_id")
    if not isinstance(session_hash, str) or not isinstance(event_id, str):
        return _bad_request("session_hash and event_id are required.")
    cancelled = _state(request).client_sessions.get(session_hash, _file_url(request)).cancel(event_id)
    return JSONResponse({"success": cancelled})


async def upload(request: Request) -> Response:
    state = _state(request)
    limit = state.options.max_file_size
    declared = request.headers.get("content-length")
    # Refused before reading the body when it cannot fit (multipart framing aside).
    if limit is not None and declared is not None and declared.isdigit() and int(declared) > limit + 64 * 1024:
        detail = f"The upload is {human_size(int(declared))}; this app accepts files up to {human_size(limit)}."
        return JSONResponse({"detail": detail}, status_code=413)
    form = await request.form(max_files=MAX_UPLOAD_FILES, max_fields=MAX_UPLOAD_FILES)
    try:
        files = [item for item in form.getlist("files") if isinstance(item, UploadFile)]
        for item in files:
            check_size(item.filename or "The file", item.size or 0, limit)
        paths = [str(state.files.save_upload(item.filename or "file", await item.read())) for item in files]
    except UploadTooLarge as exc:
        return JSONResponse({"detail": str(exc)}, status_code=413)
    finally:
        await form.close()
    return JSONResponse(paths)


# Types shown in place (an <img>, a player, plain text): none of them runs script.
# Anything else (HTML, SVG, XML, PDF, unknown) is a download, so that a file a
# visitor uploaded cannot become a page on the app's origin.
INLINE_TYPES = frozenset({
    "image/png", "image/jpeg", "image/gif", "image/webp", "image/avif", "image/bmp", "image/x-icon", "image/tiff",
    "text/plain", "text/csv", "application/json",
})
# On every file: no type guessing, and a document opened anyway runs nothing and is its own origin.
FILE_HEADERS = {"X-Content-Type-Options": "nosniff", "Content-Security-Policy": "default-src 'none'; sandbox"}


async def file(request: Request) -> Response:
    path = _state(request).files.servable(request.path_params["path"])
    if path is None:
        return JSONResponse({"detail": "File not found."}, status_code=404)
    media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if media_type in INLINE_TYPES or media_type.startswith(("audio/", "video/")):
        return FileResponse(path, media_type=media_type, headers=FILE_HEADERS)
    return FileResponse(path, media_type=media_type, headers=FILE_HEADERS, filename=path.name)
