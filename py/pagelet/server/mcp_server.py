"""The app as an MCP server: ``launch(mcp_server=True)`` or ``GRADIO_MCP_SERVER=True``.

Streamable HTTP at ``/gradio_api/mcp/`` and SSE at ``/gradio_api/mcp/sse``
(messages posted to ``/gradio_api/mcp/messages/``), both from the ``mcp``
package (``pip install 'pagelet[mcp]'``). Each public named endpoint is a tool
(see ``mcp_tools``) unless ``gr.mcp.resource`` or ``gr.mcp.prompt`` made it a
resource or a prompt; a call runs as one REST API call does (``call_api``).
"""

from __future__ import annotations

import base64
import contextlib
from collections.abc import AsyncIterator
from typing import Any

from starlette.requests import Request
from starlette.routing import BaseRoute, Mount, Route
from starlette.types import Receive, Scope, Send

from ..blocks import Blocks
from ..components.state import State
from ..files import is_file_data
from .call_api import _file_url, completion, start_call
from .mcp_tools import Endpoint, endpoints, parse_docstring, uri_arguments

try:
    import mcp.types as types
    from mcp.server.lowlevel import Server
    from mcp.server.lowlevel.helper_types import ReadResourceContents
    from mcp.server.sse import SseServerTransport
    from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
except ImportError as exc:  # the extra is not installed
    raise ImportError("launch(mcp_server=True) needs the mcp package: pip install 'pagelet[mcp]'") from exc

# What a caller sees when the app hides its own exceptions (show_error=False).
HIDDEN_ERROR = "The app raised an error; it shows its errors only when launched with show_error=True."
_IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp")


class ToolError(Exception):
    """An endpoint failed; the MCP client gets the message as an error result."""


def _contents(value: Any) -> list[types.TextContent | types.ImageContent]:
    """One output as MCP content: an image inline (and its URL), another file as its URL, else text."""
    if is_file_data(value):
        url = value.get("url") or value["path"]
        if value.get("mime_type") in _IMAGE_TYPES:
            with open(value["path"], "rb") as image:
                data = base64.b64encode(image.read()).decode("ascii")
            return [types.ImageContent(type="image", data=data, mimeType=value["mime_type"]),
                    types.TextContent(type="text", text=f"Image URL: {url}")]
        return [types.TextContent(type="text", text=str(url))]
    return [types.TextContent(type="text", text=str(value))]


class McpEndpoint:
    """The MCP server of one app, and the routes and lifespan that serve it."""

    def __init__(self, app: Blocks) -> None:
        self._state: Any = None  # the server app's state, given by ``bind``
        self._endpoints = endpoints(app)
        self.server: Server[Any, Any] = Server(app.title or "Gradio App")
        self._sse = SseServerTransport("/mcp/messages/")  # relative to the API mount (the scope's root_path)
        self._http = StreamableHTTPSessionManager(app=self.server, stateless=True)
        self._register()

    def bind(self, state: Any) -> None:
        """Run calls with the server's sessions, queue and files (``app.state``)."""
        self._state = state

    def _of_kind(self, kind: str) -> list[Endpoint]:
        return [endpoint for endpoint in self._endpoints if endpoint.kind == kind]

    async def _run(self, endpoint: Endpoint, arguments: dict[str, Any]) -> list[Any]:
        """The endpoint's outputs (State left out), or ``ToolError`` with the app's message."""
        request = self.server.request_context.request
        file_url = _file_url(request) if isinstance(request, Request) else ""
        _, session = start_call(self._state, endpoint.fn_index, endpoint.data(arguments), file_url)
        message = await completion(session)
        output = message["output"]
        if not message["success"]:
            raise ToolError(output.get("error") or HIDDEN_ERROR)
        outputs = endpoint.dependency.outputs
        return [value for value, component in zip(output["data"], outputs) if not isinstance(component, State)]

    def _register(self) -> None:
        server = self.server

        @server.list_tools()
        async def list_tools() -> list[types.Tool]:
            return [
                types.Tool(name=tool.name, description=tool.description, inputSchema=tool.input_schema,
                           _meta=getattr(tool.dependency.fn, "_mcp_meta", None))
                for tool in self._of_kind("tool")
            ]

        @server.call_tool()
        async def call_tool(name: str, arguments: dict[str, Any]) -> Any:
            tool = next((tool for tool in self._of_kind("tool") if tool.name == name), None)
            if tool is None:
                raise ToolError(f"This app has no tool named {name}.")
            content: list[types.ContentBlock] = [item for value in await self._run(tool, arguments) for item in _contents(value)]
            if getattr(tool.dependency.fn, "_mcp_structured_output", False):
                return types.CallToolResult(content=content, structuredContent={"result": [item.model_dump() for item in content]})
            return content

        def resources(templated: bool) -> list[Endpoint]:
            return [item for item in self._of_kind("resource") if ("{" in item.dependency.fn._mcp_uri_template) == templated]  # type: ignore[union-attr]

        @server.list_resources()
        async def list_resources() -> list[types.Resource]:
            return [
                types.Resource(uri=item.dependency.fn._mcp_uri_template, name=item.dependency.fn.__name__,  # type: ignore[union-attr]
                               description=_resource_description(item), mimeType=item.dependency.fn._mcp_mime_type)  # type: ignore[union-attr]
                for item in resources(templated=False)
            ]

        @server.list_resource_templates()
        async def list_resource_templates() -> list[types.ResourceTemplate]:
            return [
                types.ResourceTemplate(uriTemplate=item.dependency.fn._mcp_uri_template, name=item.dependency.fn.__name__,  # type: ignore[union-attr]
                                       description=_resource_description(item), mimeType=item.dependency.fn._mcp_mime_type)  # type: ignore[union-attr]
                for item in resources(templated=True)
            ]

        @server.read_resource()
        async def read_resource(uri: Any) -> list[ReadResourceContents]:
            for item in self._of_kind("resource"):
                fn: Any = item.dependency.fn
                arguments = uri_arguments(fn._mcp_uri_template, str(uri))
                if arguments is not None:
                    [value, *_] = await self._run(item, arguments) or [None]
                    mime_type = fn._mcp_mime_type
                    content = value if mime_type.startswith("text/") else base64.b64decode(str(value))
                    return [ReadResourceContents(content=content, mime_type=mime_type)]
            raise ToolError(f"This app has no resource at {uri}.")

        @server.list_prompts()
        async def list_prompts() -> list[types.Prompt]:
            listed = []
            for item in self._of_kind("prompt"):
                doc = parse_docstring(item.dependency.fn)  # type: ignore[arg-type]
                required = set(item.input_schema.get("required", []))
                arguments = [types.PromptArgument(name=name, description=doc.parameters.get(name, ""), required=name in required)
                             for name in item.argument_names]
                listed.append(types.Prompt(name=item.dependency.fn._mcp_name, description=doc.description, arguments=arguments))  # type: ignore[union-attr]
            return listed

        @server.get_prompt()
        async def get_prompt(name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:
            item = next((item for item in self._of_kind("prompt") if item.dependency.fn._mcp_name == name), None)  # type: ignore[union-attr]
            if item is None:
                raise ToolError(f"This app has no prompt named {name}.")
            [value, *_] = await self._run(item, arguments or {}) or [None]
            text = types.TextContent(type="text", text=str(value))
            return types.GetPromptResult(messages=[types.PromptMessage(role="user", content=text)])

    async def _streamable_http(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self._http.handle_request(scope, receive, send)

    async def _sse_stream(self, scope: Scope, receive: Receive, send: Send) -> None:
        async with self._sse.connect_sse(scope, receive, send) as (read, write):
            await self.server.run(read, write, self.server.create_initialization_options())

    def routes(self) -> list[BaseRoute]:
        """Routes to mount under the API prefix; the SSE ones first, as ``/mcp`` takes the rest."""

        return [
            Route("/mcp/sse", _Asgi(self._sse_stream)),
            Mount("/mcp/messages", app=self._sse.handle_post_message),
            Mount("/mcp", app=self._streamable_http),
        ]

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        """Held for the server's life: the streamable HTTP transport's task group."""
        async with self._http.run():
            yield


class _Asgi:
    """A plain ASGI endpoint (Starlette wraps functions and methods as request handlers, not these)."""

    def __init__(self, app: Any) -> None:
        self._app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self._app(scope, receive, send)


def _resource_description(item: Endpoint) -> str:
    return item.dependency.fn._mcp_description or parse_docstring(item.dependency.fn).description  # type: ignore[union-attr,arg-type]
