"""Gradio's REST call API, the one its docs show with curl.

``POST /gradio_api/call/<api_name>`` with ``{"data": [...]}`` answers
``{"event_id": ...}``; ``GET /gradio_api/call/<api_name>/<event_id>`` then
streams the event as Gradio writes it::

    event: generating        (one per yield of a generator, whole values)
    data: ["1"]

    event: complete          (or ``event: error`` with Gradio's error payload)
    data: [3]

with ``event: heartbeat`` / ``data: null`` while the function is quiet. Each
call is a client session of its own, named by its event id, as in Gradio.
"""

from __future__ import annotations

import asyncio
import json
import secrets
from collections.abc import AsyncIterator
from typing import Any

from starlette.requests import HTTPConnection, Request
from starlette.responses import JSONResponse, Response, StreamingResponse

from ..admission import QueueFull
from ..blocks import Blocks
from . import heartbeat
from .api_info import callable_endpoints, file_route_url
from .client_session import ClientSession


def event_line(event: str, data: Any) -> str:
    """One server-sent event, spaced as Gradio's ``json.dumps`` spaces it."""
    return f"event: {event}\ndata: {json.dumps(data, default=str)}\n\n"




def _with_state_slots(app: Blocks, fn_index: int, data: list[Any]) -> list[Any]:
    """Values for every input: a caller leaves out the inputs with no API value (``gr.State``, a Button), as Gradio's API does."""
    inputs = app.dependencies[fn_index].inputs
    api_inputs = [component for component in inputs if not component.SKIP_API]
    if len(data) == len(inputs) or len(data) != len(api_inputs):
        return data
    given = iter(data)
    return [None if component.SKIP_API else next(given) for component in inputs]


async def call(request: Request) -> Response:
    state = request.app.state
    api_name = request.path_params["api_name"]
    fn_index = callable_endpoints(state.blocks).get(api_name)
    if fn_index is None:
        return JSONResponse({"detail": f"This app has no API endpoint named /{api_name}."}, status_code=404)
    try:
        body = await request.json()
    except (ValueError, UnicodeDecodeError):
        body = None
    if not isinstance(body, dict) or not isinstance(body.get("data"), list):
        return JSONResponse({"detail": 'The body must be a JSON object {"data": [...]}, one value per input.'}, status_code=422)
    try:
        state.admission.check_room()
    except QueueFull as full:
        return JSONResponse({"detail": str(full)}, status_code=503)
    data = _with_state_slots(state.blocks, fn_index, body["data"])
    event_id, _ = start_call(state, fn_index, data, file_route_url(str(request.url)), request)
    return JSONResponse({"event_id": event_id})


def start_call(
    state: Any, fn_index: int, data: list[Any], file_url: str, connection: HTTPConnection | None = None
) -> tuple[str, ClientSession]:
    """Run one event in a session of its own (named by the event's id), streaming whole values.

    ``state`` is the server app's state; output files are offered under ``file_url``."""
    # Values past the function's inputs are ignored, as Gradio ignores them.
    data = data[: len(state.blocks.dependencies[fn_index].inputs)]
    event_id = secrets.token_hex(16)
    session = state.client_sessions.get(event_id, file_url, diffs=False)
    if connection is not None:
        session.describe(connection)
    session.start(event_id, fn_index, data)
    return event_id, session


async def completion(session: ClientSession) -> dict[str, Any]:
    """The event's ``process_completed`` message, once it comes."""
    while (message := await session.outbox.get())["msg"] != "process_completed":
        pass
    return message


async def _events(session: ClientSession) -> AsyncIterator[str]:
    while True:
        try:
            message = await asyncio.wait_for(session.outbox.get(), heartbeat.HEARTBEAT_SECONDS)
        except TimeoutError:
            yield event_line("heartbeat", None)
            continue
        kind, output = message["msg"], message.get("output", {})
        if kind == "process_generating":
            yield event_line("generating", output["data"])
        elif kind == "process_completed":
            yield event_line("complete", output["data"]) if message["success"] else event_line("error", output)
            return


async def results(request: Request) -> Response:
    event_id = request.path_params["event_id"]
    session = request.app.state.client_sessions.find(event_id)
    if session is None or not (session.pending or not session.outbox.empty()):
        # Unknown, or already read to its end: there is nothing more to stream.
        detail = f"No event {event_id} is waiting to be read; POST to /gradio_api/call/<api_name> first."
        return Response(event_line("error", detail), status_code=404, media_type="text/event-stream")
    return StreamingResponse(_events(session), media_type="text/event-stream", headers={"Cache-Control": "no-cache"})
