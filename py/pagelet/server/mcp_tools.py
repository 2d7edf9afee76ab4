"""What an app's endpoints look like as MCP tools, resources and prompts, derived as Gradio derives them.

A tool is named after its function, described by the docstring's first part
(before ``Args:``), with its ``Returns:`` lines appended; each parameter's
JSON schema is its component's API type, described by its ``Args:`` line,
required unless the function gives it a default. A file parameter is a URL.
No ``mcp`` import here: this is plain data, used by ``mcp_server``.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..blocks import Blocks
from ..events import Dependency
from .api_info import api_info, callable_endpoints

# What a file parameter's schema says to a model: a URL, not bytes.
FILE_FORMAT = "Gradio File Input - a http or https url to a file"
FILE_HINT = " A file input is the URL of a file: one this app returned, or one uploaded to its /gradio_api/upload route."
_SECTIONS = ("Args:", "Parameters:", "Arguments:", "Returns:")
# MCP tool names: letters, digits and underscores, at most 128 characters.
_MAX_NAME = 120


@dataclass
class Docstring:
    description: str = ""
    parameters: dict[str, str] = field(default_factory=dict)
    returns: list[str] = field(default_factory=list)


def parse_docstring(fn: Callable[..., Any]) -> Docstring:
    """The description, ``Args:`` lines and ``Returns:`` lines of ``fn``'s docstring."""
    try:
        names = list(inspect.signature(fn).parameters)
    except (TypeError, ValueError):  # a builtin without a signature
        names = []
    parsed = Docstring(parameters=dict.fromkeys(names, ""))
    lines = [line.strip() for line in (inspect.getdoc(fn) or "").strip().split("\n")]
    section = ""
    description: list[str] = []
    for line in lines:
        if line.startswith(_SECTIONS):
            section = line.split(":", 1)[0]
            continue
        if not line:
            continue
        if not section:
            description.append(line)
        elif section == "Returns":
            parsed.returns.append(line)
        elif ":" in line:
            name, text = line.split(":", 1)
            name = name.split(" ")[0].strip()
            if name in parsed.parameters:
                parsed.parameters[name] = text.strip()
    parsed.description = " ".join(description)
    return parsed


def _mark(fn: Callable[..., Any] | None, name: str, default: Any = None) -> Any:
    return getattr(fn, f"_mcp_{name}", default)


@dataclass
class Endpoint:
    """One public endpoint of the app as MCP sees it."""

    name: str  # the tool's (or prompt's) name
    api_name: str
    fn_index: int
    dependency: Dependency
    kind: str  # "tool", "resource" or "prompt"
    description: str
    input_schema: dict[str, Any]
    argument_names: list[str]  # in input order, State inputs left out
    file_arguments: set[str]

    def data(self, arguments: dict[str, Any]) -> list[Any]:
        """The event's input values from MCP arguments (a file URL becomes a FileData)."""
        given = iter(
            {"path": arguments[name], "meta": {"_type": "gradio.FileData"}} if name in self.file_arguments
            and isinstance(arguments.get(name), str) else arguments.get(name)
            for name in self.argument_names
        )
        return [None if component.SKIP_API else next(given) for component in self.dependency.inputs]


def _tool_name(fn: Callable[..., Any] | None, api_name: str, taken: set[str]) -> str:
    base = _mark(fn, "name") or getattr(fn, "__name__", None) or api_name
    base = re.sub(r"[^a-zA-Z0-9]", "_", base)[:_MAX_NAME]
    name, suffix = base, 1
    while name in taken:
        name, suffix = f"{base}_{suffix}", suffix + 1
    return name


def _signature_defaults(fn: Callable[..., Any] | None) -> list[tuple[str, Any]]:
    """(name, default or ``inspect.Parameter.empty``) per positional parameter of ``fn``."""
    try:
        parameters = inspect.signature(fn).parameters.values() if fn is not None else []
    except (TypeError, ValueError):
        return []
    kinds = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    return [(parameter.name, parameter.default) for parameter in parameters if parameter.kind in kinds]


def _input_schema(dependency: Dependency, parameters: list[dict[str, Any]], doc: Docstring) -> tuple[dict[str, Any], list[str], set[str]]:
    # Names as the function calls them, when it takes one parameter per input (else the API's names).
    signature = _signature_defaults(dependency.fn)
    by_input = [item for item, component in zip(signature, dependency.inputs) if not component.SKIP_API]
    if len(signature) != len(dependency.inputs):
        by_input = [(parameter["parameter_name"], inspect.Parameter.empty) for parameter in parameters]
    properties: dict[str, Any] = {}
    required: list[str] = []
    files: set[str] = set()
    for (name, default), parameter in zip(by_input, parameters):
        schema = dict(parameter["type"])
        is_file = schema.get("title") == "FileData"
        if is_file:  # the fields Gradio keeps from FileData's schema, with a URL's string type
            schema = {"required": ["path"], "title": "FileData", "type": "string"}
            files.add(name)
        schema["description"] = doc.parameters.get(name, "")
        if is_file:
            schema["format"] = FILE_FORMAT
        if default is not inspect.Parameter.empty and default:
            schema["default"] = default
        properties[name] = schema
        if default is inspect.Parameter.empty:
            required.append(name)
    input_schema: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        input_schema["required"] = required
    return input_schema, list(properties), files


def _description(fn: Callable[..., Any] | None, doc: Docstring, has_files: bool) -> str:
    marked = _mark(fn, "description")
    if marked is not None:
        return marked + (FILE_HINT if has_files else "")
    description = doc.description + (FILE_HINT if has_files else "")
    if doc.returns:
        description += ("" if description.endswith(".") else ".") + " Returns: " + ", ".join(doc.returns)
    return description


def endpoints(app: Blocks) -> list[Endpoint]:
    """The app's public named endpoints, in the order they were defined."""
    info = api_info(app)["named_endpoints"]
    callable_ = callable_endpoints(app)
    found: list[Endpoint] = []
    taken: set[str] = set()
    for api_name, fn_index in callable_.items():
        dependency = app.dependencies[fn_index]
        described = info.get("/" + api_name)
        if described is None or getattr(dependency, "api_visibility", "public") != "public":
            continue
        fn = dependency.fn
        doc = parse_docstring(fn) if fn is not None else Docstring()
        schema, names, files = _input_schema(dependency, described["parameters"], doc)
        name = _tool_name(fn, api_name, taken)
        taken.add(name)
        found.append(Endpoint(
            name=name, api_name=api_name, fn_index=fn_index, dependency=dependency,
            kind=_mark(fn, "type", "tool"), description=_description(fn, doc, bool(files)),
            input_schema=schema, argument_names=names, file_arguments=files,
        ))
    return found


def uri_arguments(uri_template: str, uri: str) -> dict[str, str] | None:
    """The ``{name}`` parts of ``uri_template`` as read from ``uri``, or ``None`` when it does not match."""
    names = re.findall(r"\{([^}]+)\}", uri_template)
    pattern = re.escape(uri_template)
    for name in names:
        pattern = pattern.replace(re.escape("{" + name + "}"), f"(?P<{name}>[^/]+)")
    match = re.fullmatch(pattern, uri)
    return match.groupdict() if match else None
