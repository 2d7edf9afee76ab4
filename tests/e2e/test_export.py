"""`pagelet export`: an app with a requirement becomes a static site that runs with no other host, and offline."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from playwright.sync_api import Page, expect

from pages import BOOT_TIMEOUT_MS, REPO, open_app, serve_directory
from tiny_wheel import build_wheel

APP = """\
import gradio as gr
from pagelet_shout import shout

with open("greeting.txt", encoding="utf-8") as file:
    greeting = file.read().strip()

def greet(name):
    return shout(f"{greeting}, {name}")

gr.Interface(greet, gr.Textbox(label="Name"), gr.Textbox(label="Greeting")).launch()
"""


def export(app: Path, out: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pagelet", "export", str(app), str(out), *options],
        capture_output=True, text=True, cwd=REPO,
    )


def test_an_exported_app_runs_from_a_static_host_and_again_with_the_server_gone(page: Page, tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    build_wheel(wheels, "pagelet_shout", "1.0", "def shout(text):\n    return text.upper() + '!'\n")
    app = tmp_path / "hello"
    app.mkdir()
    (app / "app.py").write_text(APP)
    (app / "greeting.txt").write_text("Hello\n")
    (app / "requirements.txt").write_text("# the app's one requirement\npagelet_shout\n")
    out = tmp_path / "site"

    result = export(app, out, "--wheels", str(wheels))
    assert result.returncode == 0, result.stderr

    server, url = serve_directory(out)
    try:
        open_app(page, f"{url}/")
        page.get_by_label("Name").fill("Ada")
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_label("Greeting")).to_have_value("HELLO, ADA!")
        # The service worker takes the page over once it has kept every file.
        page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=BOOT_TIMEOUT_MS)
    finally:
        server.shutdown()
        server.server_close()

    open_app(page, f"{url}/")
    page.get_by_label("Name").fill("Grace")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("Greeting")).to_have_value("HELLO, GRACE!")
