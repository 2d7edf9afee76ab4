"""A chat built from gr.Chatbot and gr.MultimodalTextbox in Blocks."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from pages import open_app


def test_text_and_attached_files_become_messages_and_the_bot_answers(page: Page, base_url: str) -> None:
    open_app(page, f"{base_url}/public/examples/blocks_chat.html")
    log = page.get_by_role("log", name="Conversation")
    expect(log).to_contain_text("Say something, or attach a file.")
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Upload a file").click()
    chooser.value.set_files([{"name": "notes.txt", "mimeType": "text/plain", "buffer": b"hello"}])
    # The file is uploaded at once and shown as a thumbnail that can be taken off.
    expect(page.get_by_role("list", name="Uploaded files").get_by_role("button", name="Remove notes.txt")).to_be_visible()
    box = page.get_by_label("Your message", exact=True)
    expect(box).to_have_attribute("placeholder", "Type a message...")
    box.fill("Here are my notes")
    box.press("Enter")
    expect(log.locator("[data-testid=user]")).to_have_text(["notes.txt", "Here are my notes"])
    reply = log.locator("[data-testid=bot]")
    expect(reply).to_have_text("I have seen 2 message(s); the last was Here are my notes.")
    expect(reply.locator("em")).to_have_text("Here are my notes")
    expect(box).to_be_enabled()
    expect(box).to_have_value("")
    expect(page.get_by_role("list", name="Uploaded files")).to_be_hidden()
    box.fill("And one more")
    page.get_by_role("button", name="Submit").click()
    expect(reply.last).to_contain_text("the last was And one more")
