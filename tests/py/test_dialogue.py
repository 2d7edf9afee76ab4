"""gr.Dialogue: Gradio 6's config, pre/postprocessing and events; gr.OAuthToken for the demo that signs in."""

from __future__ import annotations

import pytest

import pagelet as gr
from fake_host import FakeHost, updates_of

LINES = [{"speaker": "Speaker 1", "text": "Hello"}, {"speaker": "Speaker 2", "text": "Hi there"}]


def test_config_carries_gradios_props():
    with gr.Blocks() as demo:
        dialogue = gr.Dialogue(speakers=["Speaker 1", "Speaker 2"], tags=["(laughs)"], value=LINES, interactive=True)
    props = next(c for c in demo.get_config()["components"] if c["id"] == dialogue.id)["props"]
    assert props["value"] == LINES
    assert {k: props[k] for k in ("type", "speakers", "tags", "separator", "ui_mode", "submit_btn", "label")} == {
        "type": "text", "speakers": ["Speaker 1", "Speaker 2"], "tags": ["(laughs)"], "separator": "\n",
        "ui_mode": "both", "submit_btn": False, "label": "Dialogue",
    }
    assert props["info"] == "Type colon (:) in the dialogue line to see the available tags"
    # Gradio drops the tags hint unless the dialogue is explicitly interactive.
    assert gr.Dialogue().info is None


def test_preprocess_as_text_with_the_default_and_a_custom_formatter():
    assert gr.Dialogue().preprocess(LINES) == "[Speaker 1] Hello\n[Speaker 2] Hi there"
    custom = gr.Dialogue(formatter=lambda speaker, text: f"{speaker}: {text}", separator=" | ")
    assert custom.preprocess(LINES) == "Speaker 1: Hello | Speaker 2: Hi there"
    assert gr.Dialogue().preprocess("typed as text") == "typed as text"
    # An untouched editor (one empty line) is no dialogue, as in Gradio.
    assert gr.Dialogue().preprocess([{"speaker": "Speaker 1", "text": ""}]) == ""


def test_preprocess_as_lists_and_postprocess():
    assert gr.Dialogue(type="list").preprocess(LINES) == LINES
    assert gr.Dialogue().postprocess(LINES) == LINES
    assert gr.Dialogue().postprocess("plain") == "plain"
    assert gr.Dialogue().postprocess(None) is None


def test_bad_values_are_named():
    with pytest.raises(ValueError, match="line 2 must be a dict with a 'speaker' and a 'text'"):
        gr.Dialogue().postprocess([LINES[0], {"who": "x"}])
    with pytest.raises(TypeError, match="Dialogue expects a list"):
        gr.Dialogue().preprocess(42)
    with pytest.raises(ValueError, match="Separator cannot be"):
        gr.Dialogue(separator=" ")


def test_submit_runs_with_the_formatted_dialogue_and_a_function_can_fill_it():
    with gr.Blocks() as demo:
        dialogue = gr.Dialogue(speakers=["Speaker 1", "Speaker 2"], interactive=True)
        output = gr.Textbox(label="Output")
        shown = gr.Dialogue(speakers=["Speaker 1", "Speaker 2"])
        dialogue.submit(lambda text: text, dialogue, output)
        output.change(lambda _: LINES, output, shown)
    assert all(hasattr(dialogue, event) for event in ("change", "input", "submit"))
    host = FakeHost(demo)
    assert updates_of(host.fire(0, LINES)) == [{"id": output.id, "value": "[Speaker 1] Hello\n[Speaker 2] Hi there"}]
    assert updates_of(host.fire(1, "x")) == [{"id": shown.id, "value": LINES}]
    bad = host.fire(0, 42)
    assert any(message["type"] == "alert" and "Dialogue expects a list" in message["message"] for message in bad)


def test_an_optional_oauth_token_is_none_and_a_required_one_is_refused():
    with gr.Blocks() as demo:
        text = gr.Textbox(label="Text")
        said = gr.Textbox(label="Said")

        def optional(value: str, token: gr.OAuthToken | None) -> str:
            return f"{value}: {'no token' if token is None else 'token'}"

        def required(value: str, profile: gr.OAuthProfile) -> str:
            return value

        text.submit(optional, text, said)
        text.blur(required, text, said)
    host = FakeHost(demo)
    assert updates_of(host.fire(0, "hi")) == [{"id": said.id, "value": "hi: no token"}]
    refused = host.fire(1, "hi")
    assert any("requires a logged in user" in str(message.get("message")) for message in refused)
