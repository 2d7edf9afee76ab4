"""gr.Sidebar and gr.Walkthrough / gr.Step: Gradio 6's signatures, config, events, and as event outputs."""

from __future__ import annotations

import pytest

import pagelet as gr
from fake_host import FakeHost, updates_of


def props_of(demo: gr.Blocks, block: object) -> dict:
    return next(c for c in demo.get_config()["components"] if c["id"] == block.id)  # type: ignore[attr-defined]


def test_sidebar_config_has_gradios_props_and_its_children():
    with gr.Blocks() as demo:
        with gr.Sidebar(position="right", width="25%", open=False) as sidebar:
            name = gr.Textbox(label="Name")
    entry = props_of(demo, sidebar)
    assert entry["type"] == "sidebar"
    assert {k: entry["props"][k] for k in ("open", "position", "width", "label")} == {
        "open": False, "position": "right", "width": "25%", "label": None,
    }
    assert demo.get_config()["layout"]["children"][0] == {"id": sidebar.id, "children": [{"id": name.id}]}


def test_sidebar_defaults_and_bad_position():
    with gr.Blocks():
        sidebar = gr.Sidebar()
    assert (sidebar.open, sidebar.position, sidebar.width) == (True, "left", 320)
    with pytest.raises(ValueError, match="position must be 'left' or 'right'"):
        gr.Sidebar(position="top")  # type: ignore[arg-type]


def test_sidebar_expand_and_collapse_are_listeners_and_open_is_an_output():
    with gr.Blocks() as demo:
        with gr.Sidebar() as sidebar:
            gr.Markdown("menu")
        shown = gr.Textbox(label="Shown")
        sidebar.expand(lambda: "open", None, shown)
        sidebar.collapse(lambda: "closed", None, shown)
        close = gr.Button("Close")
        close.click(lambda: gr.Sidebar(open=False), None, sidebar)
        reopen = gr.Button("Open")
        reopen.click(lambda: gr.update(open=True), None, sidebar)
    config = demo.get_config()
    triggers = [tuple(d["targets"][0]) for d in config["dependencies"]]
    assert [sidebar.id, "expand"] in map(list, triggers) and [sidebar.id, "collapse"] in map(list, triggers)
    host = FakeHost(demo)
    assert updates_of(host.fire(2)) == [{"id": sidebar.id, "props": {"open": False}}]
    assert updates_of(host.fire(3)) == [{"id": sidebar.id, "props": {"open": True}}]
    assert updates_of(host.fire(0)) == [{"id": shown.id, "value": "open"}]


def build_walkthrough() -> tuple[gr.Blocks, gr.Walkthrough, list[gr.Step]]:
    with gr.Blocks() as demo:
        with gr.Walkthrough(selected=0) as walkthrough:
            with gr.Step("Image", id=0) as first:
                go = gr.Button("go to prompt")
                go.click(lambda: gr.Walkthrough(selected=1), outputs=walkthrough)
            with gr.Step("Prompt", id=1) as second:
                gr.Textbox(label="Prompt")
    return demo, walkthrough, [first, second]


def test_walkthrough_and_steps_in_the_config_as_gradio_names_them():
    demo, walkthrough, (first, second) = build_walkthrough()
    entry = props_of(demo, walkthrough)
    assert (entry["type"], entry["props"]["selected"]) == ("walkthrough", 0)
    step = props_of(demo, second)
    assert step["type"] == "walkthroughstep"
    assert {k: step["props"][k] for k in ("label", "id", "interactive")} == {"label": "Prompt", "id": 1, "interactive": True}
    # Step's id is Gradio's `id=`, not the block's own id in the layout.
    assert second.id != 1 and first.id != 0


def test_walkthrough_selected_as_an_output_moves_to_a_step():
    demo, walkthrough, _ = build_walkthrough()
    assert updates_of(FakeHost(demo).fire(0)) == [{"id": walkthrough.id, "props": {"selected": 1}}]


def test_walkthrough_and_step_events():
    demo, walkthrough, (first, _) = build_walkthrough()
    assert all(hasattr(walkthrough, event) for event in ("change", "select"))
    assert hasattr(first, "select")
    with demo:
        got = gr.Textbox(label="Got")
        walkthrough.select(lambda data: data.value, None, got)  # type: ignore[attr-defined]
    assert demo.get_config()["dependencies"][-1]["targets"] == [[walkthrough.id, "select"]]


def test_draggable_config_and_bad_orientation():
    with gr.Blocks() as demo:
        with gr.Draggable(orientation="row") as draggable:
            first = gr.Markdown("one")
            second = gr.Markdown("two")
    entry = props_of(demo, draggable)
    assert (entry["type"], entry["props"]["orientation"]) == ("draggable", "row")
    assert demo.get_config()["layout"]["children"][0]["children"] == [{"id": first.id}, {"id": second.id}]
    assert gr.Draggable().orientation == "column"
    with pytest.raises(ValueError, match="orientation must be 'row' or 'column'"):
        gr.Draggable(orientation="grid")  # type: ignore[arg-type]
