"""What the browser tests share: where things are, a plain static server, opening an app."""

from __future__ import annotations

import functools
import http.server
import textwrap
import threading
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Page, Route

REPO = Path(__file__).resolve().parents[2]
DIST = REPO / "dist"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Booting Pyodide takes a few seconds; a slow CI machine gets generous room.
BOOT_TIMEOUT_MS = 60_000


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Any static host: no special headers, only correct MIME types."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".whl": "application/zip",
        ".zip": "application/zip",
    }

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


def serve_directory(root: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``root`` on an ephemeral loopback port, the way any static host would."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def abort_foreign_requests(context: BrowserContext) -> list[str]:
    """Abort every request from ``context`` to a host other than loopback; the list collects them."""
    blocked: list[str] = []

    def guard(route: Route) -> None:
        url = route.request.url
        if url.startswith(("http://", "https://")) and urlsplit(url).hostname not in ("127.0.0.1", "localhost"):
            blocked.append(url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", guard)
    return blocked


def open_app(page: Page, url: str) -> Page:
    """Open a page and wait until every app on it is on screen."""
    page.goto(url)
    # evaluate() awaits the promise (wait_for_function would take it as truthy at once).
    page.evaluate(
        """(timeoutMs) => Promise.race([
            customElements.whenDefined('gradio-lite').then(() =>
                Promise.all([...document.querySelectorAll('gradio-lite')].map((element) => element.ready))),
            new Promise((_, reject) => setTimeout(() => reject(new Error('the app did not start in time')), timeoutMs)),
        ])""",
        BOOT_TIMEOUT_MS,
    )
    return page


class Site:
    """A static site holding only a copy of dist/ and the pages a test writes."""

    def __init__(self, root: Path, url: str) -> None:
        self.root = root
        self.url = url

    def page(self, name: str, body: str) -> str:
        html = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{name}</title>
<script type="module" src="./lite.js"></script></head>
<body>{textwrap.dedent(body)}</body></html>"""
        (self.root / name).write_text(html, encoding="utf-8")
        return f"{self.url}/{name}"
