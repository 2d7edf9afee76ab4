"""``/gradio_api/info`` as each component describes itself (``api_info``), unchanged from the
per-type table it replaced, and equal to gradio 6.31's where Pagelet already matched it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import pagelet as gr
from pagelet.server.api_info import api_info
from broad_api_app import FIXTURES, broad_app, described


def test_every_component_type_is_described_as_before_byte_for_byte() -> None:
    body, flags = described(broad_app())
    before = (FIXTURES / "api_info_broad.json").read_text()
    # A readable difference first, then the bytes themselves (key order included).
    assert json.loads(body) == json.loads(before)
    assert body == before
    assert flags == json.loads((FIXTURES / "skip_api_broad.json").read_text())


# Measured with gradio 6.31: Component().api_info() and, for the python type,
# gradio_client.utils.json_schema_to_python_type of it.
GRADIO_SCHEMAS = [
    (lambda: gr.Textbox(), {"type": "string"}, "str"),
    (lambda: gr.Number(), {"type": "number"}, "float"),
    (lambda: gr.Checkbox(), {"type": "boolean"}, "bool"),
    (lambda: gr.Markdown(), {"type": "string"}, "str"),
    (lambda: gr.HTML(), {"type": "string"}, "str"),
]


@pytest.mark.parametrize(("make", "schema", "python_type"), GRADIO_SCHEMAS)
def test_a_component_answers_the_schema_gradio_gives(make, schema, python_type) -> None:
    component = make()
    assert component.api_info() == schema
    with gr.Blocks() as demo:
        component.render()
        gr.Button("Go").click(lambda value: value, component, component, api_name="same")
    endpoint = api_info(demo)["named_endpoints"]["/same"]
    assert endpoint["parameters"][0]["python_type"]["type"] == python_type
    assert endpoint["returns"][0]["type"] == schema


# Gradio names these file values "filepath" too (their schemas are richer than Pagelet's).
@pytest.mark.parametrize("make", [gr.File, gr.Image, gr.Audio, gr.UploadButton, gr.DownloadButton])
def test_file_values_are_filepaths_as_in_gradio(make) -> None:
    component = make()
    assert component.api_info()["title"] == "FileData"
    with gr.Blocks() as demo:
        component.render()
        gr.Button("Go").click(lambda value: value, component, component, api_name="file")
    assert api_info(demo)["named_endpoints"]["/file"]["parameters"][0]["python_type"]["type"] == "filepath"


def test_a_new_component_needs_only_its_own_api_info() -> None:
    class Rating(gr.Number):
        TYPE = "rating"

        def api_info(self) -> dict:
            return {"type": "array", "items": {"type": "integer"}}

    class Panel(gr.Row):
        TYPE = "panel"

    with gr.Blocks() as demo:
        rating = Rating(label="Stars")
        with Panel() as panel:
            pass
        gr.Button("Go").click(lambda stars: (stars, gr.update()), rating, [rating, panel], api_name="rate")
    endpoint = api_info(demo)["named_endpoints"]["/rate"]
    assert endpoint["parameters"][0]["python_type"]["type"] == "list[int]"
    assert [returned["component"] for returned in endpoint["returns"]] == ["Rating"]


def test_buttons_are_out_of_the_api_and_a_dataset_is_its_index_as_gradio_6_31_answers() -> None:
    # Measured with gradio 6.31: a Button is neither a parameter nor a return; a Dataset is an int.
    with gr.Blocks() as demo:
        button = gr.Button("Go")
        box = gr.Textbox(label="Out")
        examples = gr.Dataset(components=[box], samples=[["a"]])
        button.click(lambda value: value, button, button, api_name="press")
        examples.click(lambda index: str(index), examples, box, api_name="pick")
    named = api_info(demo)["named_endpoints"]
    assert named["/press"]["parameters"] == [] and named["/press"]["returns"] == []
    (picked,) = named["/pick"]["parameters"]
    assert picked["type"] == {"type": "integer", "description": "index of selected example"}
    assert picked["python_type"]["type"] == "int" and picked["component"] == "Dataset"
