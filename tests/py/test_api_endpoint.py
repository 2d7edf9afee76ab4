"""gr.api: an endpoint typed by the function's hints, with no UI."""

from __future__ import annotations

from typing import Literal

import pytest
from fake_host import FakeHost, updates_of

import pagelet as gr
from pagelet.server.api_info import api_info


def test_a_typed_function_is_an_endpoint_with_hidden_values_labelled_as_in_gradio() -> None:
    def slice_list(lst: list, start: int, end: int = 2) -> list[str]:
        return lst[start:end]

    with gr.Blocks() as demo:
        gr.api(slice_list)
    described = api_info(demo)["named_endpoints"]["/slice_list"]
    assert [(p["label"], p["parameter_name"], p["type"], p["parameter_has_default"]) for p in described["parameters"]] == [
        ("1st", "lst", {"type": "array", "items": {}}, False),
        ("2nd", "start", {"type": "integer"}, False),
        ("3rd", "end", {"type": "integer"}, True),
    ]
    assert described["returns"][0]["type"] == {"type": "array", "items": {"type": "string"}}
    components = demo.get_config()["components"]
    assert [(c["type"], c["props"]["label"], c["props"]["visible"]) for c in components] == [
        ("api", "1st", False), ("api", "2nd", False), ("api", "3rd", False), ("api", "1st", False),
    ]
    assert updates_of(FakeHost(demo).fire(0, ["a", "b", "c"], 1, 3))[0]["value"] == ["b", "c"]


def test_hints_become_json_schemas() -> None:
    from pagelet.api_endpoint import schema_of

    assert schema_of(int | None) == {"oneOf": [{"type": "null"}, {"type": "integer"}]}
    assert schema_of(Literal["a", "b"]) == {"enum": ["a", "b"]}
    assert schema_of(dict[str, float]) == {"type": "object", "additionalProperties": {"type": "number"}}
    assert schema_of(tuple[int, str]) == {"type": "array", "prefixItems": [{"type": "integer"}, {"type": "string"}], "minItems": 2, "maxItems": 2}


def test_every_parameter_needs_a_hint() -> None:
    with gr.Blocks(), pytest.raises(ValueError, match="type hints"):
        gr.api(lambda x: x)
