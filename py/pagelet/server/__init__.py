"""The CPython server adapter: serves a ``Blocks`` app to browsers (the same JS
host over a WebSocket) and to Gradio's clients (``gradio_client``,
``@gradio/client``) over Gradio's HTTP API. The only part of Pagelet that
imports Starlette and uvicorn; install it with ``pip install pagelet[server]``.
"""

from __future__ import annotations

from .app import create_app
from .launcher import ServerLauncher, mount_gradio_app
from .options import ServerOptions


__all__ = ["ServerLauncher", "ServerOptions", "create_app", "mount_gradio_app"]
