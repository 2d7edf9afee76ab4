"""Each endpoint's parameters in /gradio_api/info, named and made optional by Gradio's rules."""

from __future__ import annotations

import pagelet as gr
from pagelet.server.api_info import api_info


def _parameters(app: gr.Blocks, api_name: str) -> list[tuple[str, bool, object]]:
    described = api_info(app)["named_endpoints"][api_name]["parameters"]
    return [(p["parameter_name"], p["parameter_has_default"], p["parameter_default"]) for p in described]


def test_parameters_are_named_after_the_function_and_required_unless_they_have_a_value() -> None:
    with gr.Blocks() as app:
        word = gr.Textbox(label="Word")
        count = gr.Number(3, label="Count")
        note = gr.Textbox(label="Note")
        kept = gr.State()
        out = gr.Textbox()

        def repeat(text: str, times: float, remark: str | None = None, memo: object = None, request: gr.Request = None) -> str:
            return text * int(times)

        gr.Button("Go").click(repeat, [word, count, note, kept], out)
        gr.Button("Many").click(lambda *values: "", [word, count], out, api_name="many")
    # No value and no default: a client must give it (Gradio's client refuses a call without it).
    assert _parameters(app, "/repeat") == [("text", False, None), ("times", True, 3), ("remark", True, None)]
    # *args names nothing: Gradio numbers the inputs.
    assert _parameters(app, "/many") == [("param_0", False, None), ("param_1", True, 3)]
