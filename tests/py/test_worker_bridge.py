"""The browser bootstrap on CPython: runs app files, answers the page."""

from __future__ import annotations

import asyncio
import json
import sys
import textwrap

import pytest

from pagelet import launcher, worker_bridge


@pytest.fixture
def app_dir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    saved_main = sys.modules["__main__"]
    yield tmp_path
    sys.modules["__main__"] = saved_main
    launcher.set_launcher(None)
    for name in [name for name in sys.modules if name == "gradio" or name.startswith("gradio.") or name == "helpers"]:
        del sys.modules[name]


def run(app_dir, source, files=None):
    (app_dir / "app.py").write_text(textwrap.dedent(source))
    for name, text in (files or {}).items():
        (app_dir / name).write_text(textwrap.dedent(text))
    sent = []
    bridge = worker_bridge.AppBridge(sent.append)

    async def main():
        await bridge.run("app.py")
        return [json.loads(text) for text in sent]

    return asyncio.run(main()), sent, bridge


def test_import_gradio_runs_the_app_and_sends_its_config(app_dir):
    messages, _, _ = run(app_dir, """
        import gradio as gr
        from gradio.components import Textbox
        def greet(name):
            return "Hello " + name + "!"
        gr.Interface(greet, Textbox(), "textbox").launch()
    """)
    assert messages[0]["type"] == "config"
    labels = [c["props"].get("label") for c in messages[0]["config"]["components"]]
    assert "name" in labels and "output" in labels


def test_receive_answers_events_on_the_same_channel(app_dir):
    _, sent, bridge = run(app_dir, """
        import gradio as gr
        gr.Interface(lambda name: "Hello " + name + "!", "textbox", "textbox").launch()
    """)

    async def fire():
        bridge.receive(json.dumps({"v": 1, "type": "event", "event_id": "a", "fn": 0, "data": ["Ada"]}))
        while not any('"done"' in text for text in sent):
            await asyncio.sleep(0)

    asyncio.run(fire())
    updates = [json.loads(text) for text in sent if '"update"' in text]
    assert updates[0]["updates"][0]["value"] == "Hello Ada!"


def test_files_import_each_other_and_top_level_await_works(app_dir):
    messages, _, _ = run(
        app_dir,
        """
        import asyncio
        import gradio as gr
        from helpers import shout
        await asyncio.sleep(0)
        with gr.Blocks() as demo:
            gr.Markdown(shout("hi"))
        demo.launch()
        """,
        files={"helpers.py": "def shout(text):\n    return text.upper()\n"},
    )
    assert messages[0]["config"]["components"][0]["props"]["value"] == "HI"


def test_an_app_built_but_not_launched_is_still_shown(app_dir):
    messages, _, _ = run(app_dir, """
        import gradio as gr
        with gr.Blocks() as demo:
            gr.Textbox(label="t")
    """)
    assert messages[0]["type"] == "config"


def test_no_app_is_a_fatal_error_naming_launch(app_dir):
    messages, _, _ = run(app_dir, "x = 1\n")
    assert messages[0]["type"] == "error" and messages[0]["fatal"] is True
    assert "launch()" in messages[0]["message"]


def test_exceptions_show_the_apps_traceback_with_line_numbers(app_dir):
    messages, _, _ = run(app_dir, """
        import gradio as gr

        def broken():
            return 1 / 0

        broken()
    """)
    error = messages[0]
    assert error["fatal"] is True and error["message"] == "ZeroDivisionError: division by zero"
    assert 'File "app.py", line 7' in error["traceback"] and 'line 5, in broken' in error["traceback"]
    assert "pagelet" not in error["traceback"]


def test_syntax_errors_name_the_line(app_dir):
    messages, _, _ = run(app_dir, "def f(:\n    pass\n")
    assert messages[0]["fatal"] is True and "SyntaxError" in messages[0]["message"]
    assert "line 1" in messages[0]["traceback"]


def test_receive_before_start_answers_with_an_error(app_dir, monkeypatch):
    sent = []
    worker_bridge.AppBridge(sent.append).receive("{}")
    assert json.loads(sent[0])["type"] == "error"


def test_launch_without_a_runtime_says_what_is_missing(monkeypatch):
    import pagelet as gr

    # On CPython the server adapter is the default; in the browser nothing is.
    monkeypatch.setattr(launcher.sys, "platform", "emscripten")
    launcher.set_launcher(None)
    demo = gr.Interface(lambda x: x, "text", "text")
    with pytest.raises(RuntimeError, match="No runtime is available"):
        demo.launch()


def test_run_replaces_the_app_in_the_same_bridge_and_reads_edited_imports(app_dir):
    _, sent, bridge = run(app_dir, """
        import gradio as gr
        from helpers import greeting
        gr.Interface(lambda name: greeting + name, "textbox", "textbox").launch()
    """, files={"helpers.py": "greeting = 'Hello '\n"})
    (app_dir / "helpers.py").write_text("greeting = 'Bonjour '\n")

    async def rerun_and_click():
        assert await bridge.run("app.py") is None
        bridge.receive(json.dumps({"v": 1, "type": "event", "event_id": "b", "fn": 0, "data": ["Ada"]}))
        await bridge.settled()

    sent.clear()
    asyncio.run(rerun_and_click())
    messages = [json.loads(text) for text in sent]
    assert messages[0]["type"] == "config"
    updates = [m for m in messages if m["type"] == "update"]
    assert updates[-1]["updates"][0]["value"] == "Bonjour Ada"


def test_run_code_reports_errors_with_line_numbers_and_a_later_run_recovers(app_dir):
    _, sent, bridge = run(app_dir, """
        import gradio as gr
        gr.Interface(lambda x: x, "textbox", "textbox").launch()
    """)
    sent.clear()
    error = asyncio.run(bridge.run(code="import gradio as gr\n\nraise ValueError('bad input')\n"))
    assert error is not None and json.loads(error) == json.loads(sent[0])
    assert json.loads(error)["message"] == "ValueError: bad input"
    assert 'File "<code>", line 3' in json.loads(error)["traceback"]
    assert "raise ValueError('bad input')" in json.loads(error)["traceback"]

    sent.clear()
    bridge.receive(json.dumps({"v": 1, "type": "event", "event_id": "c", "fn": 0, "data": ["x"]}))
    assert json.loads(sent[0])["message"] == "The app is not running."

    sent.clear()
    code = "import gradio as gr\ngr.Interface(lambda x: x, 'textbox', 'textbox', title='Again').launch()\n"
    assert asyncio.run(bridge.run(code=code)) is None
    assert json.loads(sent[0])["type"] == "config"


def test_two_bridges_in_one_worker_each_answer_for_their_own_app(app_dir):
    first_sent, second_sent = [], []
    first, second = worker_bridge.AppBridge(first_sent.append), worker_bridge.AppBridge(second_sent.append)
    greeter = "import gradio as gr\ngr.Interface(lambda name: 'Hello ' + name, 'textbox', 'textbox').launch()\n"
    shouter = "import gradio as gr\ngr.Interface(lambda name: name.upper(), 'textbox', 'textbox').launch()\n"

    async def both():
        assert await first.run(code=greeter) is None
        assert await second.run(code=shouter) is None
        first.receive(json.dumps({"v": 1, "type": "event", "event_id": "a", "fn": 0, "data": ["Ada"]}))
        second.receive(json.dumps({"v": 1, "type": "event", "event_id": "b", "fn": 0, "data": ["Ada"]}))
        await first.settled()
        await second.settled()

    asyncio.run(both())

    def answers(sent):
        return [update["value"] for text in sent for message in [json.loads(text)] if message["type"] == "update" for update in message["updates"]]

    assert answers(first_sent) == ["Hello Ada"]
    assert answers(second_sent) == ["ADA"]


def test_the_bridge_says_when_an_event_has_ended_after_its_last_status(app_dir):
    sent, ended = [], []
    bridge = worker_bridge.AppBridge(sent.append, event_ended=lambda: ended.append(len(sent)))
    code = "import gradio as gr\ngr.Interface(lambda name: 'Hello ' + name, 'textbox', 'textbox').launch()\n"

    async def click():
        assert await bridge.run(code=code) is None
        assert ended == []  # the config is not an event
        bridge.receive(json.dumps({"v": 1, "type": "event", "event_id": "a", "fn": 0, "data": ["Ada"]}))
        await bridge.settled()

    asyncio.run(click())
    assert len(ended) == 1
    last_status = json.loads(sent[ended[0] - 1])
    assert last_status["type"] == "status" and last_status["stage"] == "done"


def test_mcp_server_is_accepted_in_the_browser_and_the_page_says_it_has_no_mcp_endpoint(app_dir):
    messages, _, _ = run(app_dir, """
        import gradio as gr
        gr.Interface(lambda text: text.upper(), "textbox", "textbox").launch(mcp_server=True)
    """)
    assert messages[0]["type"] == "config"
    notes = [message for message in messages if message["type"] == "alert"]
    assert [(note["level"], note["title"]) for note in notes] == [("info", "Info")]
    assert "no MCP endpoint" in notes[0]["message"] and "pagelet run app.py" in notes[0]["message"]


def test_an_app_launched_without_mcp_gets_no_note(app_dir):
    messages, _, _ = run(app_dir, """
        import gradio as gr
        gr.Interface(lambda text: text.upper(), "textbox", "textbox").launch()
    """)
    assert [message for message in messages if message["type"] == "alert"] == []


def test_launch_in_the_browser_returns_gradios_triple_and_says_there_is_no_port(app_dir):
    """Gradio's mcp_tool_only unpacks launch()'s (app, url, share_url); slider_release prints demo.server_port."""
    messages, _, _ = run(app_dir, """
        import gradio as gr
        with gr.Blocks() as demo:
            shown = gr.Textbox(label="Shown")
        _, url, share = demo.launch()
        shown.value = f"url={url!r} share={share!r} port={demo.server_port!r}"
    """)
    assert messages[0]["type"] == "config"
    assert "url='' share=None port=None" in json.dumps(messages[0]["config"])
