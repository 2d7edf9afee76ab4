"""Gradio's REST call API (``/gradio_api/call/<api_name>``), as its docs use it with curl."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from serving import TIMEOUT, http, served

import pagelet as gr
from pagelet.server import call_api


def letter_count(word: str, letter: str) -> int:
    """Counts how often a letter occurs in a word."""
    return word.lower().count(letter.lower())


def shout(text: str) -> str:
    return text.upper() + "!"


def count_up(n: float):
    for i in range(int(n)):
        yield str(i + 1)


def echo_file(path: str) -> str:
    return path


def refuse(text: str) -> str:
    raise gr.Error("no good: " + text, title="Refused")


def crash(text: str) -> str:
    raise ValueError("secret detail")


def acceptance_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        word, letter, count = gr.Textbox(label="Word"), gr.Textbox(label="Letter"), gr.Number(label="Count")
        gr.Button("Count").click(letter_count, [word, letter], count)
        text, shouted = gr.Textbox(label="Text"), gr.Textbox(label="Shouted")
        gr.Button("Shout").click(shout, text, shouted)
        gr.Button("Count up").click(count_up, gr.Number(label="Up to"), gr.Textbox(label="Counted"))
        gr.Button("Echo").click(echo_file, gr.File(label="In"), gr.File(label="Out"))
        gr.Button("Refuse").click(refuse, text, shouted)
        gr.Button("Crash").click(crash, text, shouted)
    return demo


def call(url: str, api_name: str, data: object) -> str:
    """POST then GET, as the curl session does: the whole event stream as text."""
    with http(url) as session:
        posted = session.post(f"gradio_api/call/{api_name}", json={"data": data})
        assert posted.status_code == 200, posted.text
        event_id = posted.json()["event_id"]
        streamed = session.get(f"gradio_api/call/{api_name}/{event_id}")
        assert streamed.headers["content-type"].startswith("text/event-stream")
        return streamed.text


@pytest.fixture(scope="module")
def url() -> str:
    with served(acceptance_app()) as address:
        yield address


def test_a_call_answers_an_event_id_and_its_stream_completes_with_the_outputs(url: str) -> None:
    assert call(url, "letter_count", ["banana", "a"]) == "event: complete\ndata: [3]\n\n"
    assert call(url, "shout", ["hi"]) == 'event: complete\ndata: ["HI!"]\n\n'


def test_a_generator_streams_each_yield_as_a_whole_value_then_completes(url: str) -> None:
    assert call(url, "count_up", [3]) == (
        'event: generating\ndata: ["1"]\n\n'
        'event: generating\ndata: ["2"]\n\n'
        'event: generating\ndata: ["3"]\n\n'
        'event: complete\ndata: ["3"]\n\n'
    )


def test_errors_are_reported_as_gradio_reports_them(url: str) -> None:
    refused = call(url, "refuse", ["x"])
    assert refused.startswith("event: error\ndata: ")
    assert json.loads(refused.split("data: ", 1)[1]) == {"error": "no good: x", "duration": 10, "visible": True, "title": "Refused"}
    # An app's own exception is not shown to callers unless show_error=True.
    assert call(url, "crash", ["x"]) == 'event: error\ndata: {"error": null}\n\n'
    # Missing inputs: said plainly; extra ones are ignored, as Gradio ignores them.
    assert "takes 1 input values, got 0" in call(url, "shout", [])
    assert call(url, "shout", ["a", "b"]) == 'event: complete\ndata: ["A!"]\n\n'


def test_bad_requests_get_clear_answers_and_the_app_keeps_working(url: str) -> None:
    with http(url) as session:
        missing = session.post("gradio_api/call/nope", json={"data": []})
        assert missing.status_code == 404 and "no API endpoint named /nope" in missing.json()["detail"]
        malformed = session.post("gradio_api/call/shout", content=b"not json")
        assert malformed.status_code == 422 and '{"data": [...]}' in malformed.json()["detail"]
        unknown = session.get("gradio_api/call/shout/0123")
        assert unknown.status_code == 404 and unknown.text.startswith("event: error\ndata: ")
    assert call(url, "shout", ["ok"]) == 'event: complete\ndata: ["OK!"]\n\n'


def test_a_stream_already_read_is_not_read_twice(url: str) -> None:
    with http(url) as session:
        event_id = session.post("gradio_api/call/shout", json={"data": ["a"]}).json()["event_id"]
        assert "complete" in session.get(f"gradio_api/call/shout/{event_id}").text
        assert session.get(f"gradio_api/call/shout/{event_id}").status_code == 404


def _complete_data(stream: str) -> list[object]:
    assert stream.startswith("event: complete\ndata: "), stream
    return json.loads(stream.split("data: ", 1)[1])


def test_files_by_uploaded_path_and_by_this_servers_url(url: str, tmp_path: Path) -> None:
    sample = tmp_path / "hello.txt"
    sample.write_text("hello")
    with http(url) as session:
        [uploaded] = session.post("gradio_api/upload", files={"files": ("hello.txt", sample.read_bytes())}).json()
    returned = _complete_data(call(url, "echo_file", [{"path": uploaded, "meta": {"_type": "gradio.FileData"}}]))[0]
    assert isinstance(returned, dict) and returned["orig_name"] == "hello.txt" and returned["size"] == 5
    assert returned["url"].startswith(url + "gradio_api/file=")
    # The URL a call returned is a file input for the next call.
    again = _complete_data(call(url, "echo_file", [{"path": returned["url"], "meta": {"_type": "gradio.FileData"}}]))[0]
    assert isinstance(again, dict) and again["size"] == 5
    with http(url) as session:
        assert session.get(again["url"]).text == "hello"
    # A path the server never gave out is refused before the app runs.
    refused = call(url, "echo_file", [{"path": "/etc/passwd", "meta": {"_type": "gradio.FileData"}}])
    assert refused.startswith("event: error") and "Cannot read /etc/passwd" in refused


def test_state_inputs_are_left_out_of_the_call(tmp_path: Path) -> None:
    def remember(text: str, seen: list[str] | None) -> str:
        return f"{text} after {len(seen or [])}"

    with gr.Blocks() as demo:
        box, memory, out = gr.Textbox(label="Text"), gr.State([]), gr.Textbox(label="Out")
        gr.Button("Go").click(remember, [box, memory], out)
    with served(demo) as address:
        assert call(address, "remember", ["hi"]) == 'event: complete\ndata: ["hi after 0"]\n\n'


def test_a_quiet_function_keeps_the_stream_alive_with_heartbeats(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(call_api, "HEARTBEAT_SECONDS", 0.05)

    def slow(text: str) -> str:
        time.sleep(0.5)
        return text

    demo = gr.Interface(slow, "textbox", "textbox")
    with served(demo) as address:
        stream = call(address, "slow", ["z"])
    assert stream.startswith("event: heartbeat\ndata: null\n\n")
    assert stream.endswith('event: complete\ndata: ["z"]\n\n')


def test_the_heartbeat_route_says_alive(url: str) -> None:
    with http(url) as session, session.stream("GET", "gradio_api/heartbeat/some-session") as stream:
        assert stream.headers["content-type"].startswith("text/event-stream")
        assert next(stream.iter_lines()) == "data: ALIVE"


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_the_curl_session_of_gradios_docs(url: str) -> None:
    def curl(*args: str) -> str:
        return subprocess.run(["curl", "-sS", "--max-time", str(TIMEOUT), *args], capture_output=True, text=True, check=True).stdout

    posted = curl("-X", "POST", url + "gradio_api/call/letter_count", "-H", "Content-Type: application/json",
                  "-d", '{"data": ["banana", "a"]}')
    event_id = json.loads(posted)["event_id"]
    assert curl("-N", url + f"gradio_api/call/letter_count/{event_id}") == "event: complete\ndata: [3]\n\n"
