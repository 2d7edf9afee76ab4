"""UploadButton, DownloadButton and BrowserState used as a person uses them, in <gradio-lite> and on the server."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from pages import BOOT_TIMEOUT_MS, Site, open_app
from server_app import run_app

APP = """
import gradio as gr
from pathlib import Path

def shout(path):
    text = Path(path).read_text()
    loud = Path(path).with_name("loud.txt")
    loud.write_text(text.upper())
    return text, str(loud)

def keep(note, kept):
    kept = [*(kept or []), note]
    return kept, ", ".join(kept)

with gr.Blocks() as demo:
    upload = gr.UploadButton("Upload notes", file_types=[".txt"])
    content = gr.Textbox(label="Content")
    download = gr.DownloadButton("Download loud copy")
    upload.upload(shout, upload, [content, download])

    kept = gr.BrowserState([], storage_key="e2e-kept-notes", secret="e2e")
    note = gr.Textbox(label="Note")
    shown = gr.Textbox(label="Kept")
    gr.Button("Keep").click(keep, [note, kept], [kept, shown])
    kept.change(lambda kept: ", ".join(kept or []), kept, shown)

demo.launch()
"""


@pytest.fixture(params=["lite", "server"])
def app_url(request: pytest.FixtureRequest, site: Site, tmp_path: Path) -> Iterator[str]:
    if request.param == "lite":
        yield site.page("buttons.html", f"<gradio-lite>\n{textwrap.indent(APP, '    ')}\n</gradio-lite>")
    else:
        yield from run_app(tmp_path, APP)


def open_either(page: Page, url: str) -> None:
    if url.endswith(".html"):
        open_app(page, url)
    else:
        page.goto(url)
        expect(page.get_by_role("button", name="Upload notes")).to_be_visible(timeout=BOOT_TIMEOUT_MS)


def test_upload_then_download_and_a_kept_value_survives_a_reload(page: Page, app_url: str, tmp_path: Path) -> None:
    open_either(page, app_url)
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Upload notes").click()
    chooser.value.set_files(str(notes))
    expect(page.get_by_label("Content", exact=True)).to_have_value("hello", timeout=BOOT_TIMEOUT_MS)

    with page.expect_download() as download:
        page.get_by_role("button", name="Download loud copy").click()
    assert download.value.suggested_filename == "loud.txt"
    assert Path(download.value.path()).read_text() == "HELLO"

    page.get_by_label("Note", exact=True).fill("milk")
    page.get_by_role("button", name="Keep").click()
    expect(page.get_by_label("Kept", exact=True)).to_have_value("milk")
    page.get_by_label("Note", exact=True).fill("eggs")
    page.get_by_role("button", name="Keep").click()
    expect(page.get_by_label("Kept", exact=True)).to_have_value("milk, eggs")
    # Saving is asynchronous (encryption): wait for the store to hold the value.
    page.wait_for_function("() => (localStorage.getItem('e2e-kept-notes') || '').startsWith('pagelet-aes1:')")

    open_either(page, app_url)
    expect(page.get_by_label("Kept", exact=True)).to_have_value("milk, eggs", timeout=BOOT_TIMEOUT_MS)
