"""gr.State's change listeners fire when an event changes the State, in place or not (Gradio's state_change)."""

from __future__ import annotations

import pagelet as gr
from fake_host import FakeHost, updates_of
from pagelet.state_changes import fingerprint


class Counter:
    def __init__(self, value: int) -> None:
        self.value = value

    def __hash__(self) -> int:
        return self.value


def build_app():
    with gr.Blocks() as demo:
        count = gr.State(0)
        items = gr.State([])
        custom = gr.State(Counter(5))
        shown = gr.Number(label="Shown")
        add = gr.Button("Add")
        add.click(lambda n: n + 1, count, count)
        same = gr.Button("Same")
        same.click(lambda n: n, count, count)
        append = gr.Button("Append")

        def append_in_place(values):
            values.append(1)
            return values

        append.click(append_in_place, items, items)
        bump = gr.Button("Bump")

        def bump_in_place(counter):
            counter.value = 10
            return counter

        bump.click(bump_in_place, custom, custom)
        count.change(lambda n: n, count, shown)
    return demo, count, items, custom


def fire(host, demo, button_label):
    config = demo.get_config()
    button = next(c for c in config["components"] if c["props"].get("value") == button_label)
    dependency = next(d for d in config["dependencies"] if [button["id"], "click"] in d["targets"])
    return updates_of(host.fire(dependency["id"], *[None] * len(dependency["inputs"])))


def test_a_changed_state_is_announced_to_the_page_and_an_unchanged_one_is_not():
    demo, count, items, custom = build_app()
    host = FakeHost(demo)
    [changed] = fire(host, demo, "Add")
    assert changed["id"] == count.id and isinstance(changed["value"], int)
    assert fire(host, demo, "Same") == []
    [appended] = fire(host, demo, "Append")
    assert appended["id"] == items.id
    [bumped] = fire(host, demo, "Bump")
    assert bumped["id"] == custom.id
    assert fire(host, demo, "Bump") == []


def test_the_state_s_change_listener_is_in_the_dependency_table():
    demo, count, *_ = build_app()
    assert any([count.id, "change"] in d["targets"] for d in demo.get_config()["dependencies"])


def test_fingerprints_follow_content():
    assert fingerprint({"a": [1, 2]}) == fingerprint({"a": [1, 2]})
    assert fingerprint({"a": [1, 2]}) != fingerprint({"a": [1, 3]})
    assert fingerprint({1, 2}) == fingerprint({2, 1})
    assert fingerprint(1) != fingerprint("1")
