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


def test_the_first_build_is_part_of_the_config():
    demo, count, _ = build_app()
    config = demo.get_config()
    labels = [c["props"].get("label") for c in config["components"]]
    assert "Box 0" in labels and "Box 1" in labels and "Box 2" not in labels
    column = next(c for c in config["components"] if c["props"].get("render_block"))
    assert column["type"] == "column"
    rerender = next(d for d in config["dependencies"] if d["targets"] == [[count.id, "change"]])
    assert rerender["trigger_mode"] == "always_last"


def test_a_change_rebuilds_the_column_keeps_keyed_ids_and_retires_old_listeners():
    demo, count, total = build_app()
    config = demo.get_config()
    first_ids = {c["props"]["label"]: c["id"] for c in config["components"] if str(c["props"].get("label", "")).startswith("Box")}
    rerender = next(d for d in config["dependencies"] if d["targets"] == [[count.id, "change"]])
    old_join = next(d for d in config["dependencies"] if d["outputs"] == [total.id])
    host = FakeHost(demo)
    [message] = render_of(host.fire(rerender["id"], 3))
    ids = {c["props"]["label"]: c["id"] for c in message["components"] if c["type"] == "textbox"}
    assert ids["Box 0"] == first_ids["Box 0"] and ids["Box 1"] == first_ids["Box 1"] and "Box 2" in ids
    assert message["retired"] == [old_join["id"]]
    [join] = message["dependencies"]
    assert join["id"] == len(config["dependencies"]) and join["inputs"] == [ids["Box 0"], ids["Box 1"], ids["Box 2"]]
    assert [child["id"] for child in message["layout"]["children"]][:3] == [ids["Box 0"], ids["Box 1"], ids["Box 2"]]
    assert updates_of(host.fire(join["id"], "a", "b", "c")) == [{"id": total.id, "value": "a b c"}]


def test_render_needs_a_blocks_and_a_plain_function():
    with pytest.raises(RuntimeError):
        gr.render(inputs=[])
    with gr.Blocks():
        with pytest.raises(TypeError):
            @gr.render()
            async def nope():
                pass
