"""What Gradio's clients read before calling: ``/config`` and ``/gradio_api/info``.

The config is the core's own (see ``protocol``) plus the fields Gradio's
clients look for: the protocol they speak with this server, the API prefix,
which components carry no API value (``skip_api``) and the app's limits.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from ..blocks import Blocks
from ..components.base import Component
from ..pages import page_list, without_pages
from ..processing import is_supplied_parameter

API_PREFIX = "/gradio_api"
# The Gradio release whose client protocol and API this server follows (SSE v3 with diffs),
# reported as /config's ``version``: gradio_client and @gradio/client only compare it against
# old releases (3.36.1, 4.29.0) to pick their routes, so the truth costs nothing.
GRADIO_VERSION = "6.31.0"


def file_route_url(request_url: str) -> str:
    """The file route (``.../gradio_api/file=``) as a client reached the API at
    ``request_url`` (Gradio's clients are given absolute URLs)."""
    url = request_url.split("?", 1)[0]
    return url[: url.rindex(API_PREFIX + "/") + len(API_PREFIX)] + "/file="


def python_type_of(schema: dict[str, Any]) -> str:
    """The Python type the API page names for a value of this JSON schema (as Gradio's
    client derives it from ``api_info``): FileData is a ``filepath``, ``{}`` is ``Any``."""
    if schema.get("title") == "FileData":
        return "filepath"
    if "anyOf" in schema:
        return " | ".join(python_type_of(option) for option in schema["anyOf"])
    kind = schema.get("type")
    if kind == "array":
        return f"list[{python_type_of(schema.get('items', {}))}]"
    if kind == "object" and "properties" in schema:
        fields = ", ".join(f"{name}: {python_type_of(field)}" for name, field in schema["properties"].items())
        return f"dict({fields})"
    return _JSON_TO_PYTHON.get(kind, "Any") if isinstance(kind, str) else "Any"


_JSON_TO_PYTHON = {"string": "str", "number": "float", "integer": "int", "boolean": "bool", "object": "dict", "null": "None"}


def _value_type(component: Component) -> tuple[dict[str, Any], str]:
    """The component's API schema and the Python type the API page names for it."""
    schema = component.api_info()
    return schema, component.API_PYTHON_TYPE or python_type_of(schema)


def client_config(app: Blocks, max_file_size: int | None, root_url: str | None = None, mcp_server: bool = False) -> dict[str, Any]:
    """``root_url`` is the app's URL as the client reached it: Gradio's clients read
    ``root`` as that URL (the host's ``root``, the layout's id, is not theirs)."""
    # Gradio's client reads more than the host does: the core's config, widened.
    config: dict[str, Any] = without_pages(dict(app.get_config()))
    if root_url is not None:
        config["root"] = root_url
    blocks = {block.id: block for block in app.blocks_in_app()}
    for component in config["components"]:
        component["skip_api"] = blocks[component["id"]].SKIP_API
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
        pages=page_list(app),
    )
    return config


# Names a client's own keyword arguments take, so no parameter may have them (Gradio's rule).
_CLIENT_KEYWORDS = frozenset({"api_name", "fn_index", "result_callbacks"})


def _function_parameters(fn: Callable[..., Any] | None) -> list[inspect.Parameter]:
    """The parameters of ``fn`` that take inputs, in order: up to ``*args``, without those the
    runtime supplies (``gr.Request``, ``gr.EventData``, OAuth), as Gradio counts them."""
    try:
        parameters = list(inspect.signature(fn).parameters.values()) if fn is not None else []
    except (TypeError, ValueError):
        return []
    taken = []
    for parameter in parameters:
        if parameter.kind in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD):
            break
        if not is_supplied_parameter(parameter):
            taken.append(parameter)
    return taken


def _parameter(component: Component, index: int, function_parameter: inspect.Parameter | None) -> dict[str, Any]:
    """Input ``index`` of an endpoint. As in Gradio: named after the function's parameter; optional
    for a client when the component starts with a value, or the parameter defaults to None."""
    schema, python_type = _value_type(component)
    label = component.label or f"parameter_{component.id}"
    if function_parameter is not None and function_parameter.name not in _CLIENT_KEYWORDS:
        name = function_parameter.name
    else:
        name = f"param_{index}"
    if component.value is not None:
        has_default, default = True, component.value
    else:
        has_default = function_parameter is not None and function_parameter.default is None
        default = None
    return {
        "label": label,
        "parameter_name": name,
        "parameter_has_default": has_default,
        "parameter_default": default,
        "type": schema,
        "python_type": {"type": python_type, "description": ""},
        "component": type(component).__name__,
        "example_input": component.value,
    }


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
    """Every callable dependency with its parameters and returns, each as its component describes
    itself (``api_info``); inputs and outputs that carry no API value (State, a Button, layouts) are left out, as in Gradio."""
    named: dict[str, Any] = {}
    for dependency in app.dependencies:
        if dependency.api_name is None or dependency.fn is None or dependency.api_visibility != "public":
            continue
        function_parameters = _function_parameters(dependency.fn)
        parameters = [
            _parameter(component, index, function_parameters[index] if index < len(function_parameters) else None)
            for index, component in enumerate(dependency.inputs) if not component.SKIP_API
        ]
        outputs = [component for component in dependency.outputs if not component.SKIP_API]
        named["/" + dependency.api_name] = {
            "parameters": parameters,
            "returns": [_returned(component) for component in outputs],
            "show_api": True,
        }
    return {"named_endpoints": named, "unnamed_endpoints": {}}
