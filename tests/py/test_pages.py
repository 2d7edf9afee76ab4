"""Multipage apps: ``demo.route(name, path)`` pages of one Blocks, and gr.Navbar."""

from __future__ import annotations

import pytest

import pagelet as gr
from fake_host import FakeHost, updates_of
from pagelet.pages import page_list


def build_app() -> tuple[gr.Blocks, dict[str, object]]:
    with gr.Blocks() as demo:
        navbar = gr.Navbar(value=[("About Me", "https://example.com")], main_page_name="Dashboard")
        name = gr.Textbox(label="Name")
    with demo.route("Up") as up:
        count = gr.Number(label="Count")
        up.load(lambda: 5, None, count)
        copy = gr.Button("Copy the name")
    with demo.route("Settings", "/settings/", show_in_navbar=False):
        hide = gr.Button("Hide Navbar")
        hide.click(lambda: gr.Navbar(visible=False), outputs=navbar)
    with demo:
        # One app: a listener on the Up page writes a component of the home page.
        copy.click(lambda n: f"{n}!", name, name, api_name="copy")
    return demo, {"navbar": navbar, "name": name, "count": count, "up": up}


def test_route_returns_the_app_and_lists_gradios_pages():
    demo, blocks = build_app()
    assert blocks["up"] is demo
    assert page_list(demo) == [("", "Home", True), ("up", "Up", True), ("settings", "Settings", False)]


def test_each_page_holds_the_blocks_made_under_its_route():
    demo, blocks = build_app()
    layout = demo.get_config()["layout"]
    by_id = {c["id"]: c for c in demo.get_config()["components"]}
    (pages,) = layout["children"]
    assert by_id[pages["id"]]["type"] == "pages"
    home, up, settings = pages["children"]
    assert [by_id[page["id"]]["props"]["path"] for page in pages["children"]] == ["", "up", "settings"]
    assert [child["id"] for child in home["children"]] == [blocks["navbar"].id, blocks["name"].id]  # type: ignore[attr-defined]
    assert by_id[up["children"][0]["id"]]["props"]["label"] == "Count"
    assert by_id[settings["id"]]["props"]["show_in_navbar"] is False


def test_a_single_page_app_keeps_its_layout():
    with gr.Blocks() as demo:
        box = gr.Textbox()
    assert demo.get_config()["layout"]["children"] == [{"id": box.id}]
    assert page_list(demo) == [("", "Home", True)]


def test_listeners_of_every_page_are_one_app():
    demo, blocks = build_app()
    host = FakeHost(demo)
    dependencies = demo.get_config()["dependencies"]
    copy = next(d for d in dependencies if d["api_name"] == "copy")
    assert updates_of(host.fire(copy["id"], "Ada")) == [{"id": blocks["name"].id, "value": "Ada!"}]  # type: ignore[attr-defined]
    hide = next(d for d in dependencies if d["outputs"] == [blocks["navbar"].id])  # type: ignore[attr-defined]
    assert updates_of(host.fire(hide["id"])) == [{"id": blocks["navbar"].id, "props": {"visible": False}}]  # type: ignore[attr-defined]


def test_paths_follow_gradios_rules():
    with gr.Blocks() as demo:
        gr.Markdown("home")
    demo.route("My Page!")
    demo.route("My Page!")  # taken: an underscore in front
    assert [path for path, _, _ in page_list(demo)] == ["", "my-page", "_my-page"]
    with pytest.raises(ValueError, match="'config' already exists"):
        demo.route("x", "config")  # the server's own route
    with pytest.raises(ValueError, match="invalid characters"):
        demo.route("Bad", "a/b c")
    with pytest.raises(ValueError, match="outside the Blocks"):
        with demo:
            demo.route("Inner")


def test_navbar_value_and_main_page_name():
    demo, blocks = build_app()
    entry = next(c for c in demo.get_config()["components"] if c["id"] == blocks["navbar"].id)  # type: ignore[attr-defined]
    assert entry["type"] == "navbar"
    assert entry["props"]["value"] == [["About Me", "https://example.com"]]
    assert entry["props"]["main_page_name"] == "Dashboard"
    with pytest.raises(ValueError, match=r"\(label, url\) pairs"):
        gr.Navbar(value=["not a pair"])
