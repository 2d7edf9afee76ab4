"""@gr.render: a column rebuilt from its inputs, keyed components kept, listeners replaced."""

from __future__ import annotations

import pytest

import pagelet as gr
from fake_host import FakeHost, updates_of


def build_app():
    with gr.Blocks() as demo:
        count = gr.Number(2, label="How many", precision=0)
        total = gr.Textbox(label="Total")

        @gr.render(inputs=count)
        def boxes(n):
            fields = [gr.Textbox(label=f"Box {i}", key=f"box-{i}") for i in range(int(n or 0))]
            if fields:
                gr.Button("Join").click(lambda *texts: " ".join(texts), fields, total)

    return demo, count, total


def render_of(messages):
    return [m for m in messages if m["type"] == "render"]


def rerender_of(config, count):
    return next(d for d in config["dependencies"] if [count.id, "change"] in d["targets"])


def test_the_config_holds_an_empty_column_that_the_page_load_fills():
    # Gradio runs a render function on each page load, not when it is defined.
    demo, count, _ = build_app()
    config = demo.get_config()
    labels = [c["props"].get("label") for c in config["components"]]
    assert not any(str(label).startswith("Box") for label in labels)
    column = next(c for c in config["components"] if c["props"].get("render_block"))
    assert column["type"] == "column"
    rerender = rerender_of(config, count)
    assert rerender["targets"] == [[demo.id, "load"], [count.id, "change"]]
    assert rerender["trigger_mode"] == "always_last"
    [message] = render_of(FakeHost(demo).fire(rerender["id"], 2))
    assert [c["props"]["label"] for c in message["components"] if c["type"] == "textbox"] == ["Box 0", "Box 1"]


def test_a_change_rebuilds_the_column_keeps_keyed_ids_and_retires_old_listeners():
    demo, count, total = build_app()
    config = demo.get_config()
    rerender = rerender_of(config, count)
    host = FakeHost(demo)
    [first] = render_of(host.fire(rerender["id"], 2))
    first_ids = {c["props"]["label"]: c["id"] for c in first["components"] if c["type"] == "textbox"}
    [old_join] = first["dependencies"]
    [message] = render_of(host.fire(rerender["id"], 3))
    ids = {c["props"]["label"]: c["id"] for c in message["components"] if c["type"] == "textbox"}
    assert ids["Box 0"] == first_ids["Box 0"] and ids["Box 1"] == first_ids["Box 1"] and "Box 2" in ids
    assert message["retired"] == [old_join["id"]]
    [join] = message["dependencies"]
    assert join["id"] == old_join["id"] + 1 and join["inputs"] == [ids["Box 0"], ids["Box 1"], ids["Box 2"]]
    assert [child["id"] for child in message["layout"]["children"]][:3] == [ids["Box 0"], ids["Box 1"], ids["Box 2"]]
    assert updates_of(host.fire(join["id"], "a", "b", "c")) == [{"id": total.id, "value": "a b c"}]


def test_a_render_function_may_use_components_defined_after_it():
    # Gradio's render_merge: the function names a button made below the decorator.
    with gr.Blocks() as demo:
        text = gr.Textbox(label="Text")

        @gr.render(inputs=text, triggers=[text.submit])
        def pieces(value):
            merge_btn.click(lambda: "merged", None, text)
            gr.Markdown(f"got {value}")

        merge_btn = gr.Button("Merge")
    config = demo.get_config()
    rerender = next(d for d in config["dependencies"] if d["targets"] == [[text.id, "submit"]])
    [message] = render_of(FakeHost(demo).fire(rerender["id"], "x"))
    assert [c["props"]["value"] for c in message["components"] if c["type"] == "markdown"] == ["got x"]


def test_render_needs_a_blocks_and_a_plain_function():
    with pytest.raises(RuntimeError):
        gr.render(inputs=[])
    with gr.Blocks():
        with pytest.raises(TypeError):
            @gr.render()
            async def nope():
                pass
