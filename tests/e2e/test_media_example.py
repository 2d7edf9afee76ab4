"""The gallery's media example: image, sound, table and chart, as a visitor uses them."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from media_files import write_png
from pages import open_app


def test_the_media_example_page(page: Page, base_url: str, tmp_path: Path) -> None:
    open_app(page, f"{base_url}/public/examples/media.html")
    # Nothing here converts to numpy, PIL or pandas, so nothing is fetched for them.
    expect(page.get_by_role("tab", name="Image")).to_be_visible()
    page.get_by_label("Photo", exact=True).set_input_files(write_png(tmp_path / "dot.png", 2, 2, (0, 0, 0)))
    expect(page.get_by_role("img", name="Photo as Python sees it")).to_be_visible()
    expect(page.get_by_label("Size", exact=True)).to_have_value(str((tmp_path / "dot.png").stat().st_size) + " bytes")

    page.get_by_role("tab", name="Sound").click()
    page.get_by_role("button", name="Play a tone").click()
    tone = page.get_by_label("Tone", exact=True)
    duration = tone.evaluate(
        "audio => new Promise((resolve) => audio.readyState >= 1 ? resolve(audio.duration) : audio.addEventListener('loadedmetadata', () => resolve(audio.duration)))"
    )
    assert abs(duration - 1.0) < 0.01

    page.get_by_role("tab", name="Table").click()
    csv = tmp_path / "points.csv"
    csv.write_text("x,y\n1,1\n2,4\n3,9\n")
    page.get_by_label("CSV file", exact=True).set_input_files(csv)
    rows = page.get_by_role("grid", name="Rows")
    expect(rows.get_by_role("row")).to_have_count(4)
    expect(page.get_by_role("img", name="y against x")).to_be_visible()
    expect(page.get_by_text("Could not load")).to_have_count(0)
