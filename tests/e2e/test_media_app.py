"""Files, images, sound and tables in the browser, used as a person would."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from media_files import write_png, write_wav
from pages import Site, open_app


def app_page(site: Site, name: str, code: str) -> str:
    return site.page(name, f"<gradio-lite>\n{code}\n</gradio-lite>")


def test_upload_a_csv_and_download_the_answer(page: Page, site: Site, tmp_path: Path) -> None:
    url = app_page(site, "file.html", """
import gradio as gr

def count(path):
    with open(path) as handle:
        rows = handle.read().strip().splitlines()
    with open("summary.txt", "w") as out:
        out.write(f"{len(rows) - 1} rows\\n")
    return f"{len(rows) - 1} rows", "summary.txt"

with gr.Blocks() as demo:
    table = gr.File(label="Table", file_types=[".csv"])
    rows = gr.Textbox(label="Rows")
    summary = gr.File(label="Summary")
    table.upload(count, table, [rows, summary])
demo.launch()
""")
    csv = tmp_path / "people.csv"
    csv.write_text("name,age\nAda,36\nAlan,41\nGrace,85\n")
    open_app(page, url)
    page.get_by_label("Table", exact=True).set_input_files(csv)
    expect(page.get_by_label("Rows", exact=True)).to_have_value("3 rows")
    expect(page.get_by_role("link", name="people.csv")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="summary.txt").click()
    assert download.value.suggested_filename == "summary.txt"
    assert Path(download.value.path()).read_text() == "3 rows\n"


def test_upload_an_image_and_see_it_returned(page: Page, site: Site, tmp_path: Path) -> None:
    url = app_page(site, "image.html", """
import gradio as gr

def describe(path):
    with open(path, "rb") as handle:
        head = handle.read(24)
    width = int.from_bytes(head[16:20], "big")
    return path, f"{width} pixels wide"

gr.Interface(describe, gr.Image(type="filepath", label="Photo"),
             [gr.Image(label="Same photo"), gr.Textbox(label="Width")]).launch()
""")
    png = write_png(tmp_path / "red.png", 7, 5, (255, 0, 0))
    open_app(page, url)
    page.get_by_label("Photo", exact=True).set_input_files(png)
    expect(page.get_by_role("img", name="Photo")).to_be_visible()
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("Width", exact=True)).to_have_value("7 pixels wide")
    shown = page.get_by_role("img", name="Same photo")
    expect(shown).to_be_visible()
    assert shown.evaluate("img => img.decode().then(() => [img.naturalWidth, img.naturalHeight, img.src.slice(0, 5)])") == [7, 5, "blob:"]


def test_dropping_or_pasting_an_image_uploads_it(page: Page, site: Site, tmp_path: Path) -> None:
    url = app_page(site, "drop.html", """
import gradio as gr
gr.Interface(lambda path: path.rsplit("/", 1)[-1], gr.Image(type="filepath", label="Photo"), gr.Textbox(label="Name")).launch()
""")
    png = write_png(tmp_path / "blue.png", 3, 3, (0, 0, 255))
    open_app(page, url)
    data = list(png.read_bytes())
    page.get_by_label("Photo", exact=True).evaluate(
        """(input, bytes) => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([new Uint8Array(bytes)], "dropped.png", { type: "image/png" }));
            input.closest(".pagelet-upload").dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
        }""",
        data,
    )
    expect(page.get_by_role("img", name="Photo")).to_be_visible()
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("Name", exact=True)).to_have_value("dropped.png")
    # Pasting an image into the field replaces it.
    page.get_by_label("Photo", exact=True).evaluate(
        """(input, bytes) => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([new Uint8Array(bytes)], "pasted.png", { type: "image/png" }));
            input.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
        }""",
        data,
    )
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("Name", exact=True)).to_have_value("pasted.png")


def test_audio_from_a_wav_file_and_samples_written_back(page: Page, site: Site, tmp_path: Path) -> None:
    url = app_page(site, "audio.html", """
import gradio as gr
import wave

def louder(path):
    with wave.open(path) as reader:
        rate = reader.getframerate()
        frames = reader.readframes(reader.getnframes())
    samples = [int.from_bytes(frames[i:i + 2], "little", signed=True) * 2 for i in range(0, len(frames), 2)]
    return (rate, samples), f"{len(samples)} samples at {rate} Hz"

gr.Interface(louder, gr.Audio(type="filepath", label="Recording"),
             [gr.Audio(label="Louder"), gr.Textbox(label="Details")]).launch()
""")
    wav = write_wav(tmp_path / "tone.wav", [((i % 20) - 10) * 500 for i in range(8000)])
    open_app(page, url)
    page.get_by_label("Recording", exact=True).set_input_files(wav)
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("Details", exact=True)).to_have_value("8000 samples at 8000 Hz")
    player = page.get_by_label("Louder", exact=True)
    expect(player).to_have_attribute("src", re.compile("^blob:"))
    duration = player.evaluate(
        "audio => new Promise((resolve) => audio.readyState >= 1 ? resolve(audio.duration) : audio.addEventListener('loadedmetadata', () => resolve(audio.duration)))"
    )
    assert abs(duration - 1.0) < 0.01


def test_edit_a_table_cell_and_sum_the_column(page: Page, site: Site) -> None:
    url = app_page(site, "table.html", """
import gradio as gr

def total(rows):
    return sum(row[1] for row in rows)

with gr.Blocks() as demo:
    table = gr.Dataframe([["apples", 3], ["pears", 4]], headers=["fruit", "count"],
                         datatype=["str", "number"], type="array", label="Basket")
    button = gr.Button("Sum")
    result = gr.Number(label="Total")
    button.click(total, table, result)
demo.launch()
""")
    open_app(page, url)
    expect(page.get_by_role("grid", name="Basket")).to_be_visible()

    def type_in(cell: str, text: str) -> None:
        # As in a spreadsheet: a double click opens the cell's editor, Enter keeps the text.
        page.get_by_test_id(cell).dblclick()
        page.get_by_label("Edit cell", exact=True).fill(text)
        page.get_by_label("Edit cell", exact=True).press("Enter")

    type_in("cell-1-1", "10")
    page.get_by_role("button", name="Sum").click()
    expect(page.get_by_label("Total", exact=True)).to_have_value("13")
    page.get_by_role("button", name="Add row").click()
    type_in("cell-2-0", "plums")
    type_in("cell-2-1", "2")
    page.get_by_role("button", name="Sum").click()
    expect(page.get_by_label("Total", exact=True)).to_have_value("15")


def test_gallery_shows_each_image_with_its_caption_and_tells_which_was_chosen(page: Page, site: Site, tmp_path: Path) -> None:
    url = app_page(site, "gallery.html", """
import gradio as gr
import base64

RED = base64.b64decode("%s")

def make(count):
    items = []
    for index in range(int(count)):
        name = f"tile{index}.png"
        with open(name, "wb") as handle:
            handle.write(RED)
        items.append((name, f"Tile {index + 1}"))
    return items

def chosen(evt: gr.SelectData):
    return f"{evt.index}: {evt.value['caption']}"

with gr.Blocks() as demo:
    count = gr.Number(label="How many", value=3)
    tiles = gr.Gallery(label="Tiles")
    choice = gr.Textbox(label="Chosen")
    gr.Button("Make").click(make, count, tiles)
    tiles.select(chosen, None, choice)
demo.launch()
""" % __import__("base64").b64encode(write_png(tmp_path / "tile.png", 4, 4, (200, 0, 0)).read_bytes()).decode())
    open_app(page, url)
    page.get_by_role("button", name="Make").click()
    for index in (1, 2, 3):
        expect(page.get_by_role("img", name=f"Tile {index}")).to_be_visible()
        expect(page.get_by_text(f"Tile {index}", exact=True)).to_be_visible()
    page.get_by_role("button", name="Tile 2").click()
    expect(page.get_by_label("Chosen", exact=True)).to_have_value("1: Tile 2")
    expect(page.get_by_role("button", name="Tile 2")).to_have_attribute("aria-pressed", "true")


def test_a_too_large_upload_says_so_and_the_app_keeps_working(page: Page, site: Site, tmp_path: Path) -> None:
    url = app_page(site, "limit.html", """
import gradio as gr
with gr.Blocks() as demo:
    upload = gr.File(label="Document")
    name = gr.Textbox(label="Name")
    upload.upload(lambda path: path.rsplit("/", 1)[-1], upload, name)
demo.launch(max_file_size="1kb")
""")
    big = tmp_path / "big.txt"
    big.write_text("x" * 5000)
    small = tmp_path / "small.txt"
    small.write_text("hello")
    open_app(page, url)
    document = page.get_by_label("Document", exact=True)
    document.set_input_files(big)
    expect(page.get_by_test_id("toast-text")).to_have_text("big.txt is 4.9 KB; this app accepts files up to 1000 B.")
    document.set_input_files(small)
    expect(page.get_by_label("Name", exact=True)).to_have_value("small.txt")


def test_a_package_that_cannot_load_is_named_with_its_url(page: Page, site: Site, tmp_path: Path) -> None:
    url = app_page(site, "numpy.html", """
import gradio as gr
with gr.Blocks() as demo:
    photo = gr.Image(label="Photo")
    height = gr.Number(label="Height")
    photo.upload(lambda image: image.shape[0], photo, height)
    text = gr.Textbox(label="Text")
    shout = gr.Textbox(label="Shout")
    text.submit(lambda value: value.upper(), text, shout)
demo.launch()
""")
    open_app(page, url)
    expect(page.get_by_text("Could not load numpy")).to_be_visible()
    expect(page.get_by_text(f"{site.url}/pyodide/numpy-")).to_be_visible()
    text = page.get_by_label("Text", exact=True)
    text.fill("still here")
    text.press("Enter")
    expect(page.get_by_label("Shout", exact=True)).to_have_value("STILL HERE")
    # numpy images are decoded with PIL, which could not load either; using the image says so.
    expect(page.get_by_text("Could not load pillow")).to_have_count(1)
    page.get_by_label("Photo", exact=True).set_input_files(write_png(tmp_path / "p.png", 2, 2, (1, 2, 3)))
    expect(page.get_by_text("Could not load pillow")).to_have_count(2)


def test_the_package_base_url_is_configurable_on_the_element(page: Page, site: Site) -> None:
    url = site.page("pil.html", """<gradio-lite package-base-url="wheels-here/">
import gradio as gr
gr.Interface(lambda image: image.size, gr.Image(type="pil", label="Photo"), gr.Textbox(label="Size")).launch()
</gradio-lite>""")
    open_app(page, url)
    expect(page.get_by_text(f"Could not load pillow: the server answered 404 File not found ({site.url}/wheels-here/pillow-")).to_be_visible()
