"""``GET /gradio_api/heartbeat/<session_hash>``: the stream Gradio's page and clients
hold open to keep a session; when it closes, the session is forgotten (its
events stopped, its files deleted), as Gradio deletes a session's state."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

# Seconds between two "ALIVE" lines (Gradio's default heartbeat rate).
HEARTBEAT_SECONDS = 15.0


async def heartbeat(request: Request) -> Response:
    session_hash = request.path_params["session_hash"]
    sessions = request.app.state.client_sessions

    async def alive() -> AsyncIterator[str]:
        try:
            while True:
                yield "data: ALIVE\n\n"
                await asyncio.sleep(HEARTBEAT_SECONDS)
        finally:
            sessions.forget(session_hash)

    return StreamingResponse(alive(), media_type="text/event-stream", headers={"Cache-Control": "no-cache"})
