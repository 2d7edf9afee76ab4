"""What Gradio's clients read before calling: ``/config`` and ``/gradio_api/info``.

The config is the core's own (see ``protocol``) plus the fields Gradio's
clients look for: the protocol they speak with this server, the API prefix,
which components carry no API value (``skip_api``) and the app's limits.
"""

from __future__ import annotations

from typing import Any

from ..blocks import Blocks
from ..components.base import Component
from ..components.schemas import FILE_DATA_SCHEMA
from ..components.state import State

API_PREFIX = "/gradio_api"
# The Gradio release whose client protocol and API this server follows (SSE v3 with diffs),
# reported as /config's ``version``: gradio_client and @gradio/client only compare it against
# old releases (3.36.1, 4.29.0) to pick their routes, so the truth costs nothing.
GRADIO_VERSION = "6.31.0"

# Components whose values are not API inputs or outputs (Gradio's SKIP_COMPONENTS).
_SKIPPED_TYPES = frozenset({"state", "row", "column", "tabs", "tab", "tabitem", "form", "accordion", "group", "dataset"})

def file_route_url(request_url: str) -> str:
    """The file route (``.../gradio_api/file=``) as a client reached the API at
    ``request_url`` (Gradio's clients are given absolute URLs)."""
    url = request_url.split("?", 1)[0]
    return url[: url.rindex(API_PREFIX + "/") + len(API_PREFIX)] + "/file="


_FILE_DATA = FILE_DATA_SCHEMA

# Gradio's VideoData: a video and its optional subtitles.
_VIDEO_DATA: dict[str, Any] = {
    "title": "VideoData",
    "type": "object",
    "properties": {"video": _FILE_DATA, "subtitles": {"anyOf": [_FILE_DATA, {"type": "null"}], "default": None}},
    "required": ["video"],
}

# (JSON schema, Python type) of each component's API value.
_TYPES: dict[str, tuple[dict[str, Any], str]] = {
    "file": (_FILE_DATA, "filepath"),
    "image": (_FILE_DATA, "filepath"),
    "audio": (_FILE_DATA, "filepath"),
    "video": (_VIDEO_DATA, "dict(video: filepath, subtitles: filepath | None)"),
    "textbox": ({"type": "string"}, "str"),
    "number": ({"type": "number"}, "float"),
    "slider": ({"type": "number"}, "float"),
    "checkbox": ({"type": "boolean"}, "bool"),
    "checkboxgroup": ({"type": "array", "items": {"type": "string"}}, "list[str]"),
    "radio": ({"type": "string"}, "str"),
    "markdown": ({"type": "string"}, "str"),
    "html": ({"type": "string"}, "str"),
    "json": ({"type": "object"}, "dict | list | str | float | bool | None"),
    "label": ({"type": "object"}, "dict"),
    "button": ({"type": "string"}, "str"),
    "deeplinkbutton": ({"type": "string"}, "str"),
    "loginbutton": ({"type": "string"}, "str"),
    "uploadbutton": (_FILE_DATA, "filepath"),
    "downloadbutton": (_FILE_DATA, "filepath"),
    "browserstate": ({}, "Any"),
}


def _value_type(component: Component) -> tuple[dict[str, Any], str]:
    # A component that states its own schema is believed first (the table below is the fallback).
    own_schema, own_type = getattr(component, "api_info", None), getattr(component, "api_python_type", None)
    if callable(own_schema) and callable(own_type):
        return own_schema(), str(own_type())
    if component.TYPE == "dropdown" and getattr(component, "multiselect", False):
        return {"type": "array", "items": {"type": "string"}}, "list[str]"
    if component.TYPE == "uploadbutton" and getattr(component, "file_count", "single") != "single":
        return {"type": "array", "items": _FILE_DATA}, "list[filepath]"
    return _TYPES.get(component.TYPE, ({}, "Any"))


def client_config(app: Blocks, max_file_size: int | None, root_url: str | None = None, mcp_server: bool = False) -> dict[str, Any]:
    """``root_url`` is the app's URL as the client reached it: Gradio's clients read
    ``root`` as that URL (the host's ``root``, the layout's id, is not theirs)."""
    # Gradio's client reads more than the host does: the core's config, widened.
    config: dict[str, Any] = dict(app.get_config())
    if root_url is not None:
        config["root"] = root_url
    for component in config["components"]:
        component["skip_api"] = component["type"] in _SKIPPED_TYPES
    for dependency, described in zip(app.dependencies, config["dependencies"]):
        described["api_visibility"] = dependency.api_visibility
        described["backend_fn"] = dependency.fn is not None
    config.update(
        version=GRADIO_VERSION,
        protocol="sse_v3",
        api_prefix=API_PREFIX,
        mode=app.mode,
        max_file_size=max_file_size,
        connect_heartbeat=False,
        is_space=False,
        enable_queue=True,
        mcp_server=mcp_server,
    )
    return config


def _parameter(component: Component, index: int) -> dict[str, Any]:
    schema, python_type = _value_type(component)
    label = component.label or f"parameter_{component.id}"
    return {
        "label": label,
        "parameter_name": _identifier(label, index),
        "parameter_has_default": True,
        "parameter_default": component.value,
        "type": schema,
        "python_type": {"type": python_type, "description": ""},
        "component": type(component).__name__,
        "example_input": component.value,
    }


def _identifier(label: str, index: int) -> str:
    name = "".join(char if char.isalnum() else "_" for char in label.strip().lower()).strip("_")
    return name if name and not name[0].isdigit() else f"param_{index}"


def _returned(component: Component) -> dict[str, Any]:
    schema, python_type = _value_type(component)
    return {
        "label": component.label or "value",
        "type": schema,
        "python_type": {"type": python_type, "description": ""},
        "component": type(component).__name__,
    }


def callable_endpoints(app: Blocks) -> dict[str, int]:
    """The function index of each API name a client may call (a private endpoint is not callable)."""
    return {
        dependency.api_name: index
        for index, dependency in enumerate(app.dependencies)
        if dependency.api_name is not None and dependency.fn is not None
        and dependency.api_visibility != "private"
    }


def api_info(app: Blocks) -> dict[str, Any]:
    """Every callable dependency with its parameters and returns; State is left out, as Gradio does."""
    named: dict[str, Any] = {}
    for dependency in app.dependencies:
        if dependency.api_name is None or dependency.fn is None or dependency.api_visibility != "public":
            continue
        inputs = [component for component in dependency.inputs if not isinstance(component, State)]
        outputs = [component for component in dependency.outputs if component.TYPE not in _SKIPPED_TYPES]
        named["/" + dependency.api_name] = {
            "parameters": [_parameter(component, index) for index, component in enumerate(inputs)],
            "returns": [_returned(component) for component in outputs],
            "show_api": True,
        }
    return {"named_endpoints": named, "unnamed_endpoints": {}}
