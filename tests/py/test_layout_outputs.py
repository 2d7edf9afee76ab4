"""Layout blocks as event outputs: a function shows, hides, opens or selects them, as in Gradio."""

from __future__ import annotations

import pytest

import pagelet as gr
from fake_host import FakeHost, updates_of


def build_app():
    with gr.Blocks() as demo:
        with gr.Tabs(selected="second") as tabs:
            with gr.Tab("First", id="first") as first:
                gr.Markdown("one")
            with gr.Tab("Second", id="second", visible=False, interactive=False) as second:
                gr.Markdown("two")
        with gr.Accordion("More", open=False) as accordion:
            gr.Markdown("more")
        with gr.Row() as row:
            with gr.Column() as column:
                gr.Markdown("in a column")
        with gr.Group() as group:
            gr.Markdown("in a group")
        show = gr.Button("Show")
        show.click(
            lambda: (gr.update(selected="first"), gr.update(visible=True, interactive=True), gr.update(open=True),
                     gr.update(visible=False), gr.Column(visible=False), gr.update(visible=False), "ignored"),
            None,
            [tabs, second, accordion, row, column, group, first],
        )
    return demo, (tabs, first, second, accordion, row, column, group)


def test_tabs_selected_and_tab_visibility_are_in_the_config():
    demo, (tabs, _, second, *_rest) = build_app()
    by_id = {c["id"]: c for c in demo.get_config()["components"]}
    assert by_id[tabs.id]["props"]["selected"] == "second"
    assert by_id[second.id]["props"]["visible"] is False
    assert by_id[second.id]["props"]["interactive"] is False


def test_updates_to_layout_blocks_reach_the_page_as_props():
    demo, (tabs, first, second, accordion, row, column, group) = build_app()
    dependency = next(d for d in demo.get_config()["dependencies"] if d["outputs"])
    assert dependency["outputs"] == [tabs.id, second.id, accordion.id, row.id, column.id, group.id, first.id]
    updates = updates_of(FakeHost(demo).fire(dependency["id"]))
    # A plain value for a layout block changes nothing (Gradio ignores it too).
    assert updates == [
        {"id": tabs.id, "props": {"selected": "first"}},
        {"id": second.id, "props": {"visible": True, "interactive": True}},
        {"id": accordion.id, "props": {"open": True}},
        {"id": row.id, "props": {"visible": False}},
        {"id": column.id, "props": {"visible": False}},
        {"id": group.id, "props": {"visible": False}},
    ]


def test_inputs_must_still_be_components():
    with gr.Blocks():
        with gr.Row() as row:
            button = gr.Button("Go")
        with pytest.raises(TypeError, match="inputs must be components"):
            button.click(lambda value: value, row, None)
