"""Generators stream one update per yield; a cancel stops them between yields."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pagelet as gr
from fake_host import FakeHost, final_stage, updates_of
from pagelet.session import Session


def test_each_yield_is_sent_before_the_next_step_runs():
    steps: list[str] = []
    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")
        btn = gr.Button("Go")

        def count():
            for word in ["one", "two", "three"]:
                steps.append(f"yield {word}")
                yield word

        btn.click(count, None, out)
    host = FakeHost(demo)
    original = host.session._send

    def record(message: dict[str, Any]) -> None:
        if message["type"] == "update":
            steps.append(f"sent {message['updates'][0]['value']}")
        original(message)

    host.session._send = record
    messages = host.fire(0)
    assert steps == ["yield one", "sent one", "yield two", "sent two", "yield three", "sent three"]
    assert final_stage(messages) == "done"


def _run_and_cancel(demo: gr.Blocks, cancel_after_updates: int) -> tuple[list[dict[str, Any]], list[str]]:
    """Start event ``e`` on dependency 0 and cancel it once it sent some updates."""
    messages: list[dict[str, Any]] = []
    session = Session(demo, lambda message: messages.append(json.loads(json.dumps(message))))

    async def main() -> None:
        run = asyncio.ensure_future(session.handle({"v": 1, "type": "event", "event_id": "e", "fn": 0, "data": []}))
        while len([m for m in messages if m["type"] == "update"]) < cancel_after_updates:
            await asyncio.sleep(0)
        await session.handle({"v": 1, "type": "cancel", "event_id": "e"})
        await run

    asyncio.run(main())
    values = [update["value"] for update in updates_of(messages)]
    return messages, values


def test_cancel_closes_a_sync_generator_between_yields():
    closed = []
    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")

        def forever():
            try:
                n = 0
                while True:
                    n += 1
                    yield str(n)
            finally:
                closed.append(True)

        gr.Button("Go").click(forever, None, out)
    messages, values = _run_and_cancel(demo, 2)
    assert values[:2] == ["1", "2"] and len(values) <= 3
    assert closed == [True]
    last = [m for m in messages if m["type"] == "status"][-1]
    assert last["stage"] == "done" and last["message"] == "cancelled"


def test_cancel_stops_an_async_generator_and_an_awaiting_function():
    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")

        async def ticks():
            n = 0
            while True:
                n += 1
                yield str(n)
                await asyncio.sleep(0)

        gr.Button("Go").click(ticks, None, out)
    messages, values = _run_and_cancel(demo, 1)
    assert values[0] == "1"
    assert final_stage(messages) == "done"


def test_cancel_of_an_unknown_event_is_ignored_and_the_app_keeps_working():
    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")
        gr.Button("Go").click(lambda: "ok", None, out)
    host = FakeHost(demo)
    assert host.send_raw({"v": 1, "type": "cancel", "event_id": "nothing"}) == []
    assert updates_of(host.fire(0)) == [{"id": out.id, "value": "ok"}]


def test_cancel_without_an_event_id_is_a_protocol_error():
    with gr.Blocks() as demo:
        gr.Textbox()
    messages = FakeHost(demo).send_raw({"v": 1, "type": "cancel"})
    assert messages[0]["type"] == "error" and "event_id" in messages[0]["message"]


def test_cancels_lists_the_dependencies_to_stop():
    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")
        go = gr.Button("Go")
        stop = gr.Button("Stop")

        def slow():
            yield "a"

        run = go.click(slow, None, out)
        stop.click(None, None, None, cancels=[run])
    config = demo.get_config()
    assert config["dependencies"][1]["cancels"] == [0]
    assert config["dependencies"][0]["cancels"] == []


def test_errors_inside_generators_and_async_functions_reach_the_page():
    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")

        def fails_midway():
            yield "first"
            raise gr.Error("Broke at step two", title="Oops")

        async def warns_then_fails():
            gr.Warning("Careful")
            raise ValueError("bad value")

        gr.Button("A").click(fails_midway, None, out)
        gr.Button("B").click(warns_then_fails, None, out)
    host = FakeHost(demo)
    first = host.fire(0)
    assert [u["value"] for u in updates_of(first)] == ["first"]
    alert = [m for m in first if m["type"] == "alert"][0]
    assert (alert["level"], alert["title"], alert["message"]) == ("error", "Oops", "Broke at step two")
    assert final_stage(first) == "error"
    second = host.fire(1)
    levels = [m["level"] for m in second if m["type"] == "alert"]
    assert levels == ["warning", "error"]
    assert final_stage(second) == "error"


def _interrupting_app() -> gr.Blocks:
    """A counter kept in State, and a function that is interrupted as Pyodide's interrupt buffer would."""
    with gr.Blocks() as demo:
        count = gr.State(0)
        shown = gr.Number(label="Count")
        gr.Button("Add").click(lambda n: (n + 1, n + 1), count, [count, shown])

        def stuck(n):
            for step in range(3):
                if step == 1:
                    raise KeyboardInterrupt
                yield n

        gr.Button("Spin").click(stuck, count, shown)
    return demo


def test_a_keyboard_interrupt_in_the_browser_stops_the_event_and_keeps_state():
    demo = _interrupting_app()
    shown = next(c for c in demo.get_config()["components"] if c["props"].get("label") == "Count")
    host = FakeHost(demo)
    host.session._interruptible = True
    host.fire(0, None)
    messages = host.fire(1, None)
    status = [m for m in messages if m["type"] == "status"][-1]
    assert status["stage"] == "done" and status["message"] == "stopped"
    assert [m["title"] for m in messages if m["type"] == "alert"] == ["Stopped"]
    # The app answers, with its State as it was.
    assert [u["value"] for u in updates_of(host.fire(0, None)) if u["id"] == shown["id"]] == [2]


def test_a_keyboard_interrupt_on_a_server_still_stops_the_process():
    host = FakeHost(_interrupting_app())
    try:
        host.fire(1, None)
    except KeyboardInterrupt:
        return
    raise AssertionError("KeyboardInterrupt was swallowed")
