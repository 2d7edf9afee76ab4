"""An app with every component type Pagelet has, each an input and an output of its own
endpoint, and what ``/gradio_api/info`` and ``/config``'s ``skip_api`` say of it.

``python tests/py/server/broad_api_app.py`` rewrites the fixtures the API-info test
compares against; run it only when the API's answer is meant to change.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pagelet as gr
from pagelet.protocol import encode_value
from pagelet.server.api_info import api_info, client_config

FIXTURES = Path(__file__).with_name("fixtures")


def _components() -> list[Any]:
    """One of each component class, in several variants where the API value differs."""
    return [
        gr.Textbox(label="Textbox", value="hello"), gr.TextArea(label="TextArea"),
        gr.Number(label="Number", value=3), gr.Slider(0, 10, value=4, label="Slider"),
        gr.Checkbox(label="Checkbox"), gr.CheckboxGroup(["a", "b"], label="CheckboxGroup"),
        gr.Radio(["a", "b"], label="Radio"), gr.Dropdown(["a", "b"], label="Dropdown"),
        gr.Dropdown(["a", "b"], multiselect=True, label="Dropdown multiselect"),
        gr.ColorPicker(label="ColorPicker"), gr.DateTime(label="DateTime"),
        gr.Button("Button"), gr.ClearButton(value="ClearButton"), gr.DuplicateButton(),
        gr.DeepLinkButton(), gr.LoginButton(), gr.UploadButton("UploadButton"),
        gr.UploadButton("UploadButton multiple", file_count="multiple"), gr.DownloadButton("DownloadButton"),
        gr.Markdown("*md*", label="Markdown"), gr.HTML("<b>html</b>", label="HTML"),
        gr.JSON({"a": 1}, label="JSON"), gr.Label(label="Label"), gr.Code("x = 1", label="Code"),
        gr.File(label="File"), gr.File(label="Files", file_count="multiple"), gr.Image(label="Image"),
        gr.Gallery(label="Gallery"), gr.Audio(label="Audio"), gr.Video(label="Video"),
        gr.Dataframe(label="Dataframe"), gr.HighlightedText(label="HighlightedText"),
        gr.AnnotatedImage(label="AnnotatedImage"), gr.LinePlot(label="LinePlot"),
        gr.ScatterPlot(label="ScatterPlot"), gr.BarPlot(label="BarPlot"), gr.Plot(label="Plot"),
        gr.Chatbot(label="Chatbot"), gr.MultimodalTextbox(label="MultimodalTextbox"),
        gr.BrowserState(), gr.State("kept"), gr.Timer(),
    ]


def broad_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        with gr.Row() as row, gr.Column() as column, gr.Group() as group:
            components = _components()
        with gr.Tabs() as tabs, gr.Tab("Tab") as tab, gr.Accordion("Accordion") as accordion:
            dataset = gr.Dataset(components=[components[0]], samples=[["x"]])
        layouts = [row, column, group, tabs, tab, accordion]
        trigger = gr.Button("Go")
        for index, component in enumerate([*components, dataset]):
            # The names the fixtures were written with (a DeepLinkButton's type was its own then).
            name = "deeplinkbutton" if isinstance(component, gr.DeepLinkButton) else component.TYPE
            trigger.click(lambda value: value, component, component, api_name=f"c{index}_{name}")
        trigger.click(lambda text: [gr.update()] * len(layouts), components[0], layouts, api_name="layouts")
        trigger.click(lambda *values: values, [components[0], components[-2]], [components[-2], components[0]],
                      api_name="state_between")
    return demo


def described(demo: gr.Blocks) -> tuple[str, dict[str, bool]]:
    """The ``/gradio_api/info`` body as the server sends it, and the ``skip_api`` flag of
    each block in ``/config``; block ids (which depend on how many blocks the process made
    before) are written as positions in the app."""
    config = client_config(demo, None)
    positions = {component["id"]: index for index, component in enumerate(config["components"])}
    flags = {f"{positions[c['id']]}:{c['type']}": c["skip_api"] for c in config["components"]}
    body = re.sub(r"parameter_(\d+)", lambda match: f"parameter_#{positions[int(match[1])]}", encode_value(api_info(demo)))
    return body, flags


if __name__ == "__main__":
    FIXTURES.mkdir(exist_ok=True)
    body, flags = described(broad_app())
    (FIXTURES / "api_info_broad.json").write_text(body)
    (FIXTURES / "skip_api_broad.json").write_text(json.dumps(flags, indent=1) + "\n")
    print(f"wrote {FIXTURES}")
