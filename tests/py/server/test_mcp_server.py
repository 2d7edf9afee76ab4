"""``launch(mcp_server=True)``: the app's endpoints as MCP tools, used through the ``mcp`` package's own client."""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from serving import http, served

import pagelet as gr

pytest.importorskip("mcp")
from mcp import ClientSession  # noqa: E402
from mcp.client.sse import sse_client  # noqa: E402
from mcp.client.streamable_http import streamable_http_client  # noqa: E402

T = TypeVar("T")


def letter_count(word: str, letter: str) -> int:
    """Counts how often a letter occurs in a word.

    Args:
        word: the word to look in
        letter: the letter to count
    """
    return word.lower().count(letter.lower())


def shout(text: str) -> str:
    """Returns the text in capitals.

    Args:
        text: what to shout
    """
    return text.upper() + "!"


def acceptance_app(tmp_path: Path) -> gr.Blocks:
    picture = tmp_path / "dot.png"
    # The smallest PNG there is: one black pixel.
    picture.write_bytes(base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg=="
    ))
    notes = tmp_path / "notes.txt"
    notes.write_text("some notes")

    def write_notes(title: str = "notes") -> str:
        """Writes a notes file.

        Returns:
            the file
        """
        return str(notes)

    def draw() -> str:
        """Draws a dot."""
        return str(picture)

    def refuse(text: str) -> str:
        raise gr.Error("no good: " + text)

    @gr.mcp.tool(name="renamed", description="A tool by another name.")
    def original(text: str) -> str:
        return text

    @gr.mcp.resource("notes://{topic}", mime_type="text/plain")
    def notes_about(topic: str) -> str:
        """Notes about a topic."""
        return f"notes about {topic}"

    @gr.mcp.prompt()
    def greeting(name: str) -> str:
        """A greeting prompt.

        Args:
            name: who to greet
        """
        return f"Say hello to {name}."

    with gr.Blocks() as demo:
        word, letter, count = gr.Textbox(label="Word"), gr.Textbox(label="Letter"), gr.Number(label="Count")
        gr.Button("Count").click(letter_count, [word, letter], count)
        text, shouted = gr.Textbox(label="Text"), gr.Textbox(label="Shouted")
        gr.Button("Shout").click(shout, text, shouted)
        gr.Button("Notes").click(write_notes, text, gr.File(label="Notes file"))
        gr.Button("Draw").click(draw, None, gr.Image(label="Dot", type="filepath"))
        gr.Button("Refuse").click(refuse, text, shouted)
        gr.Button("Original").click(original, text, shouted)
        gr.Button("Hidden").click(shout, text, shouted, api_name=False)
        gr.Button("Notes about").click(notes_about, text, shouted)
        gr.Button("Greeting").click(greeting, text, shouted)
    return demo


def with_mcp(url: str, use: Callable[[ClientSession], Awaitable[T]], sse: bool = False) -> T:
    async def run() -> T:
        transport = sse_client(url + "gradio_api/mcp/sse") if sse else streamable_http_client(url + "gradio_api/mcp/")
        async with transport as streams, ClientSession(streams[0], streams[1]) as session:
            await session.initialize()
            return await use(session)

    return asyncio.run(run())


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> str:
    with served(acceptance_app(tmp_path_factory.mktemp("mcp")), mcp_server=True) as address:
        yield address


async def _tools(session: ClientSession) -> dict[str, Any]:
    return {tool.name: tool.model_dump(exclude_none=True) for tool in (await session.list_tools()).tools}


def test_tools_are_the_named_endpoints_described_by_their_docstrings_as_in_gradio(url: str) -> None:
    tools = with_mcp(url, _tools)
    assert list(tools) == ["letter_count", "shout", "write_notes", "draw", "refuse", "renamed"]
    # What gradio 6.31 lists for the same functions.
    assert tools["letter_count"] == {
        "name": "letter_count",
        "description": "Counts how often a letter occurs in a word.",
        "inputSchema": {
            "type": "object",
            "properties": {
                "word": {"type": "string", "description": "the word to look in"},
                "letter": {"type": "string", "description": "the letter to count"},
            },
            "required": ["word", "letter"],
        },
    }
    assert tools["shout"]["description"] == "Returns the text in capitals."
    assert tools["shout"]["inputSchema"]["properties"] == {"text": {"type": "string", "description": "what to shout"}}
    # Returns: lines are appended; a parameter with a default is not required and says its default.
    assert tools["write_notes"]["description"] == "Writes a notes file. Returns: the file"
    assert tools["write_notes"]["inputSchema"] == {
        "type": "object", "properties": {"title": {"type": "string", "description": "", "default": "notes"}},
    }
    assert tools["renamed"]["description"] == "A tool by another name."


def test_the_sse_transport_lists_the_same_tools(url: str) -> None:
    assert with_mcp(url, _tools, sse=True) == with_mcp(url, _tools)


def test_calling_tools_returns_their_outputs_as_text_files_as_urls_and_images_inline(url: str) -> None:
    async def calls(session: ClientSession) -> list[Any]:
        return [
            await session.call_tool("shout", {"text": "hi"}),
            await session.call_tool("letter_count", {"word": "banana", "letter": "a"}),
            await session.call_tool("write_notes", {}),
            await session.call_tool("draw", {}),
        ]

    shouted, counted, notes, drawn = with_mcp(url, calls)
    assert not shouted.isError and [item.text for item in shouted.content] == ["HI!"]
    assert [item.text for item in counted.content] == ["3"]
    [link] = notes.content
    assert link.text.startswith(url + "gradio_api/file=") and link.text.endswith("notes.txt")
    with http(url) as session:
        assert session.get(link.text).text == "some notes"
    image, image_url = drawn.content
    assert image.type == "image" and image.mimeType == "image/png" and base64.b64decode(image.data).startswith(b"\x89PNG")
    assert image_url.text.startswith("Image URL: " + url + "gradio_api/file=")


def test_a_file_argument_is_a_url_this_server_gave_out(url: str) -> None:
    async def round_trip(session: ClientSession) -> Any:
        notes = await session.call_tool("write_notes", {})
        return notes.content[0].text

    link = with_mcp(url, round_trip)
    with gr.Blocks() as demo:
        def size(f: str) -> int:
            """Tells a file's size.

            Args:
                f: the file
            """
            return len(Path(f).read_bytes())

        gr.Button("Size").click(size, gr.File(label="In"), gr.Number(label="Bytes"))
    with served(demo, mcp_server=True) as address:
        # Uploaded to this server, named by its URL.
        with http(address) as session:
            [path] = session.post("gradio_api/upload", files={"files": ("a.txt", b"12345")}).json()

        async def call(session: ClientSession) -> tuple[Any, Any, Any]:
            tools = await _tools(session)
            return (
                tools["size"],
                await session.call_tool("size", {"f": address + "gradio_api/file=" + path}),
                await session.call_tool("size", {"f": link}),
            )

        tool, sized, foreign = with_mcp(address, call)
    assert tool["inputSchema"]["properties"]["f"]["format"] == "Gradio File Input - a http or https url to a file"
    assert "A file input is the URL of a file" in tool["description"]
    assert [item.text for item in sized.content] == ["5"]
    # Another server's file is not read.
    assert foreign.isError and "Cannot read" in foreign.content[0].text


def test_errors_come_back_as_error_results_and_the_server_keeps_serving(url: str) -> None:
    async def calls(session: ClientSession) -> list[Any]:
        return [
            await session.call_tool("refuse", {"text": "x"}),
            await session.call_tool("shout", {}),
            await session.call_tool("nope", {}),
            await session.call_tool("shout", {"text": "still here"}),
        ]

    refused, missing, unknown, fine = with_mcp(url, calls)
    assert refused.isError and refused.content[0].text == "no good: x"
    assert missing.isError and "'text' is a required property" in missing.content[0].text
    assert unknown.isError
    assert fine.content[0].text == "STILL HERE!"


def test_resources_and_prompts_from_the_decorators(url: str) -> None:
    async def read(session: ClientSession) -> tuple[Any, Any, Any, Any]:
        return (
            await session.list_resource_templates(),
            await session.read_resource("notes://cats"),
            await session.list_prompts(),
            await session.get_prompt("greeting", {"name": "Ada"}),
        )

    templates, resource, prompts, prompt = with_mcp(url, read)
    [template] = templates.resourceTemplates
    assert (template.uriTemplate, template.name, template.description) == ("notes://{topic}", "notes_about", "Notes about a topic.")
    assert resource.contents[0].text == "notes about cats"
    [listed] = prompts.prompts
    assert listed.name == "greeting" and listed.description == "A greeting prompt."
    assert [(argument.name, argument.description, argument.required) for argument in listed.arguments] == [("name", "who to greet", True)]
    assert prompt.messages[0].content.text == "Say hello to Ada."


def test_no_mcp_endpoint_unless_asked_and_the_environment_variable_asks(monkeypatch: pytest.MonkeyPatch) -> None:
    demo = gr.Interface(shout, "textbox", "textbox")
    with served(demo) as address, http(address) as session:
        assert session.post("gradio_api/mcp/", json={}).status_code == 404
    monkeypatch.setenv("GRADIO_MCP_SERVER", "True")
    with served(demo) as address:
        tools = with_mcp(address, _tools)
    assert json.dumps(list(tools)) == '["shout"]'
