"""``gr.mcp``: decorators that say how an endpoint appears to MCP clients.

They only mark the function; the server's MCP endpoint (``pagelet.server.mcp_server``,
``launch(mcp_server=True)``) reads the marks. Every endpoint is a tool unless
marked otherwise, so ``@gr.mcp.tool()`` is needed only to rename or redescribe one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


def tool(
    name: str | None = None, description: str | None = None, structured_output: bool = False, _meta: dict[str, Any] | None = None
) -> Callable[[F], F]:
    """Mark ``fn`` as a tool, optionally named ``name`` and described by ``description``
    (else its name and docstring); ``structured_output`` also returns ``{"result": ...}``."""

    def mark(fn: F) -> F:
        fn._mcp_type = "tool"  # type: ignore[attr-defined]
        fn._mcp_name = name  # type: ignore[attr-defined]
        fn._mcp_description = description  # type: ignore[attr-defined]
        fn._mcp_structured_output = structured_output  # type: ignore[attr-defined]
        fn._mcp_meta = _meta  # type: ignore[attr-defined]
        return fn

    return mark


def resource(uri_template: str, description: str | None = None, mime_type: str | None = None) -> Callable[[F], F]:
    """Mark ``fn`` as a resource at ``uri_template`` (``{name}`` parts become its arguments)."""

    def mark(fn: F) -> F:
        fn._mcp_type = "resource"  # type: ignore[attr-defined]
        fn._mcp_uri_template = uri_template  # type: ignore[attr-defined]
        fn._mcp_description = description  # type: ignore[attr-defined]
        fn._mcp_mime_type = mime_type or "text/plain"  # type: ignore[attr-defined]
        return fn

    return mark


def prompt(name: str | None = None, description: str | None = None) -> Callable[[F], F]:
    """Mark ``fn`` as a prompt named ``name`` (else the function's name); its text is what it returns."""

    def mark(fn: F) -> F:
        fn._mcp_type = "prompt"  # type: ignore[attr-defined]
        fn._mcp_name = name or fn.__name__  # type: ignore[attr-defined]
        fn._mcp_description = description  # type: ignore[attr-defined]
        return fn

    return mark
