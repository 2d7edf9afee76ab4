"""What a person can get wrong, said where they look; the app keeps working.

Not a number in a Number, a number out of range, a PNG that is not one, a
file over the app's limit: each is told in the page (under the field or in a
toast), and the next good input is answered. In ``<gradio-lite>`` and on the
CPython server.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from media_files import write_png
from pages import BOOT_TIMEOUT_MS, Site
from server_app import run_app

APP = """
import gradio as gr

def describe(age, photo):
    if photo is None:
        return f"{age} years, no photo"
    with open(photo, "rb") as handle:
        head = handle.read(24)
    return f"{age} years, {int.from_bytes(head[16:20], 'big')}x{int.from_bytes(head[20:24], 'big')}"

with gr.Blocks() as demo:
    age = gr.Number(label="Age", minimum=0, maximum=150)
    photo = gr.Image(type="filepath", label="Photo")
    answer = gr.Textbox(label="Answer")
    gr.Button("Describe").click(describe, [age, photo], answer)
demo.launch(max_file_size="10kb")
"""


@pytest.fixture(params=["browser", "server"])
def app_url(request: pytest.FixtureRequest, site: Site, tmp_path: Path) -> Iterator[str]:
    if request.param == "browser":
        yield site.page("bad-input.html", f"<gradio-lite>\n{APP}\n</gradio-lite>")
    else:
        yield from run_app(tmp_path, APP)


def test_bad_input_is_said_where_the_person_looks_and_the_app_keeps_working(page: Page, app_url: str, tmp_path: Path) -> None:
    page.goto(app_url)
    age = page.get_by_label("Age", exact=True)
    expect(age).to_be_visible(timeout=BOOT_TIMEOUT_MS)
    describe = page.get_by_role("button", name="Describe")
    answer = page.get_by_label("Answer", exact=True)

    # Typing what cannot be a number: said under the field.
    age.click()
    page.keyboard.type("1e")
    expect(page.get_by_role("alert").filter(has_text="Enter a number.")).to_be_visible()
    expect(age).to_have_attribute("aria-invalid", "true")

    # A number out of range: the core refuses it in a toast naming the field.
    age.fill("200")
    expect(page.get_by_role("alert").filter(has_text="Enter a number.")).to_have_count(0)
    describe.click()
    expect(page.get_by_role("alert").filter(has_text="Age: Value 200 is greater than maximum value 150.")).to_be_visible()
    age.fill("36")
    describe.click()
    expect(answer).to_have_value("36 years, no photo")

    # A file that claims to be a PNG and is not one: refused under the field, never used.
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG this is not a picture")
    page.get_by_label("Photo", exact=True).set_input_files(broken)
    expect(page.get_by_test_id("toast-text").filter(has_text="broken.png is not an image this app can read.")).to_be_visible()
    expect(page.get_by_role("img", name="Photo")).to_have_count(0)

    # A picture over the app's limit is refused in an error toast too.
    big = write_png(tmp_path / "big.png", 70, 70, (1, 2, 3), compression=0)
    page.get_by_label("Photo", exact=True).set_input_files(big)
    expect(page.get_by_test_id("toast-text").filter(has_text="big.png is 14.5 KB; this app accepts files up to 9.8 KB.")).to_be_visible()

    # And a good photo is answered.
    page.get_by_label("Photo", exact=True).set_input_files(write_png(tmp_path / "photo.png", 7, 5, (10, 20, 30)))
    expect(page.get_by_role("img", name="Photo")).to_be_visible()
    describe.click()
    expect(answer).to_have_value("36 years, 7x5")
