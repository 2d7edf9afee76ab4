"""gr.render, gr.Timer and gr.Request in the browser."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from pages import open_app


def open_dynamic(page: Page, base_url: str) -> Page:
    return open_app(page, f"{base_url}/public/examples/dynamic.html")


def test_render_rebuilds_the_boxes_keeping_what_was_typed(page: Page, base_url: str) -> None:
    open_dynamic(page, base_url)
    expect(page.get_by_label("Box 2", exact=True)).to_be_visible()
    expect(page.get_by_label("Box 3", exact=True)).to_have_count(0)
    page.get_by_label("Box 1", exact=True).fill("a")
    page.get_by_label("number input for Number of boxes", exact=True).fill("3")
    expect(page.get_by_label("Box 3", exact=True)).to_be_visible()
    expect(page.get_by_label("Box 1", exact=True)).to_have_value("a")
    page.get_by_label("Box 2", exact=True).fill("b")
    page.get_by_label("Box 3", exact=True).fill("c")
    page.get_by_role("button", name="Join").click()
    expect(page.get_by_label("Joined", exact=True)).to_have_value("a + b + c")
    page.get_by_label("number input for Number of boxes", exact=True).fill("1")
    expect(page.get_by_label("Box 2", exact=True)).to_have_count(0)
    expect(page.get_by_role("button", name="Join")).to_have_count(1)
    page.get_by_role("button", name="Join").click()
    expect(page.get_by_label("Joined", exact=True)).to_have_value("a")


def test_timer_ticks_once_started(page: Page, base_url: str) -> None:
    open_dynamic(page, base_url)
    page.get_by_role("tab", name="Timer").click()
    ticks = page.get_by_label("Ticks", exact=True)
    expect(ticks).to_have_value("0")
    page.get_by_role("button", name="Start").click()
    page.wait_for_function(
        "() => Number([...document.querySelectorAll('input')].find((i) => i.labels[0]?.textContent === 'Ticks').value) >= 3"
    )
    page.get_by_role("button", name="Pause").click()


def test_request_has_a_session_hash_and_no_headers(page: Page, base_url: str) -> None:
    open_dynamic(page, base_url)
    page.get_by_role("tab", name="Request").click()
    page.get_by_role("button", name="Who am I?").click()
    expect(page.get_by_label("Session", exact=True)).to_have_value(re.compile(r"^session [0-9a-f]{16}, 0 headers$"))
