"""gr.api: an endpoint for a typed function, nothing on the page (Gradio's mcp_tool_only demo)."""

from __future__ import annotations

import pytest

import pagelet as gr
from fake_host import FakeHost, updates_of
from pagelet.server.api_info import api_info


def slice_list(lst: list, start: int, end: int = 2) -> list:
    return lst[start:end]


def build() -> gr.Blocks:
    with gr.Blocks() as demo:
        gr.Markdown("An API-only tool")
        gr.api(slice_list)
    return demo


def test_each_parameter_and_result_is_a_hidden_api_value() -> None:
    config = build().get_config()
    shown = [(c["type"], c["props"]["label"], c["props"]["visible"]) for c in config["components"] if c["type"] == "api"]
    assert shown == [("api", "1st", False), ("api", "2nd", False), ("api", "3rd", False), ("api", "1st", False)]
    assert [d["api_name"] for d in config["dependencies"]] == ["slice_list"]


def test_a_call_passes_values_through_untouched() -> None:
    demo = build()
    output = demo.dependencies[0].outputs[0]
    assert updates_of(FakeHost(demo).fire(0, [1, 2, 3, 4], 1, 3)) == [{"id": output.id, "value": [2, 3]}]


def test_the_api_page_reads_the_types_from_the_hints() -> None:
    endpoint = api_info(build())["named_endpoints"]["/slice_list"]
    assert [p["type"] for p in endpoint["parameters"]] == [{"type": "array"}, {"type": "integer"}, {"type": "integer"}]


def test_an_untyped_parameter_is_refused() -> None:
    with gr.Blocks(), pytest.raises(ValueError, match="type hints"):
        gr.api(lambda x: x)
