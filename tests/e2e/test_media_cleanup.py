"""Video subtitles, and a page whose app writes new files on every run: what it holds stays bounded."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from pages import Site, open_app

# Counts the page's live blob URLs (made minus revoked), as the page itself sees them.
COUNT_BLOBS = """
(() => {
  const live = new Set();
  const make = URL.createObjectURL.bind(URL);
  const revoke = URL.revokeObjectURL.bind(URL);
  URL.createObjectURL = (object) => { const url = make(object); live.add(url); return url; };
  URL.revokeObjectURL = (url) => { live.delete(url); revoke(url); };
  window.liveBlobUrls = () => live.size;
})();
"""

NEW_FILES_APP = """
import os
import tempfile
import gradio as gr

def make(count):
    handle, note = tempfile.mkstemp(suffix=".txt")
    os.write(handle, f"run {int(count)}".encode())
    os.close(handle)
    return (8000, [0, 1000, -1000] * 100), note, count + 1

def files_in_temp(runs):
    files = sum(len(names) for _, _, names in os.walk(tempfile.gettempdir()))
    return f"after run {int(runs)}: {files} files"

with gr.Blocks() as demo:
    runs = gr.Number(0, label="Runs")
    make_button = gr.Button("Make")
    sound = gr.Audio(label="Sound")
    note = gr.File(label="Note")
    count_button = gr.Button("Count files")
    count = gr.Textbox(label="Files in temp")
    make_button.click(make, runs, [sound, note, runs])
    count_button.click(files_in_temp, runs, count)
demo.launch()
"""


def make_and_count(page: Page, run: int) -> int:
    page.get_by_role("button", name="Make").click()
    expect(page.get_by_label("Runs", exact=True)).to_have_value(str(run))
    page.get_by_role("button", name="Count files").click()
    counted = page.get_by_label("Files in temp", exact=True)
    expect(counted).to_have_value(re.compile(rf"^after run {run}: \d+ files$"))
    return int(counted.input_value().split(": ")[1].split()[0])


def test_new_files_on_every_run_leave_a_bounded_number_of_blobs_and_temp_files(page: Page, site: Site, tmp_path: Path) -> None:
    page.add_init_script(COUNT_BLOBS)
    open_app(page, site.page("cleanup.html", f"<gradio-lite>\n{NEW_FILES_APP}\n</gradio-lite>"))
    counts = []
    blobs = []
    # Past the few released notes the worker keeps (TempFileStore.KEEP_RELEASED_APP_FILES = 8), nothing piles up.
    for run in range(1, 13):
        counts.append(make_and_count(page, run))
        blobs.append(page.evaluate("window.liveBlobUrls()"))
    assert counts[9:] == [counts[9]] * 3, f"files in the worker's temp folder: {counts}"
    assert counts[9] == counts[0] + 8, f"files in the worker's temp folder: {counts}"
    # The sound and the note now on the page, nothing older.
    assert blobs[1:] == [2] * 11, f"live blob URLs: {blobs}"
    # What is shown still works: the player plays the latest sound, the note downloads.
    player = page.get_by_label("Sound", exact=True)
    assert player.evaluate("audio => fetch(audio.src).then((response) => response.ok)")
    with page.expect_download() as download:
        page.locator(".pagelet-file a").first.click()
    assert Path(download.value.path()).read_text() == "run 11"


def test_subtitles_returned_with_a_video_are_its_track(page: Page, site: Site) -> None:
    open_app(page, site.page("subtitles.html", """<gradio-lite>
import gradio as gr

def film():
    with open("clip.mp4", "wb") as clip:
        clip.write(bytes(16))
    with open("words.srt", "w") as words:
        words.write("1\\n00:00:00,000 --> 00:00:02,000\\nHello, world\\n")
    return "clip.mp4", "words.srt"

with gr.Blocks() as demo:
    button = gr.Button("Show film")
    video = gr.Video(label="Film")
    button.click(film, None, video)
demo.launch()
</gradio-lite>"""))
    page.get_by_role("button", name="Show film").click()
    track = page.locator("video track")
    expect(track).to_have_attribute("kind", "subtitles")
    cues = page.wait_for_function(
        """() => {
            const text = document.querySelector('video').textTracks[0];
            return text && text.cues && text.cues.length ? [text.mode, text.cues[0].text, text.cues[0].endTime] : null;
        }"""
    ).json_value()
    assert cues == ["showing", "Hello, world", 2]
