"""Answers the real ``gradio_client`` gets from a Pagelet server, each as Gradio 6.31 gives it
(measured against Gradio's own demos by ``scripts/compat``)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from serving import client, served

import pagelet as gr


def test_answers_keep_gradios_shapes() -> None:
    with gr.Blocks() as demo:
        total = gr.Number(label="Total")
        code = gr.Code(language="html")
        stars = gr.HTML(3, html_template="${value} ${size}", size=40)
        plot = gr.BarPlot(x="a", y="b")
        go = gr.Button("Go")

        def numpy_total() -> object:
            return np.int64(0)

        def template() -> str:
            return """
    <b>hi</b>
"""

        def bigger() -> object:
            return gr.HTML(size=60)

        def bars() -> object:
            return pd.DataFrame({"a": ["x", "y"], "b": [1, 2]})

        go.click(numpy_total, None, total)
        go.click(template, None, code)
        go.click(bigger, None, stars)
        go.click(bars, None, plot)
    with served(demo) as url:
        api = client(url)
        # Gradio's event stream writes a numpy scalar as its text.
        assert api.predict(api_name="/numpy_total") == "0"
        assert api.predict(api_name="/template") == "<b>hi</b>"
        assert api.predict(api_name="/bigger") == {"__type__": "update", "props": {"size": 60, "__type__": "update"}}
        assert api.predict(api_name="/bars") == {
            "columns": ["a", "b"], "data": [["x", 1], ["y", 2]],
            "datatypes": {"a": "nominal", "b": "quantitative"}, "mark": "bar",
        }


def test_a_generator_that_yields_nothing_answers_none() -> None:
    with gr.Blocks() as demo:
        text = gr.Textbox()
        shown = gr.Textbox(value="start")

        def spell(word: str):  # type: ignore[no-untyped-def]
            for end in range(len(word)):
                yield word[: end + 1]

        text.submit(spell, text, shown)
    with served(demo) as url:
        api = client(url)
        assert api.predict("", api_name="/spell") is None
        assert api.predict("ab", api_name="/spell") == "ab"
