"""Blocks apps: layout tree, listeners and what functions may return."""

from __future__ import annotations

import asyncio

import pytest

import pagelet as gr

from fake_host import FakeHost, component, final_stage, updates_of


def layout_types(config, node=None):
    node = node or config["layout"]
    types = {c["id"]: c["type"] for c in config["components"]}
    return [types.get(node["id"], "blocks"), [layout_types(config, child) for child in node.get("children", [])]]


def test_layout_tree_follows_with_blocks():
    with gr.Blocks(title="Layout") as demo:
        with gr.Row():
            with gr.Column(scale=2):
                gr.Textbox(label="a")
            with gr.Column():
                gr.Number(label="b")
        with gr.Tabs():
            with gr.Tab("One"):
                gr.Markdown("first")
            with gr.Tab("Two"):
                with gr.Accordion("More", open=False):
                    with gr.Group():
                        gr.Checkbox(label="c")
    config = demo.get_config()
    assert config["title"] == "Layout"
    assert layout_types(config) == [
        "blocks",
        [
            ["row", [["column", [["textbox", []]]], ["column", [["number", []]]]]],
            ["tabs", [["tab", [["markdown", []]]], ["tab", [["accordion", [["group", [["checkbox", []]]]]]]]]],
        ],
    ]
    accordion = next(c for c in config["components"] if c["type"] == "accordion")
    assert accordion["props"]["label"] == "More" and accordion["props"]["open"] is False
    column = next(c for c in config["components"] if c["type"] == "column")
    assert column["props"]["scale"] == 2


def test_tabs_without_a_tabs_block_are_grouped():
    with gr.Blocks() as demo:
        with gr.Tab("A"):
            gr.Markdown("a")
        with gr.Tab("B"):
            gr.Markdown("b")
    assert layout_types(demo.get_config()) == ["blocks", [["tabs", [["tab", [["markdown", []]]], ["tab", [["markdown", []]]]]]]]


def test_a_nested_app_is_flattened_into_its_parent():
    with gr.Blocks() as inner:
        gr.Markdown("inner")
        number = gr.Number(label="n")
        inner.load(lambda: 1, None, number)
    with gr.Blocks() as demo:
        with gr.Tab("A"):
            inner.render()
        with gr.Blocks() as built_inside:
            gr.Checkbox(label="c")
    config = demo.get_config()
    assert built_inside.parent is not None
    assert [c["type"] for c in config["components"]] == ["tabs", "tab", "markdown", "number", "checkbox"]
    assert layout_types(config) == ["blocks", [["tabs", [["tab", [["markdown", []], ["number", []]]]]], ["checkbox", []]]]
    assert config["dependencies"][0]["targets"] == [[demo.id, "load"]]


def test_a_tab_says_whether_its_children_are_drawn_before_it_is_shown():
    with gr.Blocks() as demo:
        with gr.Tab("Lazy"):
            gr.Markdown("a")
        with gr.Tab("Eager", render_children=True):
            gr.Markdown("b")
    tabs = [c["props"]["render_children"] for c in demo.get_config()["components"] if c["type"] == "tab"]
    assert tabs == [False, True]


def test_listener_outside_blocks_is_refused():
    button = gr.Button("Go", render=False)
    with pytest.raises(RuntimeError, match="outside of a gr.Blocks"):
        button.click(lambda: None)


def test_click_submit_change_input_and_load_are_registered():
    with gr.Blocks() as demo:
        box = gr.Textbox(label="box")
        out = gr.Textbox(label="out")
        button = gr.Button("Go")
        button.click(str.upper, box, out, api_name="shout")
        box.submit(str.lower, box, out)
        box.change(len, box, out)
        box.input(str.strip, box, out)
        demo.load(lambda: "loaded", None, out)
    config = demo.get_config()
    targets = [d["targets"][0][1] for d in config["dependencies"]]
    assert targets == ["click", "submit", "change", "input", "load"]
    assert config["dependencies"][0]["api_name"] == "shout"
    assert config["dependencies"][4]["targets"] == [[config["root"], "load"]]
    assert config["dependencies"][2]["trigger_mode"] == "always_last"
    assert config["dependencies"][0]["trigger_mode"] == "once"
    assert updates_of(FakeHost(demo).fire(4)) == [{"id": component(config, "out")["id"], "value": "loaded"}]


def test_default_api_names_follow_function_names_and_stay_unique():
    def add(a, b):
        return a + b

    with gr.Blocks() as demo:
        a, b, c = gr.Number(), gr.Number(), gr.Number()
        gr.Button().click(add, [a, b], c)
        gr.Button().click(add, [a, b], c)
        gr.Button().click(lambda: 1, None, c)
    names = [d["api_name"] for d in demo.get_config()["dependencies"]]
    assert names == ["add", "add_1", "lambda"]


def test_decorator_form_and_gr_on():
    with gr.Blocks() as demo:
        name = gr.Textbox(label="name")
        out = gr.Textbox(label="out")
        button = gr.Button("Greet")

        @button.click(inputs=name, outputs=out)
        def greet(value):
            return f"hi {value}"

        gr.on([button.click, name.submit], lambda v: v.upper(), name, out)
    config = demo.get_config()
    assert greet("x") == "hi x"
    assert config["dependencies"][1]["targets"] == [[button.id, "click"], [name.id, "submit"]]
    assert updates_of(FakeHost(demo).fire(0, "ada"))[0]["value"] == "hi ada"


def build_three_outputs():
    with gr.Blocks() as demo:
        a = gr.Textbox(label="a")
        b = gr.Number(label="b")
        c = gr.Checkbox(label="c")
    return demo, a, b, c


def register(demo, fn, inputs, outputs):
    with demo:
        return gr.Button("Go").click(fn, inputs, outputs)


def test_tuple_return_fills_outputs_in_order():
    demo, a, b, c = build_three_outputs()
    register(demo, lambda: ("x", 2, True), None, [a, b, c])
    assert [u["value"] for u in updates_of(FakeHost(demo).fire(0))] == ["x", 2.0, True]


def test_dict_return_updates_only_named_outputs():
    demo, a, b, c = build_three_outputs()
    register(demo, lambda: {b: 7}, None, [a, b, c])
    assert updates_of(FakeHost(demo).fire(0)) == [{"id": b.id, "value": 7.0}]


def test_gr_update_changes_props_and_value():
    demo, a, b, c = build_three_outputs()
    register(demo, lambda: (gr.update(visible=False), gr.update(value=3, label="Three", interactive=False), True), None, [a, b, c])
    updates = updates_of(FakeHost(demo).fire(0))
    assert updates[0] == {"id": a.id, "props": {"visible": False}}
    assert updates[1] == {"id": b.id, "value": 3.0, "props": {"label": "Three", "interactive": False}}


def test_returning_a_component_updates_only_the_given_arguments():
    demo, a, b, c = build_three_outputs()
    register(demo, lambda: gr.Textbox(value="new", visible=True, placeholder="type"), None, a)
    assert updates_of(FakeHost(demo).fire(0)) == [{"id": a.id, "value": "new", "props": {"visible": True, "placeholder": "type"}}]


def test_updated_choices_are_accepted_afterwards_in_that_session_only():
    with gr.Blocks() as demo:
        radio = gr.Radio(["a", "b"], label="pick")
        out = gr.Textbox()
        gr.Button("more").click(lambda: gr.update(choices=["a", "b", "c"]), None, radio)
        radio.change(lambda value: value, radio, out)
    host, other = FakeHost(demo), FakeHost(demo)
    assert updates_of(host.fire(0))[0]["props"] == {"choices": [["a", "a"], ["b", "b"], ["c", "c"]]}
    assert updates_of(host.fire(1, "c"))[0]["value"] == "c"
    assert final_stage(other.fire(1, "c")) == "error"


def test_wrong_number_of_returned_values_is_a_clear_error():
    demo, a, b, c = build_three_outputs()

    def two():
        return 1, 2

    register(demo, two, None, [a, b, c])
    messages = FakeHost(demo).fire(0)
    alert = next(m for m in messages if m["type"] == "alert")
    assert "two()" in alert["message"] and "too few" in alert["message"] and "needed: 3" in alert["message"]
    assert final_stage(messages) == "error"


def test_async_functions_are_awaited():
    async def slow_upper(text):
        await asyncio.sleep(0)
        return text.upper()

    with gr.Blocks() as demo:
        box, out = gr.Textbox(), gr.Textbox()
        gr.Button().click(slow_upper, box, out)
    assert updates_of(FakeHost(demo).fire(0, "abc"))[0]["value"] == "ABC"


def test_gr_error_reaches_the_page_and_the_app_keeps_working():
    def divide(a, b):
        if b == 0:
            raise gr.Error("Cannot divide by zero!", title="Oops", duration=5)
        return a / b

    with gr.Blocks() as demo:
        a, b, out = gr.Number(), gr.Number(), gr.Number()
        gr.Button().click(divide, [a, b], out)
    host = FakeHost(demo)
    failed = host.fire(0, 1, 0)
    alert = next(m for m in failed if m["type"] == "alert")
    assert (alert["level"], alert["title"], alert["message"], alert["duration"]) == ("error", "Oops", "Cannot divide by zero!", 5)
    assert updates_of(failed) == [] and final_stage(failed) == "error"
    assert updates_of(host.fire(0, 6, 3))[0]["value"] == 2.0


def test_unexpected_exception_is_shown_with_its_type():
    with gr.Blocks() as demo:
        out = gr.Textbox()
        gr.Button().click(lambda: {}["missing"], None, out)
    alert = next(m for m in FakeHost(demo).fire(0) if m["type"] == "alert")
    assert alert["message"] == "KeyError: 'missing'"


def test_info_and_warning_toasts_do_not_stop_the_function():
    def noisy():
        gr.Info("Starting")
        gr.Warning("Careful", duration=None)
        return "done"

    with gr.Blocks() as demo:
        out = gr.Textbox()
        gr.Button().click(noisy, None, out)
    messages = FakeHost(demo).fire(0)
    alerts = [(m["level"], m["message"], m["duration"]) for m in messages if m["type"] == "alert"]
    assert alerts == [("info", "Starting", 10), ("warning", "Careful", None)]
    assert updates_of(messages)[0]["value"] == "done"


def test_state_is_kept_per_session_and_never_sent():
    with gr.Blocks() as demo:
        count = gr.State([])
        out = gr.JSON()

        def add(items):
            items = items + ["x"]
            return items, items

        gr.Button().click(add, count, [count, out])
    first, second = FakeHost(demo), FakeHost(demo)
    first.fire(0, None)
    # The State's content stays in the core; the page only learns that it changed (a change number).
    [shown, changed] = updates_of(first.fire(0, None))
    assert shown == {"id": out.id, "value": ["x", "x"]}
    assert changed["id"] == count.id and isinstance(changed["value"], int)
    assert updates_of(second.fire(0, None))[0] == {"id": out.id, "value": ["x"]}
    assert next(c for c in demo.get_config()["components"] if c["type"] == "state")["props"]["value"] is None


def test_then_and_success_chain_in_config():
    with gr.Blocks() as demo:
        out = gr.Textbox()
        first = gr.Button().click(lambda: "a", None, out)
        first.then(lambda: "b", None, out)
        first.success(lambda: "c", None, out)
    deps = demo.get_config()["dependencies"]
    assert (deps[1]["trigger_after"], deps[1]["trigger_only_on_success"]) == (0, False)
    assert (deps[2]["trigger_after"], deps[2]["trigger_only_on_success"]) == (0, True)
    assert deps[1]["targets"] == []


def test_set_of_inputs_passes_a_dict():
    with gr.Blocks() as demo:
        a, b = gr.Number(label="a"), gr.Number(label="b")
        out = gr.Number()
        gr.Button().click(lambda data: data[a] + data[b], {a, b}, out)
    assert updates_of(FakeHost(demo).fire(0, 2, 3))[0]["value"] == 5.0


def test_no_function_passes_inputs_to_outputs():
    with gr.Blocks() as demo:
        a, out = gr.Textbox(), gr.Textbox()
        gr.Button().click(None, a, out)
    assert updates_of(FakeHost(demo).fire(0, "copy"))[0]["value"] == "copy"


def test_callable_value_is_computed_on_load():
    with gr.Blocks() as demo:
        box = gr.Textbox(value=lambda: "fresh", label="box")
    demo.attach_load_events()
    config = demo.get_config()
    load = next(d for d in config["dependencies"] if d["targets"] == [[config["root"], "load"]])
    assert updates_of(FakeHost(demo).fire(load["id"])) == [{"id": box.id, "value": "fresh"}]


def test_output_only_components_are_not_interactive_unless_asked():
    with gr.Blocks() as demo:
        src = gr.Textbox(label="src")
        shown = gr.Textbox(label="shown")
        editable = gr.Textbox(label="editable", interactive=True)
        gr.Button().click(lambda x: (x, x), src, [shown, editable])
    config = demo.get_config()
    assert component(config, "src")["props"]["interactive"] is True
    assert component(config, "shown")["props"]["interactive"] is False
    assert component(config, "editable")["props"]["interactive"] is True


def test_gr_skip_leaves_the_outputs_as_they_are():
    with gr.Blocks() as demo:
        first, second = gr.Number(1, label="first"), gr.Number(2, label="second")
        gr.Button("Skip").click(lambda: [gr.skip(), gr.skip()], None, [first, second])
    updates = updates_of(FakeHost(demo).fire(0))
    assert updates == [{"id": first.id}, {"id": second.id}]
