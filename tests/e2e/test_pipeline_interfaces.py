"""gr.Interface.from_pipeline for image and token classification in Chromium.

No image or NER model is built offline, so the pipelines here are real
``pagelet.transformers.Pipeline`` objects whose model is replaced by a stand-in
that says what it was handed: everything up to the model (the upload, the
worker's file, transformers.js decoding it, the interface's output) is real.
A missing image model is explained as a missing text model is: see
test_semantic_similarity.py.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from media_files import write_png
from pages import BOOT_TIMEOUT_MS, Site, open_app

# Booting Python, then importing transformers.js on first use.
LIBRARY_TIMEOUT_MS = 2 * BOOT_TIMEOUT_MS

STAND_IN_IMAGE_MODEL = """<gradio-lite>
import gradio as gr
from pagelet.transformers import Pipeline

class DescribeTheImage:
    '''Stands in for an image model: names what transformers.js decoded, as its only class
    (no ", " in it: the interface keeps what comes before one, as Gradio does).'''

    async def run(self, image, options):
        seen = f"{image.width}x{image.height} pixels; {image.channels} channels; top {options.top_k}"
        return [{"label": seen, "score": 1.0}]

    async def dispose(self):
        pass

gr.Interface.from_pipeline(Pipeline("image-classification", "stand-in", DescribeTheImage())).launch()
</gradio-lite>"""


def test_an_uploaded_image_reaches_the_pipeline_decoded_by_transformers_js(page: Page, site: Site, tmp_path: Path) -> None:
    url = site.page("image-classification.html", STAND_IN_IMAGE_MODEL)
    open_app(page, url)
    page.get_by_label("Input Image", exact=True).set_input_files(write_png(tmp_path / "red.png", 7, 5, (255, 0, 0)))
    expect(page.get_by_role("img", name="Input Image")).to_be_visible()
    page.get_by_role("button", name="Submit").click()
    classes = page.get_by_role("group", name="Classification").get_by_role("meter")
    expect(classes).to_have_count(1, timeout=LIBRARY_TIMEOUT_MS)
    # RawImage decodes to RGBA; five classes asked for, as Python's transformers gives.
    expect(classes.first).to_have_attribute("aria-label", "7x5 pixels; 4 channels; top 5")


def test_a_file_that_is_not_an_image_is_named_in_the_error(page: Page, site: Site, tmp_path: Path) -> None:
    url = site.page("image-classification-broken.html", STAND_IN_IMAGE_MODEL)
    open_app(page, url)
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not a picture at all")
    page.get_by_label("Input Image", exact=True).set_input_files(broken)
    # The page's image field refuses what the browser cannot decode before it reaches the pipeline.
    expect(page.get_by_role("alert").filter(has_text="broken.png is not an image this app can read.")).to_be_visible()
    # The app keeps working: a real image goes through after.
    page.get_by_label("Input Image", exact=True).set_input_files(write_png(tmp_path / "dot.png", 2, 3, (0, 0, 0)))
    page.get_by_role("button", name="Submit").click()
    classification = page.get_by_role("group", name="Classification").get_by_role("meter")
    expect(classification.first).to_have_attribute("aria-label", "2x3 pixels; 4 channels; top 5")


def test_named_entities_are_highlighted_in_the_text(page: Page, site: Site) -> None:
    url = site.page("token-classification.html", """<gradio-lite>
import gradio as gr
from pagelet.transformers import Pipeline

class FindCapitalisedWords:
    '''Stands in for an NER model: entities as transformers.js gives them, words without offsets.'''

    async def run(self, text, options):
        words = [word.strip(".,") for word in text.split()]
        return [{"entity": "B-NAME", "score": 0.9, "index": i, "word": w.lower()} for i, w in enumerate(words) if w.istitle()]

    async def dispose(self):
        pass

gr.Interface.from_pipeline(Pipeline("token-classification", "stand-in", FindCapitalisedWords())).launch()
</gradio-lite>""")
    open_app(page, url)
    page.get_by_label("Input", exact=True).fill("ask Ada and Alan.")
    page.get_by_role("button", name="Submit").click()
    entities = page.get_by_role("group", name="Entities")
    expect(entities.locator("mark")).to_have_count(2)
    expect(entities.locator("mark").first).to_contain_text("Ada")
    expect(entities.locator("mark").last).to_contain_text("Alan")
    expect(entities).to_contain_text("ask Ada")
