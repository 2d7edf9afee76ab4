"""``gr.api``: an API (and MCP) endpoint for a typed function, with no UI of its own.

As in Gradio, each parameter and each returned value gets an ``Api`` component,
labelled "1st", "2nd" ...: it shows nothing and passes values through
untouched; its API schema comes from the function's type hints.
"""

from __future__ import annotations

import inspect
import types
import typing
from collections.abc import Callable
from typing import Any

from .components.base import Component


class Api(Component):
    """A value of a ``gr.api`` endpoint: described by a JSON schema, never shown."""

    TYPE = "api"

    def __init__(self, value: Any, schema: dict[str, Any], label: str = "API") -> None:
        self.schema = schema
        super().__init__(value, label=label, visible=False)

    def preprocess(self, payload: Any) -> Any:
        return payload

    def postprocess(self, value: Any) -> Any:
        return value

    def api_info(self) -> dict[str, Any]:
        return self.schema


_PLAIN_SCHEMAS: dict[Any, dict[str, Any]] = {
    type(None): {"type": "null"}, str: {"type": "string"}, int: {"type": "integer"}, float: {"type": "number"},
    bool: {"type": "boolean"}, dict: {"type": "object", "additionalProperties": {}}, list: {"type": "array", "items": {}},
    tuple: {"type": "array"}, set: {"type": "array", "uniqueItems": True}, frozenset: {"type": "array", "uniqueItems": True},
    bytes: {"type": "string", "format": "byte"},
}


def schema_of(hint: Any) -> dict[str, Any]:
    """The JSON schema Gradio's client derives from a type hint; ``{}`` (any value) when it has none."""
    if hint is Any:
        return {}
    if hint in _PLAIN_SCHEMAS:
        return dict(_PLAIN_SCHEMAS[hint])
    origin, arguments = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Literal:
        return {"const": arguments[0]} if len(arguments) == 1 else {"enum": list(arguments)}
    if origin is typing.Union or origin is types.UnionType:
        if len(arguments) == 2 and type(None) in arguments:
            other = next(argument for argument in arguments if argument is not type(None))
            return {"oneOf": [{"type": "null"}, schema_of(other)]}
        return {"anyOf": [schema_of(argument) for argument in arguments]}
    if origin is list:
        return {"type": "array", "items": schema_of(arguments[0]) if arguments else {}}
    if origin in (set, frozenset):
        return {"type": "array", "uniqueItems": True, **({"items": schema_of(arguments[0])} if arguments else {})}
    if origin is tuple:
        if len(arguments) == 2 and arguments[1] is Ellipsis:
            return {"type": "array", "items": schema_of(arguments[0])}
        if not arguments:
            return {"type": "array"}
        return {"type": "array", "prefixItems": [schema_of(argument) for argument in arguments],
                "minItems": len(arguments), "maxItems": len(arguments)}
    if origin is dict:
        return {"type": "object", "additionalProperties": schema_of(arguments[1]) if len(arguments) == 2 else {}}
    return {}


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _returned_hints(hints: dict[str, Any]) -> list[Any]:
    returned = hints.get("return", inspect.Signature.empty)
    if returned in (inspect.Signature.empty, None, type(None)):
        return []
    if typing.get_origin(returned) is tuple:
        return list(typing.get_args(returned))
    return [returned]


def api(fn: Any = "decorator", api_name: str | None = None, **kwargs: Any) -> Any:
    """Make ``fn`` an endpoint named ``api_name`` (else its own name), typed by its hints.

    Takes Gradio's listener options (``queue``, ``concurrency_limit``, ``api_visibility`` ...).
    """
    if fn == "decorator":
        def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
            api(function, api_name, **kwargs)
            return function

        return decorate
    from .events import on

    try:
        hints = typing.get_type_hints(fn)
    except (NameError, TypeError):
        hints = {}
    parameters = [p for p in inspect.signature(fn).parameters.values()
                  if p.kind not in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)]
    if any(parameter.name not in hints for parameter in parameters):
        raise ValueError("API endpoints must have type hints. Please specify a type hint for all parameters.")
    inputs = [
        Api(None if parameter.default is inspect.Parameter.empty else parameter.default,
            schema_of(hints[parameter.name]), _ordinal(index + 1))
        for index, parameter in enumerate(parameters)
    ]
    outputs = [Api(None, schema_of(hint), _ordinal(index + 1)) for index, hint in enumerate(_returned_hints(hints))]
    return on([], fn, inputs, outputs, api_name=api_name, preprocess=False, postprocess=False,
              show_progress="hidden", **kwargs)
