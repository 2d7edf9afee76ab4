"""Stopping a function that never yields: interrupted on an isolated page, restarted elsewhere."""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from pages import REPO, Site, open_app

APP = """
    <gradio-lite>
    import gradio as gr

    def spin(count):
        while True:
            pass

    def stream():
        yield "started"
        while True:
            pass

    with gr.Blocks() as demo:
        count = gr.State(0)
        shown = gr.Number(label="Count")
        gr.Button("Add").click(lambda n: (n + 1, n + 1), count, [count, shown])
        result = gr.Textbox(label="Result")
        gr.Button("Spin").click(spin, count, result)
        streaming = gr.Button("Stream").click(stream, None, result)
        gr.Button("Stop streaming").click(None, None, None, cancels=[streaming])
    demo.launch()
    </gradio-lite>
"""


@pytest.fixture(scope="module")
def isolated_site(site: Site) -> Iterator[Site]:
    """The same files, served as `make demo` serves them: cross-origin isolated (COOP/COEP)."""
    spec = importlib.util.spec_from_file_location("serve", REPO / "scripts" / "serve.py")
    assert spec is not None and spec.loader is not None
    serve = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(serve)
    server = serve.make_server(root=site.root, quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield Site(site.root, f"http://127.0.0.1:{server.server_address[1]}")
    server.shutdown()


def add(page: Page, expected: int) -> None:
    page.get_by_role("button", name="Add").click()
    expect(page.get_by_label("Count", exact=True)).to_have_value(str(expected))


def test_an_endless_loop_is_interrupted_and_state_survives_on_an_isolated_page(page: Page, site: Site, isolated_site: Site) -> None:
    site.page("stop.html", APP)
    open_app(page, f"{isolated_site.url}/stop.html")
    assert page.evaluate("crossOriginIsolated") is True
    add(page, 1)
    add(page, 2)
    page.get_by_role("button", name="Spin").click()
    page.get_by_role("button", name="Stop", exact=True).click()
    expect(page.get_by_role("status").filter(has_text="KeyboardInterrupt")).to_be_visible()
    expect(page.get_by_role("button", name="Stop", exact=True)).to_have_count(0)
    add(page, 3)
    assert page.locator("gradio-lite .pagelet").get_attribute("data-state") == "ready"


def test_a_stuck_generator_is_interrupted_by_its_own_stop_button(page: Page, site: Site, isolated_site: Site) -> None:
    site.page("stop-stream.html", APP)
    open_app(page, f"{isolated_site.url}/stop-stream.html")
    add(page, 1)
    page.get_by_role("button", name="Stream", exact=True).click()
    expect(page.get_by_label("Result", exact=True)).to_have_value("started")
    page.get_by_role("button", name="Stop streaming").click()
    expect(page.get_by_role("status").filter(has_text="KeyboardInterrupt")).to_be_visible()
    add(page, 2)


def test_an_endless_loop_is_stopped_by_a_restart_where_the_page_is_not_isolated(page: Page, site: Site) -> None:
    open_app(page, site.page("stop-restart.html", APP))
    assert page.evaluate("crossOriginIsolated") is False
    add(page, 1)
    page.get_by_role("button", name="Spin").click()
    page.get_by_role("button", name="Stop", exact=True).click()
    expect(page.get_by_role("status").filter(has_text="state was reset")).to_be_visible(timeout=60_000)
    # A new Python runs the app: it answers, its State back at the start.
    add(page, 1)


EDITED = """
import gradio as gr

def spin():
    while True:
        pass

with gr.Blocks() as demo:
    gr.Markdown("Edited app")
    gr.Button("Spin").click(spin, None, gr.Textbox(label="Result"))
    gr.Button("Write").click(lambda: open("notes.txt").read(), None, gr.Textbox(label="Notes"))
demo.launch()
"""


def test_a_restart_runs_the_app_as_the_js_api_last_changed_it(page: Page, site: Site) -> None:
    open_app(page, site.page("stop-edited.html", APP))
    controller = "document.querySelector('gradio-lite').controller"
    page.evaluate(f"async (code) => {{ await {controller}.write('notes.txt', 'written by the page'); await {controller}.run_code(code); }}", EDITED)
    expect(page.get_by_text("Edited app")).to_be_visible()
    page.get_by_role("button", name="Spin").click()
    page.get_by_role("button", name="Stop", exact=True).click()
    expect(page.get_by_role("status").filter(has_text="state was reset")).to_be_visible(timeout=60_000)
    # The new Python runs the edited code, with the file the page wrote, not the page's first app.
    expect(page.get_by_text("Edited app")).to_be_visible()
    expect(page.get_by_role("button", name="Add")).to_have_count(0)
    page.get_by_role("button", name="Write").click()
    expect(page.get_by_label("Notes", exact=True)).to_have_value("written by the page")
