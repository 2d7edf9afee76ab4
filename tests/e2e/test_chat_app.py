"""The chat example: a ChatInterface with a streaming reply, as a person uses it."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from pages import open_app


def open_chat(page: Page, base_url: str) -> Page:
    return open_app(page, f"{base_url}/public/examples/chat.html")


def bubbles(page: Page, who: str):
    return page.get_by_role("log", name="Chatbot").locator(f"[data-testid={who}]")


def test_enter_sends_and_the_reply_streams_in_as_markdown(page: Page, base_url: str) -> None:
    open_chat(page, base_url)
    expect(page.get_by_role("heading", name="Echo chat")).to_be_visible()
    box = page.get_by_placeholder("Type a message...")
    expect(box).to_have_attribute("placeholder", "Type a message...")
    box.fill("Hi there")
    box.press("Enter")
    expect(box).to_have_value("")
    expect(bubbles(page, "user")).to_have_text(["Hi there"])
    # The Stop button stands in for Submit while the reply streams.
    expect(page.get_by_role("button", name="Stop")).to_be_visible()
    reply = bubbles(page, "bot")
    expect(reply).to_have_text("Turn 1. You said Hi there")
    expect(reply.locator("strong")).to_have_text("Turn 1.")
    expect(reply.locator("em")).to_have_text("Hi there")
    expect(page.get_by_role("button", name="Submit")).to_be_visible()


def test_the_soft_theme_colours_the_submit_button(page: Page, base_url: str) -> None:
    page.emulate_media(color_scheme="light")
    open_chat(page, base_url)
    # Soft's primary hue is indigo (500: #6366f1).
    expect(page.get_by_role("button", name="Submit")).to_have_css("background-color", "rgb(99, 102, 241)")


def test_history_reaches_the_function_and_additional_inputs_apply(page: Page, base_url: str) -> None:
    open_chat(page, base_url)
    box = page.get_by_placeholder("Type a message...")
    box.fill("one")
    page.get_by_role("button", name="Submit").click()
    expect(bubbles(page, "bot")).to_have_text(["Turn 1. You said one"])
    page.get_by_text("Additional inputs").click()
    page.get_by_label("Shouting", exact=True).check()
    box.fill("two")
    box.press("Enter")
    expect(bubbles(page, "bot")).to_have_text(["Turn 1. You said one", "TURN 2. YOU SAID TWO"])


def test_retry_undo_and_clear(page: Page, base_url: str) -> None:
    open_chat(page, base_url)
    box = page.get_by_placeholder("Type a message...")
    box.fill("first")
    box.press("Enter")
    expect(bubbles(page, "bot")).to_have_text(["Turn 1. You said first"])
    page.get_by_role("button", name="Retry").click()
    expect(bubbles(page, "user")).to_have_text(["first"])
    expect(bubbles(page, "bot")).to_have_text(["Turn 1. You said first"])
    page.get_by_role("button", name="Undo").click()
    expect(bubbles(page, "user")).to_have_count(0)
    expect(box).to_have_value("first")
    box.press("Enter")
    expect(bubbles(page, "bot")).to_have_count(1)
    expect(bubbles(page, "bot")).to_have_text(re.compile("You said first"))
    page.get_by_role("button", name="Clear").click()
    expect(bubbles(page, "user")).to_have_count(0)
    box.fill("again")
    box.press("Enter")
    expect(bubbles(page, "bot")).to_have_text(["Turn 1. You said again"])


def test_an_example_sends_itself_and_errors_leave_the_chat_working(page: Page, base_url: str) -> None:
    open_chat(page, base_url)
    page.get_by_role("button", name="Hello there").click()
    expect(bubbles(page, "bot")).to_have_text(["Turn 1. You said Hello there"])
    box = page.get_by_placeholder("Type a message...")
    box.fill("error")
    box.press("Enter")
    expect(page.get_by_role("alert").filter(has_text="You asked for an error")).to_be_visible()
    box.fill("still here?")
    box.press("Enter")
    expect(bubbles(page, "bot").last).to_have_text("Turn 3. You said still here?")


def test_user_html_in_a_message_is_not_run(page: Page, base_url: str) -> None:
    open_chat(page, base_url)
    box = page.get_by_placeholder("Type a message...")
    box.fill('<img src=x onerror="window.pwned=1"> hi')
    box.press("Enter")
    expect(bubbles(page, "bot")).to_have_count(1)
    expect(bubbles(page, "bot")).to_contain_text("hi")
    assert page.evaluate("window.pwned") is None
    assert page.locator("[onerror]").count() == 0
