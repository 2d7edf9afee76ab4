"""Gradio 6's Sidebar, Walkthrough, Dialogue and multipage apps (demo.route, gr.Navbar), as a person uses them.

On a server (`pagelet run`) each page has its own path; in <gradio-lite> the
pages live in the URL's hash and keep what was typed in them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from pages import Site, open_app
from server_app import RunningApp, run_app

WIDGETS = """
import gradio as gr

def pet_name(animal, personality):
    return f"{personality} {animal}"

def chosen_step(data: gr.SelectData):
    return f"{data.index}: {data.value}"

with gr.Blocks() as demo:
    with gr.Sidebar(position="left") as sidebar:
        gr.Markdown("# Pet Name Generator")
        animal = gr.Dropdown(["Cat", "Dog"], value="Cat", label="Choose your pet type")
        personality = gr.Radio(["Normal", "Silly"], value="Normal", label="Personality type")
    name = gr.Textbox(label="Your pet's fancy name:")
    gr.Button("Generate Name!").click(pet_name, [animal, personality], name)
    sidebar_state = gr.Textbox(label="Sidebar state")
    sidebar.collapse(lambda: "collapsed", None, sidebar_state)
    sidebar.expand(lambda: "expanded", None, sidebar_state)
    gr.Button("Close the sidebar").click(lambda: gr.Sidebar(open=False), None, sidebar)

    with gr.Walkthrough(selected=0) as walkthrough:
        with gr.Step("Image", id=0):
            gr.Button("go to prompt").click(lambda: gr.Walkthrough(selected=1), outputs=walkthrough)
        with gr.Step("Prompt", id=1):
            prompt = gr.Textbox(label="Prompt")
            gr.Button("generate").click(lambda: gr.Walkthrough(selected=2), outputs=walkthrough)
        with gr.Step("Result", id=2):
            gr.Markdown("The result")
    chosen = gr.Textbox(label="Chosen step")
    walkthrough.select(chosen_step, None, chosen)

    dialogue = gr.Dialogue(
        speakers=["Speaker 1", "Speaker 2"], interactive=True, submit_btn="Send",
        value=[{"speaker": "Speaker 1", "text": "Hello"}],
    )
    formatted = gr.Textbox(label="Formatted")
    dialogue.submit(lambda text: text, dialogue, formatted)
    shown = gr.Dialogue(speakers=["Speaker 1", "Speaker 2"], label="Transcript")
    gr.Button("Transcribe").click(
        lambda: [{"speaker": "Speaker 2", "text": "Fine, thanks"}], None, shown
    )

    with gr.Draggable(orientation="column"):
        gr.Markdown("Chart A")
        gr.Markdown("Chart B")
        gr.Markdown("Chart C")
"""

MULTIPAGE = """
import gradio as gr

with gr.Blocks(title="Pages") as demo:
    navbar = gr.Navbar(value=[("About Me", "https://example.com/about")], main_page_name="Dashboard")
    gr.Markdown("# Dashboard Page")
    name = gr.Textbox(label="Name", interactive=True)
    gr.Button("Hide Navbar").click(lambda: gr.Navbar(visible=False), None, navbar)

with demo.route("Up") as up:
    number = gr.Number(label="Number", value=1)
    gr.Button("Increase").click(lambda x: x + 1, number, number)
    gr.Button("Greet on the dashboard").click(lambda x: f"Hello {int(x)}", number, name)

with demo.route("Settings", "/settings", show_in_navbar=False):
    gr.Markdown("# Settings Page")
"""


@pytest.fixture
def widgets(tmp_path: Path) -> Iterator[RunningApp]:
    yield from run_app(tmp_path, WIDGETS)


@pytest.fixture
def multipage(tmp_path: Path) -> Iterator[RunningApp]:
    yield from run_app(tmp_path, MULTIPAGE)


def test_sidebar_opens_closes_and_its_fields_work(page: Page, widgets: str) -> None:
    page.goto(widgets)
    heading = page.get_by_role("heading", name="Pet Name Generator")
    expect(heading).to_be_in_viewport()
    page.get_by_role("group", name="Personality type").get_by_label("Silly").check()
    page.get_by_role("button", name="Generate Name!").click()
    expect(page.get_by_label("Your pet's fancy name:")).to_have_value("Silly Cat")

    toggle = page.get_by_role("button", name="Toggle Sidebar")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(heading).not_to_be_in_viewport()
    expect(page.get_by_label("Sidebar state")).to_have_value("collapsed")
    toggle.click()
    expect(heading).to_be_in_viewport()
    expect(page.get_by_label("Sidebar state")).to_have_value("expanded")
    # gr.Sidebar(open=False) returned by an event closes it.
    page.get_by_role("button", name="Close the sidebar").click()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(heading).not_to_be_in_viewport()


def test_walkthrough_moves_forward_by_the_app_and_back_by_a_click(page: Page, widgets: str) -> None:
    page.goto(widgets)
    steps = page.get_by_role("tablist")
    expect(steps.get_by_role("tab")).to_have_text(["1Image", "2Prompt", "3Result"])
    expect(page.get_by_role("tab", name="Image")).to_have_attribute("aria-selected", "true")
    # A step not reached yet cannot be chosen.
    expect(page.get_by_role("tab", name="Prompt")).to_be_disabled()
    expect(page.get_by_label("Prompt", exact=True)).to_be_hidden()
    page.get_by_role("button", name="go to prompt").click()
    expect(page.get_by_role("tab", name="Prompt")).to_have_attribute("aria-selected", "true")
    page.get_by_label("Prompt", exact=True).fill("a cat")
    page.get_by_role("button", name="generate", exact=True).click()
    expect(page.get_by_text("The result")).to_be_visible()
    page.get_by_role("tab", name="Prompt").click()
    expect(page.get_by_label("Chosen step")).to_have_value("1: Prompt")
    expect(page.get_by_label("Prompt", exact=True)).to_have_value("a cat")


def test_dialogue_lines_are_edited_and_sent_as_gradio_formats_them(page: Page, widgets: str) -> None:
    page.goto(widgets)
    dialogue = page.get_by_role("group", name="Dialogue")
    expect(dialogue.get_by_label("Line 1", exact=True)).to_have_value("Hello")
    dialogue.get_by_role("button", name="Add new line").click()
    expect(dialogue.get_by_label("Speaker of line 2")).to_have_value("Speaker 2")
    dialogue.get_by_label("Line 2", exact=True).fill("Hi there")
    dialogue.get_by_role("button", name="Send").click()
    expect(page.get_by_label("Formatted")).to_have_value("[Speaker 1] Hello\n[Speaker 2] Hi there")
    dialogue.get_by_role("button", name="Remove current line").click()
    dialogue.get_by_role("button", name="Send").click()
    expect(page.get_by_label("Formatted")).to_have_value("[Speaker 1] Hello")
    # As an output: each line under its speaker.
    page.get_by_role("button", name="Transcribe").click()
    transcript = page.get_by_role("group", name="Transcript")
    expect(transcript).to_contain_text("Speaker 2")
    expect(transcript).to_contain_text("Fine, thanks")


def test_draggable_children_are_reordered_by_drag_and_by_keys(page: Page, widgets: str) -> None:
    page.goto(widgets)
    charts = page.locator(".pagelet-draggable").get_by_text(re.compile(r"^Chart [ABC]$"))
    expect(charts).to_have_text(["Chart A", "Chart B", "Chart C"])
    page.get_by_role("button", name="Move item 1").drag_to(page.get_by_text("Chart C", exact=True))
    expect(charts).to_have_text(["Chart B", "Chart C", "Chart A"])
    page.get_by_role("button", name="Move item 1").press("ArrowUp")
    expect(charts).to_have_text(["Chart B", "Chart A", "Chart C"])


def test_pages_on_a_server_have_their_paths_and_a_navbar(page: Page, multipage: str) -> None:
    page.goto(multipage)
    navbar = page.get_by_role("navigation", name="Pages")
    expect(navbar.get_by_role("link")).to_have_text(["Dashboard", "Up", "About Me"])
    expect(navbar.get_by_role("link", name="Dashboard")).to_have_attribute("aria-current", "page")
    expect(navbar.get_by_role("link", name="About Me")).to_have_attribute("target", "_blank")
    expect(page.get_by_role("heading", name="Dashboard Page")).to_be_visible()
    expect(page.get_by_label("Number")).to_be_hidden()
    navbar.get_by_role("link", name="Up").click()
    expect(page).to_have_url(multipage.rstrip("/") + "/up")
    expect(page.get_by_label("Number")).to_have_value("1")
    expect(page.get_by_role("heading", name="Dashboard Page")).to_be_hidden()
    page.get_by_role("button", name="Increase").click()
    expect(page.get_by_label("Number")).to_have_value("2")
    # A page left out of the navbar is still served at its path.
    page.goto(multipage.rstrip("/") + "/settings")
    expect(page.get_by_role("heading", name="Settings Page")).to_be_visible()
    page.goto(multipage)
    page.get_by_role("button", name="Hide Navbar").click()
    expect(page.get_by_role("navigation", name="Pages")).to_be_hidden()


def test_pages_in_gradio_lite_switch_in_the_hash_and_keep_their_state(page: Page, site: Site) -> None:
    url = site.page("multipage.html", f"<gradio-lite>{MULTIPAGE}</gradio-lite>")
    open_app(page, url)
    navbar = page.get_by_role("navigation", name="Pages")
    page.get_by_label("Name").fill("Ada")
    navbar.get_by_role("link", name="Up").click()
    expect(page).to_have_url(url + "#up")
    # As in Gradio, one page is drawn at a time: the others are off the document.
    expect(page.get_by_label("Name")).to_have_count(0)
    page.get_by_role("button", name="Increase").click()
    expect(page.get_by_label("Number")).to_have_value("2")
    navbar.get_by_role("link", name="Dashboard").click()
    expect(page.get_by_label("Name")).to_have_value("Ada")
    # Back in the browser's history: the Up page, as it was left.
    page.go_back()
    expect(page.get_by_label("Number")).to_have_value("2")
    expect(navbar.get_by_role("link", name="Up")).to_have_attribute("aria-current", "page")
    # One app: a listener on this page writes a field of the dashboard.
    page.get_by_role("button", name="Greet on the dashboard").click()
    navbar.get_by_role("link", name="Dashboard").click()
    expect(page.get_by_label("Name")).to_have_value("Hello 2")
