"""An unmodified Gradio app served by `pagelet run`, used in Chromium: same host, over a WebSocket."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from media_files import write_png
from server_app import RunningApp, run_app

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
@pytest.fixture
def app_url(tmp_path: Path) -> Iterator[RunningApp]:
    yield from run_app(tmp_path, APP.replace("AUTH", "None"))


@pytest.fixture
def private_app_url(tmp_path: Path) -> Iterator[str]:
    yield from run_app(tmp_path, APP.replace("AUTH", "('ada', 'lovelace')"))


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
    # Gradio's footer, whose "Use via API" opens the API page.
    expect(page.locator("footer").get_by_text("Use via API · Built with Gradio")).to_be_visible()
    page.locator("footer").get_by_role("button", name="Use via API logo").click()
    expect(page.locator(".pagelet-api h2")).to_be_visible()


def test_a_generator_streams_to_its_last_value(page: Page, app_url: str) -> None:
    page.goto(app_url)
    page.get_by_role("button", name="Count").click()
    expect(page.get_by_label("Counted", exact=True)).to_have_value("counted 3")


def test_a_private_app_asks_for_a_login_first(page: Page, private_app_url: str) -> None:
    page.goto(private_app_url)
    page.get_by_label("Username").fill("ada")
    page.get_by_label("Password").fill("wrong")
    page.get_by_role("button", name="Login").click()
    expect(page.get_by_role("alert")).to_have_text("Incorrect Credentials")
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


STYLED_APP = """
import gradio as gr

CSS = ".note { background-color: rgb(173, 216, 230); } .dark .note { background-color: rgb(255, 192, 203); }"

with gr.Blocks(css=CSS) as demo:
    gr.Markdown("Styled", elem_classes="note")

demo.launch()
"""


@pytest.fixture
def styled_app_url(tmp_path: Path) -> Iterator[RunningApp]:
    yield from run_app(tmp_path, STYLED_APP)


def test_theme_in_the_url_forces_dark_and_the_apps_dark_rules_apply(page: Page, styled_app_url: str) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(styled_app_url)
    text = page.locator(".note").nth(1)
    expect(text).to_have_css("background-color", "rgb(173, 216, 230)")
    expect(page.locator("body")).not_to_have_class(re.compile(r"\bdark\b"))
    page.goto(styled_app_url + "?__theme=dark")
    # Gradio's `dark` class on the body, which the app's CSS selects.
    expect(page.locator("body")).to_have_class(re.compile(r"\bdark\b"))
    expect(text).to_have_css("background-color", "rgb(255, 192, 203)")
    # Without a choice in the URL, the system's scheme decides.
    page.emulate_media(color_scheme="dark")
    page.goto(styled_app_url)
    expect(page.locator("body")).to_have_class(re.compile(r"\bdark\b"))


FILES_APP = """
import tempfile
from pathlib import Path

import gradio as gr
from PIL import ImageOps

def grey(image):
    report = Path(tempfile.mkdtemp()) / "report.txt"
    report.write_text(f"{image.width}x{image.height}\\n")
    return ImageOps.grayscale(image), str(report)

gr.Interface(
    grey,
    gr.Image(type="pil", label="Photo"),
    [gr.Image(label="Grey"), gr.File(label="Report")],
).launch(auth=("ada", "lovelace"))
"""


@pytest.fixture
def files_app_url(tmp_path: Path) -> Iterator[RunningApp]:
    yield from run_app(tmp_path, FILES_APP)


def log_in(page: Page, url: str) -> None:
    page.goto(url)
    page.get_by_label("Username").fill("ada")
    page.get_by_label("Password").fill("lovelace")
    page.get_by_role("button", name="Login").click()


def test_upload_a_photo_see_it_processed_and_download_the_report(page: Page, files_app_url: str, tmp_path: Path) -> None:
    log_in(page, files_app_url)
    page.get_by_label("Photo", exact=True).set_input_files(write_png(tmp_path / "photo.png", 7, 5, (200, 30, 30)))
    # The photo shows once the server has it, as a person would see before pressing Submit.
    expect(page.get_by_role("img", name="Photo")).to_be_visible()
    page.get_by_role("button", name="Submit").click()
    shown = page.get_by_role("img", name="Grey")
    # Served by the server's file route, not sent as bytes over the socket.
    expect(shown).to_have_attribute("src", re.compile(r"gradio_api/file="))
    assert shown.evaluate("img => img.decode().then(() => [img.naturalWidth, img.naturalHeight])") == [7, 5]
    with page.expect_download() as download:
        page.get_by_role("link", name="report.txt").click()
    assert download.value.suggested_filename == "report.txt"
    assert Path(download.value.path()).read_text() == "7x5\n"


def test_a_refused_upload_says_the_servers_reason_in_a_toast(page: Page, files_app_url: str, tmp_path: Path) -> None:
    log_in(page, files_app_url)
    expect(page.get_by_label("Photo", exact=True)).to_be_attached()
    # The server's answer as it gives it for a file over its limit.
    reason = "photo.png is 5.0 MB; this app accepts files up to 1.0 MB."
    page.route("**/gradio_api/upload", lambda route: route.fulfill(status=413, json={"detail": reason}))
    page.get_by_label("Photo", exact=True).set_input_files(write_png(tmp_path / "photo.png", 2, 2, (1, 2, 3)))
    expect(page.get_by_test_id("toast-text")).to_have_text(reason)


def test_another_page_embeds_the_app_with_gradio_app_src(page: Page, app_url: str) -> None:
    origin = app_url.rstrip("/")
    page.goto(app_url)
    # A page of its own (here on the app's origin: the server takes WebSockets from its own origin only).
    # The script's name is found in the app's page, as Gradio's embedding snippet finds its own.
    script = re.search(r"assets/index-[\w-]+\.js", page.content())
    assert script is not None
    page.set_content(
        f'<h1>Host page</h1><div id="slot"><gradio-app src="{origin}"></gradio-app></div>'
        f'<script type="module" src="{origin}/{script.group(0)}"></script>'
    )
    embed = page.locator("gradio-app")
    embed.get_by_label("Name", exact=True).fill("Ada")
    embed.get_by_role("button", name="Greet").click()
    expect(embed.get_by_label("Greeting", exact=True)).to_have_value("Hello Ada!")
    # Moved in the page, the app stays connected and keeps what was typed.
    page.evaluate("() => { const el = document.querySelector('gradio-app'); el.remove(); document.body.append(el); }")
    expect(embed.get_by_label("Name", exact=True)).to_have_value("Ada")
    embed.get_by_label("Name", exact=True).fill("Bo")
    embed.get_by_role("button", name="Greet").click()
    expect(embed.get_by_label("Greeting", exact=True)).to_have_value("Hello Bo!")
    expect(page.locator("h1")).to_have_text("Host page")
