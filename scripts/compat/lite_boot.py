"""Boot demos in ``<gradio-lite>``: one headless Chromium, a page from dist/, one demo per tab.

One browser context for all, so the memory snapshot the first boot stores
makes the next boots quick, as a returning visitor's would be.
"""

from __future__ import annotations

import base64
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "e2e"))
from pages import CHROMIUM, CHROMIUM_ARGS, abort_foreign_requests, serve_directory  # noqa: E402

BOOT_TIMEOUT_MS = 90_000
SNAPSHOT_WAIT_S = 120
SNAPSHOT_KEYS = "async () => (await (await caches.open('pagelet-snapshots')).keys()).length"
MAX_APP_BYTES = 20_000_000
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>compat</title></head><body>
<script type="module">
import { createPageletApp } from "/dist/lite.js";
window.bootDemo = async (encoded, timeoutMs) => {
  const files = {};
  for (const [name, data] of Object.entries(encoded)) {
    files[name] = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  }
  const target = document.createElement("div");
  document.body.append(target);
  const app = createPageletApp(target, { files, entrypoint: "run.py" });
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error(`did not start within ${timeoutMs} ms`)), timeoutMs));
  try { await Promise.race([app.ready, timeout]); return ""; }
  catch (error) { return String(error && error.message || error); }
};
</script></body></html>"""


def _app_files(demo: Path) -> dict[str, str]:
    files, total = {}, 0
    for path in sorted(demo.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or path.name == "screenshot.png":
            continue
        data = path.read_bytes()
        total += len(data)
        if total > MAX_APP_BYTES:
            break
        files[path.relative_to(demo).as_posix()] = base64.b64encode(data).decode()
    return files


def boot_all(demos: Iterable[Path], pages_dir: Path, report: Callable[[Path, str, float], None]) -> None:
    """Boot each demo; ``report(demo, error, seconds)`` gets "" for a demo on screen, else its error's first line."""
    from playwright.sync_api import sync_playwright

    pages_dir.mkdir(parents=True, exist_ok=True)
    (pages_dir / "lite.html").write_text(PAGE, encoding="utf-8")
    server, url = serve_directory(REPO)
    page_url = f"{url}/{pages_dir.relative_to(REPO).as_posix()}/lite.html"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context()
            abort_foreign_requests(context)
            snapshot_stored = False
            for demo in demos:
                began = time.monotonic()
                page = context.new_page()
                try:
                    page.goto(page_url)
                    page.wait_for_function("() => typeof window.bootDemo === 'function'")
                    error = page.evaluate("([files, ms]) => window.bootDemo(files, ms)", [_app_files(demo), BOOT_TIMEOUT_MS])
                    if not snapshot_stored:
                        snapshot_stored = _wait_for_snapshot(page)
                except Exception as failure:
                    error = f"{type(failure).__name__}: {str(failure).splitlines()[0]}"
                finally:
                    page.close()
                report(demo, _first_error_line(error), time.monotonic() - began)
            browser.close()
    finally:
        server.shutdown()


def _wait_for_snapshot(page: Page) -> bool:
    """Keep the first page open until its warm-start snapshot is stored: then every later boot restores it."""
    deadline = time.monotonic() + SNAPSHOT_WAIT_S
    while time.monotonic() < deadline:
        if page.evaluate(f"({SNAPSHOT_KEYS})()"):
            return True
        page.wait_for_timeout(250)
    return False


def _first_error_line(message: str) -> str:
    from servers import first_error_line

    return first_error_line(message) if message else ""
