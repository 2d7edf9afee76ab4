"""Values as gradio 6.31 gives them (each expected value measured with the real gradio)."""

from __future__ import annotations

import pytest

import pagelet as gr


@pytest.mark.parametrize(
    ("returned", "shown"),
    [
        (None, {}),
        ({}, {}),
        ("cat", {"label": "cat", "confidences": None}),
        (3, {"label": "3", "confidences": None}),
    ],
)
def test_label_values_as_gradio(returned, shown):
    assert gr.Label(render=False).postprocess(returned) == shown


def test_label_top_classes_as_gradio():
    shown = gr.Label(num_top_classes=1, render=False).postprocess({"a": 0.2, "b": 0.7})
    assert shown == {"label": "b", "confidences": [{"label": "b", "confidence": 0.7}]}


def tokens(*pairs):
    return [{"token": token, "class_or_confidence": label} for token, label in pairs]


@pytest.mark.parametrize(
    ("options", "value", "shown"),
    [
        (
            {"combine_adjacent": True},
            [("The", None), ("quick", "ADJ"), ("brown", "ADJ"), ("fox", None), ("jumps", None), ("", "X")],
            tokens(("The", None), ("quickbrown", "ADJ"), ("foxjumps", None)),
        ),
        ({"combine_adjacent": True, "adjacent_separator": " "}, [("a", "B"), ("b", "B"), ("c", None)], tokens(("a b", "B"), ("c", None))),
        (
            {},
            {"text": "Hello world here", "entities": [{"entity": "X", "start": 0, "end": 5}, {"entity_group": "Y", "start": 6, "end": 11}]},
            tokens(("", None), ("Hello", "X"), (" ", None), ("world", "Y"), (" here", None)),
        ),
        ({}, {"text": "Hello", "entities": []}, tokens(("Hello", None))),
        (
            {"combine_adjacent": True},
            {"text": "Hello world", "entities": [{"entity": "X", "start": 0, "end": 5}, {"entity": "X", "start": 5, "end": 11}]},
            tokens(("Hello world", "X")),
        ),
        ({"show_whitespaces": False}, [(" a ", "B")], tokens(("a", "B"))),
    ],
)
def test_highlighted_text_tokens_as_gradio(options, value, shown):
    assert gr.HighlightedText(render=False, **options).postprocess(value) == shown


def test_numpy_values_make_a_config_the_page_and_clients_can_read():
    # Gradio takes numpy scalars and arrays as component values; /config must still encode.
    import json

    import numpy as np

    from pagelet.protocol import config_message, encode
    from pagelet.server.api_info import client_config

    with gr.Blocks() as demo:
        slider = gr.Slider(0, 10, np.int64(3), label="Level")
        number = gr.Number(np.float32(2.5), label="Ratio")
        gr.JSON(np.array([1, 2]), label="Data")
        gr.Dataframe(np.array([[1, 2], [3, 4]]), label="Table")
    # A numpy scalar stays one, as in Gradio 6.31 (checked side by side); the config writes it as a number.
    assert slider.value == 3 and number.value == 2.5
    config = json.loads(encode(config_message(client_config(demo, None))))
    values = {c["props"].get("label"): c["props"].get("value") for c in config["config"]["components"]}
    assert values["Data"] == [1, 2] and values["Level"] == 3 and values["Ratio"] == 2.5
