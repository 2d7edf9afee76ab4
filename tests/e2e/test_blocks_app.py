"""A Blocks app in two files: tabs, click, submit, change, accordion."""

from __future__ import annotations

import json

from playwright.sync_api import Page, expect

from pages import open_app


def open_tools(page: Page, base_url: str) -> Page:
    return open_app(page, f"{base_url}/public/examples/blocks.html")


def test_click_flips_text_using_a_second_file(page: Page, base_url: str) -> None:
    open_tools(page, base_url)
    expect(page.get_by_role("tab", name="Flip text")).to_have_attribute("aria-selected", "true")
    page.get_by_label("Text", exact=True).fill("stressed")
    page.get_by_role("button", name="Flip").click()
    expect(page.get_by_label("Flipped", exact=True)).to_have_value("desserts")


def test_tabs_switch_and_enter_submits(page: Page, base_url: str) -> None:
    open_tools(page, base_url)
    expect(page.get_by_label("Sentence", exact=True)).to_be_hidden()
    page.get_by_role("tab", name="Count words").click()
    sentence = page.get_by_label("Sentence", exact=True)
    expect(sentence).to_be_visible()
    expect(page.get_by_label("Text", exact=True)).to_be_hidden()
    sentence.fill("one two three four")
    sentence.press("Enter")
    expect(page.get_by_label("Words", exact=True)).to_have_value("4")


def test_change_events_follow_every_control(page: Page, base_url: str) -> None:
    open_tools(page, base_url)
    page.get_by_role("tab", name="Settings").click()
    page.get_by_role("combobox", name="Mood").click()
    page.get_by_role("option", name="busy").click()
    summary = page.get_by_label("Summary", exact=True)
    expect(summary).to_have_value("size 3, busy")
    page.get_by_label("Loud", exact=True).check()
    expect(summary).to_have_value("SIZE 3, BUSY")
    page.get_by_label("range slider for Size", exact=True).fill("7")
    expect(summary).to_have_value("SIZE 7, BUSY")
    page.get_by_text("Details").click()
    details = page.get_by_role("group", name="Settings as JSON").locator("pre")
    expect(details).to_be_visible()
    assert json.loads(details.inner_text()) == {"size": 7, "mood": "busy", "loud": True}
