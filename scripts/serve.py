"""Serve the repository for the demo and the browser tests.

    python3 scripts/serve.py [--host 127.0.0.1] [--port 8000] [--root DIR]

`/` redirects to the gallery, `public/index.html`; the pages load `dist/lite.js`.
Every response is cross-origin isolated (COOP same-origin, COEP require-corp),
as a page embedding Pagelet may be, so that the demo shows any request that
would break there; and usable from another origin (CORS, CORP), as a CDN is. Files and folders whose name starts with a dot (.git,
.venv) are not served. Port 0 picks a free port; the first line printed is
the URL, for a test that starts the server as a subprocess. A test in the
same process can use `make_server` instead.
"""

from __future__ import annotations

import argparse
import sys
import io
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
GALLERY = "/public/index.html"


class Handler(SimpleHTTPRequestHandler):
    server: Server

    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".whl": "application/zip",
        # The core archive: bytes as they are, never a Content-Encoding the browser would undo
        # (the worker checks the hash of what it was sent).
        ".gz": "application/gzip",
        ".zip": "application/zip",
        ".json": "application/json",
        ".map": "application/json",
        ".py": "text/x-python",
    }

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        """GET and HEAD both start here: refuse private paths, redirect `/` to the gallery."""
        path = urlsplit(self.path).path
        if any(segment.startswith(".") for segment in unquote(path).split("/") if segment):
            # Dot-named files and folders (.git, .venv) stay private.
            self.send_error(HTTPStatus.NOT_FOUND)
            return None
        if path == "/":
            self.send_response(HTTPStatus.FOUND)
            self.send_header("Location", GALLERY)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        return super().send_head()

    def end_headers(self) -> None:
        if self.server.isolated:
            self.send_header("Cross-Origin-Opener-Policy", "same-origin")
            self.send_header("Cross-Origin-Embedder-Policy", "require-corp")
        # dist/ may also be used from a page on another origin, as from a CDN.
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cross-Origin-Resource-Policy", "cross-origin")
        # A rebuilt dist/ must show on reload; the browser may still revalidate.
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        if self.server.quiet:
            return
        super().log_message(format, *args)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    # Set by make_server.
    quiet = False
    isolated = True

    def handle_error(self, request: object, client_address: object) -> None:
        # A browser that stops a download (a worker terminated mid-boot) is not a server error.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def make_server(
    host: str = "127.0.0.1", port: int = 0, root: Path = ROOT, quiet: bool = False, isolated: bool = True
) -> Server:
    """A server for `root`, not yet serving: call `serve_forever()` (in a thread) and `shutdown()`.

    `isolated=False` leaves out COOP/COEP, as most static hosts do (the benchmark's Stop figure).
    """
    server = Server((host, port), partial(Handler, directory=str(root)))
    server.quiet = quiet
    server.isolated = isolated
    return server


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--quiet", action="store_true", help="do not log requests")
    args = parser.parse_args()
    server = make_server(args.host, args.port, args.root.resolve(), args.quiet)
    host, port = server.server_address[:2]
    print(f"http://{host}:{port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
