"""gr.Timer and every=: ticks the host sends run listeners."""

from __future__ import annotations

import pytest

import pagelet as gr
from fake_host import FakeHost, updates_of


def test_timer_tick_runs_its_listener_and_active_is_a_prop():
    with gr.Blocks() as demo:
        timer = gr.Timer(0.5, active=False)
        count = gr.Number(0, label="Count")
        timer.tick(lambda n: n + 1, count, count)
        gr.Button("Start").click(lambda: gr.Timer(active=True), None, timer)
    config = demo.get_config()
    shown = next(c for c in config["components"] if c["type"] == "timer")
    assert shown["props"]["value"] == 0.5 and shown["props"]["active"] is False
    assert config["dependencies"][0]["targets"] == [[timer.id, "tick"]]
    host = FakeHost(demo)
    assert updates_of(host.fire(0, 2)) == [{"id": count.id, "value": 3}]
    assert updates_of(host.fire(1)) == [{"id": timer.id, "props": {"active": True}}]


def test_every_on_a_component_value_and_on_a_listener_makes_a_timer():
    with gr.Blocks() as demo:
        clock = gr.Textbox(lambda: "now", label="Clock", every=2)
        out = gr.Textbox(label="Out")
        demo.load(lambda: "tick", None, out, every=3)
    demo.attach_load_events()
    config = demo.get_config()
    timers = {c["id"]: c["props"]["value"] for c in config["components"] if c["type"] == "timer"}
    assert sorted(timers.values()) == [2.0, 3.0]
    for dep in config["dependencies"]:
        events = [event for _, event in dep["targets"]]
        assert events == ["load", "tick"]
    assert clock.every == 2


def test_a_timer_needs_a_positive_interval():
    with pytest.raises(ValueError, match="interval"):
        gr.Timer(0)


def test_a_value_function_with_inputs_runs_again_when_an_input_changes():
    with gr.Blocks() as demo:
        count = gr.Slider(1, 5, step=1, value=1, label="Count")
        shown = gr.JSON(lambda n: list(range(int(n))), inputs=[count])
    demo.attach_load_events()
    (dep,) = demo.get_config()["dependencies"]
    assert dep["targets"] == [[demo.id, "load"], [count.id, "change"]]
    assert dep["show_progress"] == "hidden" and dep["trigger_mode"] == "always_last"
    host = FakeHost(demo)
    assert updates_of(host.fire(0, 3)) == [{"id": shown.id, "value": [0, 1, 2]}]
