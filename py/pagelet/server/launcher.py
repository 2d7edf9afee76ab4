"""``demo.launch()`` on CPython: uvicorn in a background thread, as Gradio does it."""

from __future__ import annotations

import os
import socket
import threading
import time
import webbrowser
from typing import Any

import uvicorn

from ..blocks import Blocks
from .app import create_app
from .options import ServerOptions

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7860
# Ports tried after the default one when it is taken (Gradio tries 100).
PORT_ATTEMPTS = 100
# Seconds to wait for the server to come up before giving up.
START_TIMEOUT = 30


def _bind(host: str, port: int | None) -> socket.socket:
    """A listening socket: on ``port``, or the first free one from the default."""
    candidates = [port] if port is not None else list(range(DEFAULT_PORT, DEFAULT_PORT + PORT_ATTEMPTS))
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    error: OSError | None = None
    for candidate in candidates:
        # IPPROTO_TCP named, not left 0: asyncio turns Nagle's algorithm off
        # (TCP_NODELAY) only on sockets whose protocol says TCP. Without it every
        # reply written in two pieces (headers, then body or an event-stream
        # chunk) waited ~40 ms for the client's delayed ACK.
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, candidate))
        except OSError as exc:
            sock.close()
            error = exc
            continue
        sock.listen(2048)
        sock.setblocking(False)
        return sock
    where = f"port {port}" if port is not None else f"ports {DEFAULT_PORT}-{DEFAULT_PORT + PORT_ATTEMPTS - 1}"
    raise OSError(f"Cannot start the server on {host}, {where}: {error}. Set server_port or GRADIO_SERVER_PORT.")


class RunningServer:
    """One app being served: its uvicorn server, thread and URL."""

    def __init__(self, app: Blocks, host: str, port: int | None, options: ServerOptions, quiet: bool) -> None:
        self.asgi = create_app(app, options)
        self.socket = _bind(host, port)
        self.port = self.socket.getsockname()[1]
        shown_host = "127.0.0.1" if host in ("0.0.0.0", "::") else host
        self.url = f"http://{'[' + shown_host + ']' if ':' in shown_host else shown_host}:{self.port}/"
        config = uvicorn.Config(
            self.asgi, log_level="warning", access_log=False, root_path=options.root_path,
            timeout_graceful_shutdown=2, ws_max_size=16 * 1024 * 1024, lifespan="on",
        )
        self.server = uvicorn.Server(config)
        # The app's thread owns signals: uvicorn installs no handlers outside the main thread.
        self.thread = threading.Thread(target=self._serve, name="pagelet-server", daemon=True)
        self.quiet = quiet

    def _serve(self) -> None:
        self.server.run(sockets=[self.socket])

    def start(self) -> None:
        self.thread.start()
        deadline = time.monotonic() + START_TIMEOUT
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"The server did not start on {self.url}")
            time.sleep(0.01)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.socket.close()


def mount_gradio_app(app: Any, blocks: Blocks, path: str, **options: Any) -> Any:
    """Serve ``blocks`` under ``path`` of a Starlette or FastAPI ``app``; returns ``app``.

    ``options`` are ``launch()``'s (``auth``, ``allowed_paths``, ``max_file_size`` ...).
    """
    app.mount("/" + path.strip("/"), create_app(blocks, ServerOptions.from_launch(**options)))
    return app


class ServerLauncher:
    """The CPython launcher: serves each launched app until ``close()``.

    Registered under the ``pagelet.launchers`` entry point (see ``pagelet.launcher``).
    """

    def __init__(self) -> None:
        self.running: dict[int, RunningServer] = {}
        # Defaults set by ``pagelet run --host/--port``; launch() arguments win.
        self.default_host: str | None = None
        self.default_port: int | None = None

    def launch(
        self,
        app: Blocks,
        server_name: str | None = None,
        server_port: int | None = None,
        prevent_thread_lock: bool = False,
        inbrowser: bool = False,
        quiet: bool = False,
        **options: Any,
    ) -> tuple[Any, str, None]:
        self.close(app)
        host = server_name or os.environ.get("GRADIO_SERVER_NAME") or self.default_host or DEFAULT_HOST
        if server_port is None and os.environ.get("GRADIO_SERVER_PORT"):
            server_port = int(os.environ["GRADIO_SERVER_PORT"])
        if server_port is None:
            server_port = self.default_port
        server = RunningServer(app, host, server_port, ServerOptions.from_launch(**options), quiet)
        server.start()
        self.running[id(app)] = server
        app.local_url = server.url
        app.server_port = server.port
        app.server_name = host
        app.server_app = server.asgi
        if not quiet:
            print(f"* Running on local URL:  {server.url}", flush=True)
        if inbrowser:
            webbrowser.open(server.url)
        if not prevent_thread_lock:
            self._block(app, server)
        return server.asgi, server.url, None

    def _block(self, app: Blocks, server: RunningServer) -> None:
        """Keep the main thread until the server stops or Ctrl+C, as Gradio's launch() does."""
        try:
            while server.thread.is_alive():
                server.thread.join(timeout=0.5)
        except KeyboardInterrupt:
            if not server.quiet:
                print("Keyboard interruption in main thread... closing server.", flush=True)
        finally:
            self.close(app)

    def mount(self, app: Any, blocks: Blocks, path: str, **options: Any) -> Any:
        return mount_gradio_app(app, blocks, path, **options)

    def close(self, app: Blocks) -> None:
        server = self.running.pop(id(app), None)
        if server is not None:
            server.stop()
