"""The CPython server adapter: serves a ``Blocks`` app to browsers (the same JS
host over a WebSocket) and to Gradio's clients (``gradio_client``,
``@gradio/client``) over Gradio's HTTP API. The only part of Pagelet that
imports Starlette and uvicorn; install it with ``pip install pagelet[server]``.
"""

from __future__ import annotations

from typing import Any

from ..blocks import Blocks
from .app import create_app
from .launcher import ServerLauncher
from .options import ServerOptions


def mount_gradio_app(app: Any, blocks: Blocks, path: str, **options: Any) -> Any:
    """Serve ``blocks`` under ``path`` of a Starlette or FastAPI ``app``; returns ``app``.

    ``options`` are ``launch()``'s (``auth``, ``allowed_paths``, ``max_file_size`` ...).
    """
    app.mount("/" + path.strip("/"), create_app(blocks, ServerOptions.from_launch(**options)))
    return app


__all__ = ["ServerLauncher", "ServerOptions", "create_app", "mount_gradio_app"]
