"""Requirements resolved on a first visit are frozen: the next visit installs the same wheels without asking the index."""

from __future__ import annotations

import functools
import hashlib
import http.server
import json
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from pages import BOOT_TIMEOUT_MS, Site, open_app
from tiny_wheel import build_wheel


class PackageIndex:
    """A PyPI-like Simple API (JSON) on loopback, serving the wheels of one folder and counting what it is asked."""

    def __init__(self, wheels: Path) -> None:
        self.wheels = wheels
        self.hits: Counter[str] = Counter()
        handler = functools.partial(_IndexHandler, self)
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def project_page(self, project: str) -> bytes | None:
        files = [
            {"filename": wheel.name, "url": f"{self.url}/files/{wheel.name}", "hashes": {"sha256": hashlib.sha256(wheel.read_bytes()).hexdigest()}}
            for wheel in sorted(self.wheels.glob("*.whl"))
            if wheel.name.split("-")[0].lower().replace("_", "-") == project
        ]
        return json.dumps({"meta": {"api-version": "1.0"}, "name": project, "files": files}).encode() if files else None


class _IndexHandler(http.server.BaseHTTPRequestHandler):
    def __init__(self, index: PackageIndex, *args, **kwargs) -> None:
        self.index = index
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        path = self.path.split("?")[0]
        kind = "project" if path.startswith("/simple/") else "file"
        self.index.hits[kind] += 1
        if kind == "project":
            body = self.index.project_page(path.removeprefix("/simple/").strip("/"))
            content_type = "application/vnd.pypi.simple.v1+json"
        else:
            wheel = self.index.wheels / path.removeprefix("/files/")
            body = wheel.read_bytes() if wheel.is_file() else None
            content_type = "application/zip"
        if body is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


@pytest.fixture
def index(tmp_path: Path) -> Iterator[PackageIndex]:
    wheels = tmp_path / "index-wheels"
    wheels.mkdir()
    build_wheel(wheels, "pagelet_frozen", "1.0", "def triple(x):\n    return 3 * x\n")
    served = PackageIndex(wheels)
    yield served
    served.server.shutdown()


def test_the_second_visit_installs_the_frozen_wheels_without_asking_the_index(page: Page, site: Site, index: PackageIndex) -> None:
    url = site.page("frozen.html", f"""
        <gradio-lite index-urls="{index.url}/simple/">
        <gradio-requirements>pagelet_frozen</gradio-requirements>
        <gradio-code>
        import gradio as gr
        from pagelet_frozen import triple
        gr.Interface(triple, gr.Number(label="x"), gr.Number(label="thrice")).launch()
        </gradio-code>
        </gradio-lite>
    """)
    open_app(page, url)
    page.get_by_label("x", exact=True).fill("5")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("thrice", exact=True)).to_have_value("15")
    assert index.hits["project"] >= 1, "micropip resolved the requirement on the index"

    index.hits.clear()
    open_app(page, url)
    page.get_by_label("x", exact=True).fill("7")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("thrice", exact=True)).to_have_value("21")
    assert index.hits["project"] == 0, "the frozen set was installed without resolving again"


def test_a_pinned_wheel_that_differs_from_its_hash_is_named_with_its_url(page: Page, site: Site) -> None:
    wheels = site.root / "pinned"
    wheels.mkdir(exist_ok=True)
    build_wheel(wheels, "pagelet_pinned", "1.0", "X = 1\n")
    wheel_url = f"{site.url}/pinned/pagelet_pinned-1.0-py3-none-any.whl"
    url = site.page("pinned-mismatch.html", f"""
        <gradio-lite>
        <gradio-requirements>pinned/pagelet_pinned-1.0-py3-none-any.whl#sha256={"0" * 64}</gradio-requirements>
        import gradio as gr
        gr.Interface(lambda x: x, "text", "text").launch()
        </gradio-lite>
    """)
    page.goto(url)
    alert = page.locator("gradio-lite").get_by_role("alert")
    expect(alert).to_contain_text(f"Could not install pagelet_pinned from {wheel_url}", timeout=BOOT_TIMEOUT_MS)
    expect(alert).to_contain_text("Integrity check failed")
