"""Interface options in the browser: cached examples, flagging with a CSV download, batch."""

from __future__ import annotations

import csv
import io

from playwright.sync_api import Page, expect

from pages import open_app


def open_options(page: Page, base_url: str) -> Page:
    return open_app(page, f"{base_url}/public/examples/options.html")


def test_a_cached_example_fills_the_input_and_shows_its_output(page: Page, base_url: str) -> None:
    open_options(page, base_url)
    page.get_by_role("button", name="drawer").click()
    expect(page.get_by_label("Text", exact=True)).to_have_value("drawer")
    expect(page.get_by_label("Reversed", exact=True)).to_have_value("reward")


def test_flagged_samples_download_as_gradios_csv(page: Page, base_url: str) -> None:
    open_options(page, base_url)
    page.get_by_label("Text", exact=True).fill("stressed")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("Reversed", exact=True)).to_have_value("desserts")
    page.get_by_role("button", name="Good").click()
    expect(page.get_by_role("status").filter(has_text="Saved as flagged sample 1.")).to_be_visible()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download flagged").click()
    download = info.value
    assert download.suggested_filename == "dataset1.csv"
    rows = list(csv.reader(io.StringIO(open(download.path(), encoding="utf-8").read())))
    assert rows[0] == ["Text", "Reversed", "flag", "username", "timestamp"]
    assert rows[1][:3] == ["stressed", "desserts", "Good"]


def test_a_batch_function_answers_each_call(page: Page, base_url: str) -> None:
    open_options(page, base_url)
    page.get_by_role("tab", name="Batch").click()
    page.get_by_label("Words", exact=True).fill("hello")
    page.get_by_label("Words", exact=True).press("Enter")
    expect(page.get_by_label("Shouted", exact=True)).to_have_value("HELLO!")
