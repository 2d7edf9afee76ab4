"""An unmodified Gradio app served by `pagelet run`, used in Chromium: same host, over a WebSocket."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from pages import REPO

APP = """
import gradio as gr

def greet(name):
    gr.Info("Greeted " + name)
    return "Hello " + name + "!"

def count(n):
    for i in range(int(n)):
        yield f"counted {i + 1}"

with gr.Blocks(title="Server demo") as demo:
    name = gr.Textbox(label="Name")
    greeting = gr.Textbox(label="Greeting")
    gr.Button("Greet").click(greet, name, greeting)
    n = gr.Number(label="How many", value=3)
    counted = gr.Textbox(label="Counted")
    gr.Button("Count").click(count, n, counted)

if __name__ == "__main__":
    demo.launch(auth=AUTH)
"""
# Seconds to wait for the server to print its URL.
START_TIMEOUT = 60


class RunningApp(str):
    """The app's URL, and the process serving it."""

    process: subprocess.Popen[str]


def run_app(tmp_path: Path, auth: str) -> Iterator[RunningApp]:
    script = tmp_path / "app.py"
    script.write_text(textwrap.dedent(APP).replace("AUTH", auth), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "pagelet", "run", str(script), "--port", "0"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO / "py")},
    )
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if "Running on local URL:" in line:
                running = RunningApp(line.split("URL:", 1)[1].strip())
                running.process = process
                yield running
                break
        else:
            pytest.fail("pagelet run exited without serving: " + process.stdout.read())
    finally:
        process.terminate()
        process.wait(timeout=START_TIMEOUT)


@pytest.fixture
def app_url(tmp_path: Path) -> Iterator[RunningApp]:
    yield from run_app(tmp_path, "None")


@pytest.fixture
def private_app_url(tmp_path: Path) -> Iterator[str]:
    yield from run_app(tmp_path, "('ada', 'lovelace')")


def test_the_app_runs_on_the_server_with_no_pyodide(page: Page, app_url: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(app_url)
    expect(page).to_have_title("Server demo")
    page.get_by_label("Name", exact=True).fill("Ada")
    page.get_by_role("button", name="Greet").click()
    expect(page.get_by_label("Greeting", exact=True)).to_have_value("Hello Ada!")
    expect(page.get_by_text("Greeted Ada")).to_be_visible()
    assert not [url for url in requests if "pyodide" in url or url.endswith(".whl")]


def test_a_generator_streams_to_its_last_value(page: Page, app_url: str) -> None:
    page.goto(app_url)
    page.get_by_role("button", name="Count").click()
    expect(page.get_by_label("Counted", exact=True)).to_have_value("counted 3")


def test_a_private_app_asks_for_a_login_first(page: Page, private_app_url: str) -> None:
    page.goto(private_app_url)
    page.get_by_label("Username").fill("ada")
    page.get_by_label("Password").fill("wrong")
    page.get_by_role("button", name="Login").click()
    expect(page.get_by_role("alert")).to_have_text("Incorrect username or password.")
    page.get_by_label("Username").fill("ada")
    page.get_by_label("Password").fill("lovelace")
    page.get_by_role("button", name="Login").click()
    page.get_by_label("Name", exact=True).fill("Ada")
    page.get_by_role("button", name="Greet").click()
    expect(page.get_by_label("Greeting", exact=True)).to_have_value("Hello Ada!")


def test_a_lost_server_is_said_on_the_page(page: Page, app_url: RunningApp) -> None:
    page.goto(app_url)
    expect(page.get_by_label("Name", exact=True)).to_be_visible()
    app_url.process.terminate()
    expect(page.get_by_role("alert")).to_have_text("The connection to the server was lost. Reload the page to reconnect.")
