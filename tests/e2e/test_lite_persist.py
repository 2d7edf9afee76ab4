"""The persist folder outlives a reload and a crash; a crashed app restarts from its files."""

from __future__ import annotations

import csv
import io

from playwright.sync_api import Page, expect

from pages import BOOT_TIMEOUT_MS, Site, open_app

NOTES_APP = """
    <gradio-lite>
    import os
    from pathlib import Path
    import gradio as gr

    NOTES = Path("/home/pyodide/persist/notes.txt")

    def save(text):
        NOTES.write_text(text)
        return "Saved"

    def load():
        return NOTES.read_text() if NOTES.exists() else "(nothing saved)"

    with gr.Blocks() as demo:
        note = gr.Textbox(label="Note")
        status = gr.Textbox(label="Status")
        gr.Button("Save").click(save, note, status)
        gr.Button("Load").click(load, None, note)
        gr.Button("Crash").click(lambda: os.abort(), None, status)
    demo.launch()
    </gradio-lite>
"""

FLAG_APP = """
    <gradio-lite>
    import gradio as gr
    gr.Interface(lambda text: text[::-1], gr.Textbox(label="Text"), gr.Textbox(label="Reversed"),
                 flagging_mode="manual").launch()
    </gradio-lite>
"""

# Saving to IndexedDB finishes a moment after the event; a person reloading a
# second later finds the file, a test must wait for the store to hold it.
# The file's stored text, or null while the store has no such file.
STORED = """async (file) => {
    for (const { name } of await indexedDB.databases()) {
        if (!name.startsWith('/pagelet-persist/')) continue;
        const db = await new Promise((resolve, reject) => {
            const request = indexedDB.open(name);
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
        });
        const store = db.transaction('FILE_DATA').objectStore('FILE_DATA');
        const [keys, values] = await Promise.all([store.getAllKeys(), store.getAll()].map(
            (request) => new Promise((resolve) => { request.onsuccess = () => resolve(request.result); })));
        db.close();
        const index = keys.findIndex((key) => key.endsWith('/' + file));
        if (index >= 0) return values[index].contents ? new TextDecoder().decode(values[index].contents) : '';
    }
    return null;
}"""


def wait_until_stored(page: Page, file: str, text: str = "") -> None:
    """Wait until the store holds ``file``, with ``text`` in it."""
    for _ in range(100):
        stored = page.evaluate(STORED, file)
        if stored is not None and text in stored:
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"{file} was not saved to IndexedDB" + (f" with {text!r}" if text else ""))


def save_note(page: Page, text: str) -> None:
    page.get_by_label("Note", exact=True).fill(text)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_label("Status", exact=True)).to_have_value("Saved")
    wait_until_stored(page, "notes.txt")


def load_note(page: Page) -> str:
    page.get_by_role("button", name="Load").click()
    note = page.get_by_label("Note", exact=True)
    expect(note).not_to_have_value("")
    return note.input_value()


def test_a_file_in_the_persist_folder_survives_a_reload(page: Page, site: Site) -> None:
    url = site.page("notes.html", NOTES_APP)
    open_app(page, url)
    save_note(page, "remember me")
    open_app(page, url)
    assert load_note(page) == "remember me"


def test_two_pages_keep_their_own_folders(page: Page, site: Site) -> None:
    first = site.page("notes-a.html", NOTES_APP)
    second = site.page("notes-b.html", NOTES_APP)
    open_app(page, first)
    save_note(page, "from page a")
    open_app(page, second)
    assert load_note(page) == "(nothing saved)"


def test_flagged_samples_are_still_downloadable_after_a_reload(page: Page, site: Site) -> None:
    url = site.page("flags.html", FLAG_APP)
    open_app(page, url)
    page.get_by_label("Text", exact=True).fill("stressed")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("Reversed", exact=True)).to_have_value("desserts")
    page.get_by_role("button", name="Flag", exact=True).click()
    expect(page.get_by_role("status").filter(has_text="Saved as flagged sample 1.")).to_be_visible()
    wait_until_stored(page, "dataset1.csv")

    open_app(page, url)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download flagged").click()
    rows = list(csv.reader(io.StringIO(open(info.value.path(), encoding="utf-8").read())))
    assert rows[1][:2] == ["stressed", "desserts"]


def test_a_crashed_app_restarts_with_its_persisted_files(page: Page, site: Site) -> None:
    open_app(page, site.page("crash.html", NOTES_APP))
    save_note(page, "kept through a crash")
    page.get_by_role("button", name="Crash").click()
    alert = page.locator("gradio-lite").get_by_role("alert")
    expect(alert).to_contain_text("The app stopped")
    expect(alert).to_contain_text("fatal error")
    alert.get_by_role("button", name="Restart").click()
    expect(page.get_by_role("button", name="Load")).to_be_visible(timeout=BOOT_TIMEOUT_MS)
    expect(alert).to_have_count(0)
    assert load_note(page) == "kept through a crash"


def test_the_persist_folder_is_there_after_a_warm_start(page: Page, site: Site) -> None:
    from test_lite_warm_start import boot_kind, wait_for_snapshot

    url = site.page("notes-warm.html", NOTES_APP)
    open_app(page, url)
    save_note(page, "restored beside the snapshot")
    wait_for_snapshot(page)
    open_app(page, url)
    assert boot_kind(page) == "snapshot"
    assert load_note(page) == "restored beside the snapshot"


def test_two_apps_on_one_page_keep_their_own_folders(page: Page, site: Site) -> None:
    app = NOTES_APP.strip().removeprefix("<gradio-lite>").removesuffix("</gradio-lite>")
    url = site.page("two-notes.html", f'<gradio-lite id="first">{app}</gradio-lite><gradio-lite id="second">{app}</gradio-lite>')
    open_app(page, url)
    first, second = page.locator("#first"), page.locator("#second")
    first.get_by_label("Note", exact=True).fill("only in the first")
    first.get_by_role("button", name="Save").click()
    expect(first.get_by_label("Status", exact=True)).to_have_value("Saved")
    wait_until_stored(page, "notes.txt")

    open_app(page, url)
    second.get_by_role("button", name="Load").click()
    expect(second.get_by_label("Note", exact=True)).to_have_value("(nothing saved)")
    first.get_by_role("button", name="Load").click()
    expect(first.get_by_label("Note", exact=True)).to_have_value("only in the first")


# A log the app keeps open: IDBFS saves by itself when a written file is closed,
# so only the worker's save after each event keeps what was written to this one.
OPEN_LOG_APP = """
    <gradio-lite>
    import gradio as gr

    LOG = open("/home/pyodide/persist/log.txt", "a")

    def note(text):
        LOG.write(text + "\\n")
        LOG.flush()
        return "Noted"

    def read():
        with open("/home/pyodide/persist/log.txt") as log:
            return log.read().strip() or "(empty)"

    with gr.Blocks() as demo:
        line = gr.Textbox(label="Line")
        status = gr.Textbox(label="Status")
        gr.Button("Note").click(note, line, status)
        gr.Button("Read").click(read, None, line)
    demo.launch()
    </gradio-lite>
"""


def test_what_an_event_wrote_to_a_file_still_open_is_saved_when_the_event_ends(page: Page, site: Site) -> None:
    url = site.page("open-log.html", OPEN_LOG_APP)
    open_app(page, url)
    page.get_by_label("Line", exact=True).fill("kept while open")
    page.get_by_role("button", name="Note").click()
    expect(page.get_by_label("Status", exact=True)).to_have_value("Noted")
    wait_until_stored(page, "log.txt", "kept while open")
    open_app(page, url)
    page.get_by_role("button", name="Read").click()
    expect(page.get_by_label("Line", exact=True)).to_have_value("kept while open")
