"""Share links: the playground's Share button, and the gallery's playground page that opens them."""

from __future__ import annotations

from playwright.sync_api import BrowserContext, Page, expect

from pages import BOOT_TIMEOUT_MS
from test_lite_playground import replace_code

EDITED = """import gradio as gr

def shout(word):
    return word.upper() + "!"

gr.Interface(shout, gr.Textbox(label="word"), gr.Textbox(label="shouted")).launch()"""


def open_gallery_playground(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.get_by_role("textbox", name="Code")).to_be_visible(timeout=BOOT_TIMEOUT_MS)


def test_share_puts_the_edited_app_in_a_link_that_reproduces_it(page: Page, context: BrowserContext, base_url: str) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    open_gallery_playground(page, f"{base_url}/public/playground/")
    expect(page.get_by_label("name", exact=True)).to_be_visible(timeout=BOOT_TIMEOUT_MS)

    replace_code(page, EDITED)
    page.get_by_role("button", name="Share").click()
    expect(page.get_by_text("Link copied to the clipboard.")).to_be_visible()
    link = page.get_by_label("Share link").input_value()
    assert link.startswith(f"{base_url}/public/playground/#app=")
    assert page.evaluate("navigator.clipboard.readText()") == link

    shared = context.new_page()
    open_gallery_playground(shared, link)
    shared.get_by_label("word", exact=True).fill("shared")
    shared.get_by_role("button", name="Submit").click()
    expect(shared.get_by_label("shouted", exact=True)).to_have_value("SHARED!", timeout=BOOT_TIMEOUT_MS)
    expect(shared.get_by_role("textbox", name="Code")).to_contain_text("return word.upper()")


def test_without_the_clipboard_the_link_is_still_there_to_copy(page: Page, base_url: str) -> None:
    # As in a browser or an embedding that forbids the clipboard.
    page.add_init_script("""Object.defineProperty(navigator, "clipboard", {
        value: { writeText: () => Promise.reject(new DOMException("Not allowed", "NotAllowedError")) },
    })""")
    open_gallery_playground(page, f"{base_url}/public/playground/")
    page.get_by_role("button", name="Share").click()
    expect(page.get_by_text("Select the link above and copy it.")).to_be_visible()
    assert page.get_by_label("Share link").input_value().startswith(f"{base_url}/public/playground/#app=")
    expect(page.get_by_role("link", name="Open the link")).to_have_attribute("href", page.get_by_label("Share link").input_value())


def test_a_damaged_link_says_so_and_shows_the_default_app(page: Page, base_url: str) -> None:
    open_gallery_playground(page, f"{base_url}/public/playground/#app=this-is-not-an-app")
    expect(page.get_by_role("alert").first).to_contain_text("This share link is damaged")
    expect(page.get_by_role("alert").first).to_contain_text("The page's own app is shown instead.")
    expect(page.get_by_label("name", exact=True)).to_be_visible(timeout=BOOT_TIMEOUT_MS)
    page.get_by_label("name", exact=True).fill("Ada")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("greeting", exact=True)).to_have_value("Hello, Ada!")
