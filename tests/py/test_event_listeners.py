"""Gradio 6's event data classes, listener chains, unload, State lifetimes and value functions."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

import pagelet as gr
from fake_host import FakeHost, updates_of
from pagelet.protocol import encode
from pagelet.session import Session


def _run(host: FakeHost, fn: int, data: list[Any], **extra: Any) -> list[dict[str, Any]]:
    start = len(host.messages)
    asyncio.run(host.session.handle({"v": 1, "type": "event", "event_id": f"x{fn}-{start}", "fn": fn, "data": data, **extra}))
    return host.messages[start:]


def test_chatbot_like_retry_undo_data_carry_gradios_attributes() -> None:
    with gr.Blocks() as demo:
        chat = gr.Chatbot(label="Chat")
        out = gr.Textbox(label="Out")
        chat.like(lambda d: f"{d.index} {d.value} {d.liked}", None, out)  # type: ignore[misc]
        chat.retry(lambda d: f"retry {d.index} {d.value}", None, out)
        chat.undo(lambda d: f"undo {d.index} {d.value}", None, out)
    for dependency in demo.dependencies:  # annotate as an app would, after the lambdas exist
        dependency.fn.__annotations__ = {"d": {"like": gr.LikeData, "retry": gr.RetryData, "undo": gr.UndoData}[dependency.targets[0][1]]}
    host = FakeHost(demo)
    liked = _run(host, 0, [], event_data={"index": 1, "value": ["Hi there"], "liked": False})
    assert updates_of(liked) == [{"id": out.id, "value": "1 ['Hi there'] False"}]
    retried = _run(host, 1, [], event_data={"index": 0, "value": "Hello"})
    assert updates_of(retried) == [{"id": out.id, "value": "retry 0 Hello"}]
    undone = _run(host, 2, [], event_data={"index": 2, "value": "Again"})
    assert updates_of(undone) == [{"id": out.id, "value": "undo 2 Again"}]


def test_a_like_listener_makes_the_chatbot_likeable_as_in_gradio() -> None:
    with gr.Blocks() as demo:
        plain = gr.Chatbot(label="Plain")
        liked = gr.Chatbot(label="Liked")
        liked.like(lambda: None)
        liked.retry(lambda: None)
    props = {c["id"]: c["props"] for c in demo.get_config()["components"]}
    assert (props[plain.id]["likeable"], props[plain.id]["_retryable"]) == (False, False)
    assert (props[liked.id]["likeable"], props[liked.id]["_retryable"], props[liked.id]["_undoable"]) == (True, True, False)
    assert props[liked.id]["feedback_options"] == ["Like", "Dislike"]


def test_key_up_edit_copy_and_file_event_data() -> None:
    from pagelet.event_data import CopyData, DeletedFileData, DownloadData, EditData, KeyUpData

    key = KeyUpData(None, {"key": "a", "input_value": "ca"})
    assert (key.key, key.input_value) == ("a", "ca")
    edit = EditData(None, {"index": [1, 2], "value": "new", "previous_value": "old"})
    assert (edit.index, edit.value, edit.previous_value) == ([1, 2], "new", "old")
    assert CopyData(None, {"value": "copied"}).value == "copied"
    file = {"path": "/tmp/a.txt", "orig_name": "a.txt", "size": 3, "url": None, "meta": {"_type": "gradio.FileData"}}
    deleted = DeletedFileData(None, file)
    assert (deleted.file.path, deleted.file.orig_name, deleted.file.size) == ("/tmp/a.txt", "a.txt", 3)
    assert DownloadData(None, file).file.path == "/tmp/a.txt"
    # Any key of the payload reads as an attribute, as Gradio's EventData.
    assert gr.EventData(None, {"extra": 5}).extra == 5
    with pytest.raises(AttributeError):
        gr.EventData(None, {}).missing  # noqa: B018


def test_every_event_gradio_lists_has_a_listener_method() -> None:
    expected = {
        gr.Image: ["clear", "change", "stream", "select", "upload", "input"],
        gr.Audio: ["stream", "change", "clear", "play", "pause", "stop", "pause_recording", "stop_recording",
                   "start_recording", "upload", "input"],
        gr.Video: ["change", "clear", "start_recording", "stop_recording", "stop", "play", "pause", "end", "upload", "input"],
        gr.Chatbot: ["change", "select", "like", "retry", "undo", "example_select", "option_select", "clear", "copy", "edit"],
        gr.Textbox: ["change", "input", "select", "submit", "focus", "blur", "stop", "copy"],
        gr.Dropdown: ["change", "input", "select", "focus", "blur", "key_up"],
        gr.File: ["change", "select", "clear", "upload", "delete", "download"],
        gr.Gallery: ["select", "upload", "change", "delete", "preview_close", "preview_open"],
        gr.Dataframe: ["change", "input", "select", "edit"],
        gr.Markdown: ["change", "copy"],
        gr.Button: ["click", "change"],
        gr.Timer: ["tick", "change"],
    }
    for cls, events in expected.items():
        missing = [event for event in events if not callable(getattr(cls, event, None))]
        assert missing == [], f"{cls.__name__} lacks {missing}"
    with gr.Blocks() as demo:
        image = gr.Image(label="Photo")
        image.input(lambda x: x, image, image)
    assert demo.get_config()["dependencies"][0]["targets"] == [[image.id, "input"]]


def test_failure_runs_only_after_an_error_success_only_after_success() -> None:
    def boom() -> str:
        raise gr.Error("no")

    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")
        button = gr.Button("Go")
        first = button.click(boom, None, out)
        first.failure(lambda: "failed", None, out)
        first.success(lambda: "succeeded", None, out)
    config = demo.get_config()["dependencies"]
    assert (config[1]["trigger_after"], config[1]["trigger_only_on_failure"], config[1]["trigger_only_on_success"]) == (0, True, False)
    assert (config[2]["trigger_only_on_failure"], config[2]["trigger_only_on_success"]) == (False, True)


def test_gr_on_reports_the_trigger_the_host_names_and_then_keeps_it() -> None:
    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        output = gr.Textbox(label="Output")
        button = gr.Button("Greet")
        trigger = gr.Textbox(label="Trigger 1")
        trigger2 = gr.Textbox(label="Trigger 2")

        def greet(name: str, evt_data: gr.EventData) -> tuple[str, str]:
            return "Hello " + name + "!", evt_data.target.__class__.__name__

        def clear_name(evt_data: gr.EventData) -> tuple[str, str]:
            return "", evt_data.target.__class__.__name__

        gr.on(triggers=[name.submit, button.click], fn=greet, inputs=name, outputs=[output, trigger]).then(
            clear_name, outputs=[name, trigger2]
        )
    host = FakeHost(demo)
    by_button = _run(host, 0, ["Jimmy"], trigger_id=button.id)
    assert updates_of(by_button) == [{"id": output.id, "value": "Hello Jimmy!"}, {"id": trigger.id, "value": "Button"}]
    by_box = _run(host, 1, [], trigger_id=name.id)
    assert updates_of(by_box)[1] == {"id": trigger2.id, "value": "Textbox"}
    # Without a trigger id, a listener with one target still knows it.
    with gr.Blocks() as single:
        box = gr.Textbox(label="Box")
        box.submit(lambda evt: evt.target.label, None, box)
    single.dependencies[0].fn.__annotations__ = {"evt": gr.EventData}
    assert updates_of(FakeHost(single).fire(0)) == [{"id": box.id, "value": "Box"}]


def test_a_closed_page_runs_unload_and_state_delete_callbacks_and_cancels_its_generator() -> None:
    said: list[Any] = []

    async def scenario() -> None:
        with gr.Blocks() as demo:
            cart = gr.State(["apple"], delete_callback=lambda value: said.append(("deleted", value)))
            out = gr.Textbox(label="Count")
            start = gr.Button("Count")

            def count():
                for number in range(1000):
                    said.append(number)
                    yield str(number)

            async def slow_count():
                for number in range(1000):
                    yield str(number)
                    await asyncio.sleep(0.01)

            start.click(slow_count, None, out)
            demo.unload(lambda: said.append("bye"))
        messages: list[dict[str, Any]] = []
        session = Session(demo, lambda message: messages.append(json.loads(encode(message))))
        run = asyncio.ensure_future(session.handle({"v": 1, "type": "event", "event_id": "g", "fn": 0, "data": []}))
        await asyncio.sleep(0.05)
        session.close()
        await asyncio.wait_for(run, 2)
        await asyncio.sleep(0.05)
        shown = len(updates_of(messages))
        await asyncio.sleep(0.1)
        assert len(updates_of(messages)) == shown, "the generator went on after its page closed"
        assert messages[-1]["type"] == "status" and messages[-1]["stage"] == "done"
        assert "bye" in said and ("deleted", ["apple"]) in said
        assert cart.id in session.state

    asyncio.run(scenario())
    assert demo_unload_config_is_private_like_gradio()


def demo_unload_config_is_private_like_gradio() -> bool:
    with gr.Blocks() as demo:
        demo.unload(lambda: None)
    (dependency,) = demo.get_config()["dependencies"]
    return dependency["targets"] == [[demo.id, "unload"]] and dependency["show_progress"] == "hidden"


def test_state_time_to_live_deletes_the_value_and_tells_the_callback() -> None:
    deleted: list[Any] = []

    async def scenario() -> None:
        with gr.Blocks() as demo:
            notes = gr.State([], time_to_live=0.05, delete_callback=deleted.append)
            box = gr.Textbox(label="Note")
            box.submit(lambda text, items: items + [text], [box, notes], notes)
        session = Session(demo, lambda message: None)
        await session.handle({"v": 1, "type": "event", "event_id": "s", "fn": 0, "data": ["milk", None]})
        assert session.state[notes.id] == ["milk"]
        await asyncio.sleep(0.15)
        assert session.state[notes.id] == []
        assert deleted == [["milk"]]

    asyncio.run(scenario())


def test_a_function_value_is_an_endpoint_named_after_it_run_on_load() -> None:
    import random

    def random_choice() -> str:
        return random.choice(["a", "b"])

    with gr.Blocks() as demo:
        letter = gr.Textbox(value=random_choice, label="Letter")
        number = gr.Number(value=lambda: 3, label="Number")
        ticking = gr.Textbox(value=lambda: "now", every=2, label="Clock")
    demo.attach_load_events()
    dependencies = demo.get_config()["dependencies"]
    names = [(dep["api_name"], dep["outputs"], dep["show_progress"]) for dep in dependencies]
    assert names == [
        ("random_choice", [letter.id], "full"),
        ("lambda", [number.id], "full"),
        ("lambda_1", [ticking.id], "hidden"),
    ]
    assert [event for _, event in dependencies[2]["targets"]] == ["load", "tick"]
    assert updates_of(FakeHost(demo).fire(0))[0]["value"] in ("a", "b")


def test_show_progress_on_names_the_blocks_that_show_progress_as_gradio_config_does() -> None:
    with gr.Blocks() as demo:
        gallery = gr.Gallery(label="Generated images")
        progress = gr.Textbox(label="Progress")
        button = gr.Button("Generate images")
        button.click(lambda: ([], "Done"), None, [gallery, progress], show_progress="minimal", show_progress_on=progress)
        button.click(lambda: ([], "Done"), None, [gallery, progress])
        gr.on([button.click], lambda: None, None, progress, show_progress_on=[gallery, progress])
    on_one, plain, on_both = demo.get_config()["dependencies"]
    assert on_one["show_progress_on"] == [progress.id]
    assert on_one["show_progress"] == "minimal"
    assert plain["show_progress_on"] is None
    assert on_both["show_progress_on"] == [gallery.id, progress.id]
    with pytest.raises(TypeError, match="show_progress_on must be components"):
        with gr.Blocks():
            gr.Button().click(lambda: None, None, None, show_progress_on="textbox")
