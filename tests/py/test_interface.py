"""Interface builds the app Gradio would: names, layout, wiring, examples."""

from __future__ import annotations

import asyncio

import pagelet as gr

from fake_host import FakeHost, component, final_stage, updates_of


def greet(name):
    return "Hello " + name + "!"


def test_hello_world_labels_and_buttons_match_gradio():
    demo = gr.Interface(greet, "textbox", "textbox")
    config = demo.get_config()
    name = component(config, "name")
    output = component(config, "output")
    assert name["type"] == "textbox" and name["props"]["interactive"] is True
    assert output["props"]["interactive"] is False
    buttons = [c["props"]["value"] for c in config["components"] if c["type"] == "button"]
    assert buttons == ["Clear", "Submit", "Flag"]
    submit = next(c for c in config["components"] if c["props"].get("value") == "Submit")
    assert submit["props"]["variant"] == "primary"


def test_submit_runs_the_function_and_textbox_enter_submits_too():
    demo = gr.Interface(greet, "textbox", "textbox")
    config = demo.get_config()
    predict = config["dependencies"][0]
    name_id = component(config, "name")["id"]
    # Gradio names an Interface's endpoint after its function.
    assert predict["api_name"] == "greet"
    assert [name_id, "submit"] in predict["targets"]
    messages = FakeHost(demo).fire(0, "Ada")
    assert updates_of(messages) == [{"id": component(config, "output")["id"], "value": "Hello Ada!"}]
    assert final_stage(messages) == "done"


def test_several_outputs_are_numbered():
    demo = gr.Interface(lambda x: (x, x), "number", ["number", "textbox"])
    config = demo.get_config()
    assert component(config, "output 0")["type"] == "number"
    assert component(config, "output 1")["type"] == "textbox"
    assert component(config, "x")["type"] == "number"


def test_explicit_labels_win_over_parameter_names():
    demo = gr.Interface(greet, gr.Textbox(label="Your name"), gr.Textbox(label="Greeting"))
    config = demo.get_config()
    assert component(config, "Your name") and component(config, "Greeting")


def test_title_description_article_render_as_markdown():
    demo = gr.Interface(greet, "text", "text", title="Greeter", description="Says *hello*", article="Made with care")
    markdown = [c["props"]["value"] for c in demo.get_config()["components"] if c["type"] == "markdown"]
    assert "Greeter" in markdown[0] and markdown[1] == "Says *hello*" and markdown[2] == "Made with care"
    assert demo.get_config()["title"] == "Greeter"


def test_clear_resets_inputs_and_outputs():
    demo = gr.Interface(lambda a, b: a, ["text", "number"], "text")
    config = demo.get_config()
    clear = next(d for d in config["dependencies"] if d["inputs"] == [] and len(d["outputs"]) == 3)
    values = [update["value"] for update in updates_of(FakeHost(demo).fire(clear["id"]))]
    assert values == ["", None, ""]


def test_clicking_an_example_fills_the_inputs():
    def calc(a, op, b):
        return a + b

    demo = gr.Interface(calc, ["number", gr.Radio(["+", "-"]), "number"], "number", examples=[[5, "+", 3], [4, "-", 2]])
    config = demo.get_config()
    dataset = next(c for c in config["components"] if c["type"] == "dataset")
    # No label, as gr.Examples gives in Gradio 6's config: the page titles it "Examples".
    assert dataset["props"]["label"] is None
    with gr.Blocks():
        assert gr.Examples([["x"]], gr.Textbox(), label="Mine").dataset.label == "Mine"
    assert dataset["props"]["headers"] == ["a", "op", "b"]
    assert dataset["props"]["samples"] == [[5.0, "+", 3.0], [4.0, "-", 2.0]]
    load = next(d for d in config["dependencies"] if d["targets"] == [[dataset["id"], "click"]])
    values = [update["value"] for update in updates_of(FakeHost(demo).fire(load["id"], 1))]
    assert values == [4.0, "-", 2.0]


def test_single_input_examples_may_be_plain_values():
    demo = gr.Interface(greet, "text", "text", examples=["Ada", "Grace"])
    dataset = next(c for c in demo.get_config()["components"] if c["type"] == "dataset")
    assert dataset["props"]["samples"] == [["Ada"], ["Grace"]]


def test_live_interface_runs_on_change_without_submit_button():
    demo = gr.Interface(greet, "text", "text", live=True)
    config = demo.get_config()
    assert "Submit" not in [c["props"].get("value") for c in config["components"] if c["type"] == "button"]
    assert config["dependencies"][0]["targets"] == [[component(config, "name")["id"], "change"]]


def test_unknown_shortcut_names_the_known_ones():
    try:
        gr.Interface(greet, "imagez", "text")
    except ValueError as exc:
        assert "imagez" in str(exc) and "textbox" in str(exc)
    else:
        raise AssertionError("an unknown shortcut must be refused")


def test_every_gradio_shortcut_of_the_skeleton_resolves():
    names = ["textbox", "text", "number", "slider", "checkbox", "radio", "dropdown", "label", "json", "markdown", "html"]
    demo = gr.Interface(lambda *args: None, names[:7], names[7:])
    types = [c["type"] for c in demo.get_config()["components"]]
    for expected in ["textbox", "number", "slider", "checkbox", "radio", "dropdown", "label", "json", "markdown", "html"]:
        assert expected in types


def test_tabbed_interface_puts_each_app_in_a_tab():
    first = gr.Interface(greet, "text", "text")
    second = gr.Interface(lambda x: x * 2, "number", "number")
    demo = gr.TabbedInterface([first, second], ["Greet", "Double"])
    config = demo.get_config()
    tabs = [c["props"]["label"] for c in config["components"] if c["type"] == "tab"]
    assert tabs == ["Greet", "Double"]
    host = FakeHost(demo)
    # /lambda_1, as Gradio 6.31 names it: the first Interface's internal lambda took /lambda.
    doubled = next(d for d in config["dependencies"] if d["api_name"] == "lambda_1")
    assert updates_of(host.fire(doubled["id"], 21))[0]["value"] == 42.0


def test_a_generator_interface_gets_a_hidden_stop_button_that_cancels_the_run():
    def typewriter(text):
        yield from (text[: i + 1] for i in range(len(text)))

    demo = gr.Interface(typewriter, "textbox", "textbox")
    config = demo.get_config()
    buttons = {c["props"]["value"]: c for c in config["components"] if c["type"] == "button"}
    assert buttons["Stop"]["props"]["visible"] is False and buttons["Stop"]["props"]["variant"] == "stop"
    deps = config["dependencies"]
    predict = next(dep for dep in deps if dep["api_name"] == "typewriter")
    stop = next(dep for dep in deps if [buttons["Stop"]["id"], "click"] in dep["targets"])
    assert stop["cancels"] == [predict["id"]]
    swap = deps[predict["trigger_after"]]
    assert swap["outputs"] == [buttons["Submit"]["id"], buttons["Stop"]["id"]]
    assert [u["props"]["visible"] for u in updates_of(FakeHost(demo).fire(swap["id"]))] == [False, True]


def test_a_plain_function_gets_no_stop_button():
    config = gr.Interface(greet, "textbox", "textbox").get_config()
    assert "Stop" not in [c["props"].get("value") for c in config["components"] if c["type"] == "button"]


def test_an_output_only_interface_has_a_generate_button_as_in_gradio():
    demo = gr.Interface(lambda: "a new sample", None, "textbox")
    buttons = [c["props"]["value"] for c in demo.get_config()["components"] if c["type"] == "button"]
    assert "Generate" in buttons and "Submit" not in buttons
    named = gr.Interface(lambda: "x", None, "textbox", submit_btn="Roll")
    assert "Roll" in [c["props"]["value"] for c in named.get_config()["components"] if c["type"] == "button"]


def test_interface_examples_handler_is_the_examples_whose_dataset_apps_update() -> None:
    with gr.Blocks() as demo:
        interface = gr.Interface(lambda text: text, "textbox", "textbox", examples=["a", "b"])
        button = gr.Button("Update Examples")
        button.click(lambda: gr.Dataset(samples=[["c"]]), None, interface.examples_handler.dataset)
    assert interface.examples_handler.dataset.raw_samples == [["a"], ["b"]]
    assert demo.dependencies[-1].outputs == [interface.examples_handler.dataset]


def test_examples_take_one_value_per_input_as_gradio_dropping_extras_and_leaving_missing_ones() -> None:
    with gr.Blocks() as demo:
        kinds = gr.CheckboxGroup(["retail", "food"], label="Kinds")
        level = gr.Slider(1, 3, label="Level")
        examples = gr.Examples([["fraud.csv", ["retail"], 1.0], [["food"]]], [kinds, level])
    assert examples.examples == [["fraud.csv", ["retail"]], [["food"]]]
    host = FakeHost(demo)
    load = demo.dependencies.index(examples.load_event)
    start = len(host.messages)
    asyncio.run(host.session.handle({"v": 1, "type": "event", "event_id": "pick", "fn": load, "data": [1]}))
    # The slider, which the example has no value for, gets an update that changes nothing.
    assert updates_of(host.messages[start:]) == [{"id": kinds.id, "value": ["food"]}, {"id": level.id}]


def test_examples_dataset_has_no_label_of_its_own_as_in_gradio_the_page_names_it() -> None:
    with gr.Blocks() as demo:
        box = gr.Textbox(label="In")
        gr.Examples([["a"]], [box])
        gr.Examples([["b"]], [box], label="Try these")
    labels = [entry["props"]["label"] for entry in demo.get_config()["components"] if entry["type"] == "dataset"]
    assert labels == [None, "Try these"]
