"""``gr.api``: an endpoint for a plain typed function, with no components on the page.

Gradio gives each parameter and each returned value a hidden ``Api`` component
whose API schema comes from the function's type hints; values pass through
untouched (no preprocess, no postprocess). The page draws nothing for them.
"""

from __future__ import annotations

import inspect
import types
import typing
from collections.abc import Callable
from typing import Any, Literal

from .components.base import Component
from .events import Dependency, _register
from .tree import current_root

_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"}, int: {"type": "integer"}, float: {"type": "number"}, bool: {"type": "boolean"},
    type(None): {"type": "null"}, Any: {},
}


class Api(Component):
    """A value an API client sends or receives; never drawn (the host renders it as State)."""

    TYPE = "api"

    def __init__(self, value: Any, schema: dict[str, Any], label: str = "API") -> None:
        self._schema = schema
        super().__init__(value, label=label, visible=False)

    def api_info(self) -> dict[str, Any]:
        return self._schema


def json_schema(hint: Any) -> dict[str, Any]:
    """The JSON schema of a Python type hint, as far as the API page needs it ({} for anything else)."""
    if hint in _SCALARS:
        return _SCALARS[hint]
    origin, arguments = typing.get_origin(hint), typing.get_args(hint)
    if origin in (list, set, tuple) or hint in (list, set, tuple):
        schema: dict[str, Any] = {"type": "array"}
        if arguments and arguments[-1] is not Ellipsis:
            schema["items"] = json_schema(arguments[0])
        return schema
    if origin is dict or hint is dict:
        schema = {"type": "object"}
        if len(arguments) == 2:
            schema["additionalProperties"] = json_schema(arguments[1])
        return schema
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [json_schema(argument) for argument in arguments]}
    if origin is Literal:
        return {"enum": list(arguments)}
    return {}


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _returned_types(hints: dict[str, Any]) -> list[Any]:
    """One entry per returned value: a ``tuple[...]`` return is several outputs, ``None`` none."""
    if "return" not in hints or hints["return"] is type(None):
        return [] if "return" in hints else [Any]
    returned = hints["return"]
    if typing.get_origin(returned) is tuple and typing.get_args(returned) and typing.get_args(returned)[-1] is not Ellipsis:
        return list(typing.get_args(returned))
    return [returned]


def api(fn: Callable[..., Any] | Literal["decorator"] = "decorator", *, api_name: str | None = None,
        **options: Any) -> Any:
    """Register ``fn`` as an API endpoint named ``api_name`` (default: its name); every parameter needs a type hint."""
    if fn == "decorator":
        def decorator(func: Callable[..., Any]) -> Callable[..., Any]:
            api(func, api_name=api_name, **options)
            return func

        return decorator
    root = current_root()
    if root is None:
        raise RuntimeError("Cannot call gr.api() outside of a gr.Blocks() context.")
    hints = typing.get_type_hints(fn)
    parameters = list(inspect.signature(fn).parameters.values())
    if any(parameter.name not in hints for parameter in parameters):
        raise ValueError("API endpoints must have type hints. Please specify a type hint for all parameters.")
    inputs = [
        Api(None if parameter.default is inspect.Parameter.empty else parameter.default,
            json_schema(hints[parameter.name]), _ordinal(index + 1))
        for index, parameter in enumerate(parameters)
    ]
    outputs = [Api(None, json_schema(hint), _ordinal(index + 1)) for index, hint in enumerate(_returned_types(hints))]
    dependency: Dependency = _register(root, [], fn, inputs, outputs, api_name=api_name, preprocess=False,
                                       postprocess=False, show_progress="hidden", **options)
    return dependency
