"""The HTML page that loads the host (built into ``static/``) and connects it back here."""

from __future__ import annotations

import html
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response

from .api_info import API_PREFIX

STATIC = Path(__file__).resolve().parent / "static"
SOCKET_PATH = "ws"


def page_html(title: str) -> str:
    # Every URL is relative to the page, so the app works under any root path or mount.
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<link rel="stylesheet" href="assets/page.css">
<script type="module" src="assets/index-page.js"></script></head>
<body><main class="pagelet" data-socket="{SOCKET_PATH}" data-api="{API_PREFIX.lstrip('/')}/"></main></body></html>"""


async def index(request: Request) -> Response:
    if not (STATIC / "index-page.js").exists():
        return PlainTextResponse(
            "The page's scripts are missing from this installation of pagelet "
            "(build them with `make build`); the API under /gradio_api works without them.",
            status_code=503,
        )
    return HTMLResponse(page_html(request.app.state.blocks.title))
