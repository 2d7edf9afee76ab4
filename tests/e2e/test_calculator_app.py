"""The calculator Interface: numbers, a radio, examples and gr.Error."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from pages import open_app


def open_calculator(page: Page, base_url: str) -> Page:
    return open_app(page, f"{base_url}/public/examples/calculator.html")


def test_title_description_and_labels(page: Page, base_url: str) -> None:
    open_calculator(page, base_url)
    expect(page.get_by_role("heading", name="Toy Calculator")).to_be_visible()
    expect(page.get_by_text("Here's a sample toy calculator.")).to_be_visible()
    for label in ("num1", "num2", "output"):
        expect(page.get_by_label(label, exact=True)).to_be_visible()
    expect(page.get_by_role("group", name="operation")).to_be_visible()


def test_multiplies_two_numbers(page: Page, base_url: str) -> None:
    open_calculator(page, base_url)
    page.get_by_label("num1", exact=True).fill("6")
    page.get_by_label("multiply", exact=True).check()
    page.get_by_label("num2", exact=True).fill("7")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("output", exact=True)).to_have_value("42")


def test_divide_by_zero_shows_the_error_and_the_app_keeps_working(page: Page, base_url: str) -> None:
    open_calculator(page, base_url)
    page.get_by_label("num1", exact=True).fill("1")
    page.get_by_label("divide", exact=True).check()
    page.get_by_label("num2", exact=True).fill("0")
    page.get_by_role("button", name="Submit").click()
    alert = page.get_by_role("alert").filter(has_text="Cannot divide by zero!")
    expect(alert).to_be_visible()
    expect(alert).to_contain_text("Error")
    page.get_by_label("num2", exact=True).fill("4")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("output", exact=True)).to_have_value("0.25")


def test_clicking_an_example_fills_the_inputs(page: Page, base_url: str) -> None:
    open_calculator(page, base_url)
    page.get_by_text("144", exact=True).click()
    expect(page.get_by_label("num1", exact=True)).to_have_value("144")
    expect(page.get_by_label("multiply", exact=True)).to_be_checked()
    expect(page.get_by_label("num2", exact=True)).to_have_value("2.5")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("output", exact=True)).to_have_value("360")
