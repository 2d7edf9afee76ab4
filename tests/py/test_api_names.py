"""API names and visibility as gradio 6.31 gives them (each expected list measured with the real gradio)."""

from __future__ import annotations

import pytest

import pagelet as gr
from pagelet.server.api_info import api_info, callable_endpoints, client_config
from fake_host import FakeHost, updates_of


def named(demo: gr.Blocks) -> list[str]:
    return sorted(api_info(demo)["named_endpoints"])


def echo(message, history):
    return "You said " + message


def test_chat_interface_endpoint_is_named_after_its_function_and_answers_the_reply():
    demo = gr.ChatInterface(echo)
    assert named(demo) == ["/echo"]
    endpoint = api_info(demo)["named_endpoints"]["/echo"]
    assert [p["component"] for p in endpoint["parameters"]] == ["Textbox"]
    assert [r["label"] for r in endpoint["returns"]] == ["Response"]
    index = callable_endpoints(demo)["echo"]
    updates = updates_of(FakeHost(demo).fire(index, "hi", []))
    assert {"id": demo.api_response.id, "value": "You said hi"} in updates
    hidden = {c["id"]: c for c in client_config(demo, None)["components"]}
    assert hidden[demo.api_response.id]["props"]["visible"] is False


def test_chat_interface_api_name_can_be_given():
    assert named(gr.ChatInterface(echo, api_name="talk")) == ["/talk"]


def greet(name):
    return "hi " + name


def test_lambdas_private_and_undocumented_endpoints_as_gradio():
    with gr.Blocks() as demo:
        text, out, button = gr.Textbox(label="t"), gr.Textbox(label="o"), gr.Button("b")
        button.click(lambda x: x, text, out)
        button.click(lambda x: x, text, out)
        text.submit(lambda x: x + "!", text, out)
        button.click(greet, text, out, api_visibility="private")
        button.click(greet, text, out, api_visibility="undocumented")
        button.click(greet, text, out, api_name=False)
        button.click(greet, text, out, api_name="named")
    assert named(demo) == ["/lambda", "/lambda_1", "/lambda_2", "/named"]
    visibility = [d["api_visibility"] for d in client_config(demo, None)["dependencies"]]
    assert visibility[3:] == ["private", "undocumented", "private", "public"]
    callable_names = set(callable_endpoints(demo))
    assert "greet_1" in callable_names and "greet" not in callable_names


def test_a_bad_api_visibility_is_refused():
    with gr.Blocks():
        with pytest.raises(ValueError, match="api_visibility"):
            gr.Button("b").click(greet, None, None, api_visibility="hidden")


def test_interface_has_gradio_s_flag_button_unless_turned_off(monkeypatch):
    def buttons(demo):
        return [c["props"].get("value") for c in demo.get_config()["components"] if c["type"] == "button"]

    assert buttons(gr.Interface(greet, "textbox", "textbox")) == ["Clear", "Submit", "Flag"]
    assert "Flag" not in buttons(gr.Interface(greet, "textbox", "textbox", flagging_mode="never"))
    monkeypatch.setenv("GRADIO_FLAGGING_MODE", "never")
    assert "Flag" not in buttons(gr.Interface(greet, "textbox", "textbox"))


def test_an_interfaces_clear_lambda_counts_in_the_lambda_numbering_as_in_gradio():
    # Gradio 6.31: the Interface's function is /lambda, its Flag button's lambda /lambda_1 (undocumented),
    # so the app's next lambda is /lambda_2.
    with gr.Blocks() as demo:
        gr.Interface(lambda text: text, "text", "text")
        button = gr.Button("Go")
        button.click(lambda: 1, None, None)
    assert named(demo) == ["/lambda", "/lambda_2"]
    assert [d.api_name for d in demo.dependencies if d.api_visibility == "undocumented"] == ["lambda_1"]


def test_a_random_sliders_load_endpoint_is_named_as_in_gradio():
    with gr.Blocks() as demo:
        slider = gr.Slider(0, 10, value=3, randomize=True)
        gr.Slider(0, 10, randomize=True)
    demo.attach_load_events()
    assert named(demo) == ["/get_random_value", "/get_random_value_1"]
    # randomize wins over a value, as Gradio documents it.
    assert slider.value_fn == slider.get_random_value


def test_each_flag_button_has_a_lambda_and_the_clear_button_none_as_in_gradio():
    with gr.Blocks() as demo:
        gr.Interface(greet, "text", "text", flagging_options=["blurry", "incorrect", "other"])
        gr.Button("Go").click(lambda: 1, None, None)
    assert named(demo) == ["/greet", "/lambda_3"]
    with gr.Blocks() as unflagged:
        gr.Interface(greet, "text", "text", flagging_mode="never")
        gr.Button("Go").click(lambda: 1, None, None)
    assert named(unflagged) == ["/greet", "/lambda"]


def test_an_interfaces_api_visibility_hides_its_endpoint():
    demo = gr.TabbedInterface([gr.Interface(greet, "text", "text"), gr.Interface(echo, "text", "text", api_visibility="private")])
    assert named(demo) == ["/greet"]
