"""The playground: a code editor beside the app, Run and Ctrl+Enter, layout and theme."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from pages import BOOT_TIMEOUT_MS, Site, open_app

HELLO = """
import gradio as gr

def greet(name):
    return "Hello " + name + "!"

gr.Interface(greet, "textbox", "textbox").launch()
"""

SHOUT = """import gradio as gr

def shout(word):
    return word.upper() + "!"

gr.Interface(shout, gr.Textbox(label="word"), gr.Textbox(label="shouted")).launch()
"""

BROKEN = """import gradio as gr

def shout(word):
    return word.upper() + "!"

gr.Interface(shout, gr.Textbox(label="word"), undefined_output).launch()"""


def playground_page(site: Site, name: str, attributes: str = "") -> str:
    return site.page(name, f"<gradio-lite playground {attributes}>{HELLO}</gradio-lite>")


def replace_code(page: Page, code: str) -> None:
    """Select everything in the editor and type the new code in its place."""
    editor = page.get_by_role("textbox", name="Code")
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    # insert_text, as a paste would: typed key by key, the editor would indent each new line again.
    page.keyboard.insert_text(code)


def test_the_editor_shows_the_code_and_ctrl_enter_runs_the_edited_app(page: Page, site: Site) -> None:
    open_app(page, playground_page(site, "playground.html"))
    editor = page.get_by_role("textbox", name="Code")
    expect(editor).to_contain_text('return "Hello " + name + "!"')
    page.get_by_label("name", exact=True).fill("Ada")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("output", exact=True)).to_have_value("Hello Ada!")

    replace_code(page, SHOUT)
    page.keyboard.press("Control+Enter")
    expect(page.get_by_label("shouted", exact=True)).to_be_visible()
    expect(page.get_by_label("name", exact=True)).to_have_count(0)
    page.get_by_label("word", exact=True).fill("hey")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("shouted", exact=True)).to_have_value("HEY!")
    # Ctrl+Enter ran the code rather than adding a line to it.
    expect(editor).to_have_text(SHOUT.replace("\n", ""))


def test_an_error_shows_its_line_and_the_run_button_recovers(page: Page, site: Site) -> None:
    open_app(page, playground_page(site, "playground-error.html"))
    replace_code(page, BROKEN)
    page.get_by_role("button", name="Run").click()
    alert = page.locator("gradio-lite").get_by_role("alert")
    expect(alert).to_contain_text("NameError: name 'undefined_output' is not defined")
    expect(alert).to_contain_text('File "app.py", line 6')
    expect(page.get_by_role("status").filter(has_text="raised an error")).to_have_text(
        "The app raised an error on line 6; see below."
    )

    # Fix the line with the keyboard: go to the end of the code, back over the bad name, type the good one.
    page.get_by_role("textbox", name="Code").click()
    page.keyboard.press("Control+End")
    for _ in range(len("undefined_output).launch()")):
        page.keyboard.press("Backspace")
    page.keyboard.type('gr.Textbox(label="shouted")).launch()')
    page.get_by_role("button", name="Run").click()
    expect(page.locator("gradio-lite").get_by_role("alert")).to_have_count(0)
    page.get_by_label("word", exact=True).fill("fixed")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("shouted", exact=True)).to_have_value("FIXED!")


def test_vertical_layout_puts_the_editor_above_and_dark_theme_darkens_both(page: Page, site: Site) -> None:
    page.emulate_media(color_scheme="light")
    open_app(page, playground_page(site, "playground-dark.html", 'layout="vertical" theme="dark"'))
    editor, field = editor_and_app_boxes(page)
    assert editor["y"] + editor["height"] <= field["y"], "the editor should sit above the app"
    assert background(page, ".pagelet-app") == "rgb(11, 15, 25)"
    assert _is_dark(background(page, ".cm-editor"))


def test_horizontal_layout_and_light_theme_hold_against_a_dark_system(page: Page, site: Site) -> None:
    page.emulate_media(color_scheme="dark")
    page.set_viewport_size({"width": 1280, "height": 800})
    open_app(page, playground_page(site, "playground-light.html", 'theme="light"'))
    editor, field = editor_and_app_boxes(page)
    assert editor["x"] + editor["width"] <= field["x"], "the editor should sit left of the app"
    assert background(page, ".pagelet-app") == "rgb(255, 255, 255)"


def editor_and_app_boxes(page: Page) -> tuple[dict[str, float], dict[str, float]]:
    """Where the editor and the app's first field are on screen."""
    editor = page.get_by_role("textbox", name="Code").bounding_box()
    field = page.get_by_label("name", exact=True).bounding_box()
    assert editor is not None and field is not None
    return dict(editor), dict(field)


def background(page: Page, selector: str) -> str:
    return page.locator(selector).evaluate("(node) => getComputedStyle(node).backgroundColor")


def test_a_plain_app_loads_no_editor(page: Page, site: Site) -> None:
    url = site.page("plain.html", f"<gradio-lite>{HELLO}</gradio-lite>")
    scripts: list[str] = []
    page.on("request", lambda request: scripts.append(request.url) if request.resource_type == "script" else None)
    open_app(page, url)
    expect(page.get_by_role("textbox", name="Code")).to_have_count(0)
    assert not any("/mount-" in url or "/share-" in url for url in scripts), scripts


def _is_dark(css_colour: str) -> bool:
    channels = [int(part) for part in css_colour[css_colour.index("(") + 1 : css_colour.index(")")].split(",")[:3]]
    return sum(channels) / 3 < 80


def test_the_run_button_waits_for_python_to_boot(page: Page, site: Site) -> None:
    page.goto(playground_page(site, "playground-early.html"))
    replace_code(page, SHOUT)
    page.get_by_role("button", name="Run").click()
    expect(page.get_by_label("shouted", exact=True)).to_be_visible(timeout=BOOT_TIMEOUT_MS)


def test_tab_indents_in_the_editor_and_escape_then_tab_leaves_it(page: Page, site: Site) -> None:
    open_app(page, playground_page(site, "playground-keyboard.html"))
    editor = page.get_by_role("textbox", name="Code")
    editor.click()
    page.keyboard.press("Control+Home")
    page.keyboard.press("Tab")
    expect(editor).to_be_focused()
    expect(editor).to_contain_text("    import gradio as gr")
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    expect(editor).not_to_be_focused()
