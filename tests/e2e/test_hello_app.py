"""Hello world: the README's first example, as a visitor uses it."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from pages import open_app


def test_hello_world_greets_by_name(page: Page, base_url: str) -> None:
    open_app(page, f"{base_url}/public/examples/hello.html")
    page.get_by_label("name", exact=True).fill("Pagelet")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("output", exact=True)).to_have_value("Hello Pagelet!")


def test_enter_submits_and_clear_empties_both_boxes(page: Page, base_url: str) -> None:
    open_app(page, f"{base_url}/public/examples/hello.html")
    name = page.get_by_label("name", exact=True)
    name.fill("Ada")
    name.press("Enter")
    output = page.get_by_label("output", exact=True)
    expect(output).to_have_value("Hello Ada!")
    page.get_by_role("button", name="Clear").click()
    expect(name).to_have_value("")
    expect(output).to_have_value("")


def test_output_box_is_read_only(page: Page, base_url: str) -> None:
    open_app(page, f"{base_url}/public/examples/hello.html")
    expect(page.get_by_label("output", exact=True)).not_to_be_editable()
    expect(page.get_by_label("name", exact=True)).to_be_editable()
