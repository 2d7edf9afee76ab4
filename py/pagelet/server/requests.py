"""``gr.Request`` on a server: the HTTP request (or page socket) behind an event.

Gradio hands a function annotated ``request: gr.Request`` the client's address,
headers, query and cookies; so does ``pagelet run``, from Starlette's connection.
"""

from __future__ import annotations

from starlette.requests import HTTPConnection

from ..request import Request


def gradio_request(connection: HTTPConnection, session_hash: str | None) -> Request:
    """What a function learns of the client behind ``connection``."""
    request = Request(
        session_hash=session_hash,
        headers=dict(connection.headers),
        query_params=dict(connection.query_params),
        client=connection.client,  # Starlette's Address: .host and .port, as Gradio's request has
    )
    request.cookies = dict(connection.cookies)
    request.path_params = dict(connection.path_params)
    return request
