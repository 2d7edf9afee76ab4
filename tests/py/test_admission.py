"""One admission for every event: shared limits, queue order, max_size, batches collected while waiting."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pagelet as gr
from pagelet.admission import Admission, QueueFull
from pagelet.session import Session


def fire_together(demo: gr.Blocks, calls: list[tuple[int, list[Any]]], admission: Admission | None = None) -> list[dict[str, Any]]:
    """Send every event at once to one session; the messages it answered with."""
    messages: list[dict[str, Any]] = []
    session = Session(demo, lambda message: messages.append(json.loads(json.dumps(message))), admission=admission)

    async def main() -> None:
        await asyncio.gather(*(
            session.handle({"v": 1, "type": "event", "event_id": f"e{index}", "fn": fn, "data": data})
            for index, (fn, data) in enumerate(calls)
        ))

    asyncio.run(main())
    return messages


def final_stages(messages: list[dict[str, Any]]) -> dict[str, str]:
    return {m["event_id"]: m["stage"] for m in messages if m["type"] == "status" and m["stage"] in ("done", "error")}


def test_listeners_with_one_concurrency_id_share_its_limit() -> None:
    order: list[str] = []

    def worker(name: str) -> Any:
        async def work() -> str:
            order.append(f"{name} starts")
            await asyncio.sleep(0.01)
            order.append(f"{name} ends")
            return name
        return work

    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")
        gr.Button("First").click(worker("first"), None, out, concurrency_id="shared")
        gr.Button("Second").click(worker("second"), None, out, concurrency_id="shared")
        gr.Button("Alone").click(worker("alone"), None, out)
    fire_together(demo, [(0, []), (1, []), (2, [])])
    # "alone" is a group of its own, so it does not wait behind the shared one.
    assert order.index("alone starts") < order.index("first ends")
    assert order.index("second starts") > order.index("first ends")


def test_the_lowest_limit_of_a_concurrency_id_wins() -> None:
    running, peak = [0], [0]

    async def work() -> str:
        running[0] += 1
        peak[0] = max(peak[0], running[0])
        await asyncio.sleep(0.01)
        running[0] -= 1
        return "ok"

    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")
        gr.Button("A").click(work, None, out, concurrency_id="g", concurrency_limit=3, trigger_mode="multiple")
        gr.Button("B").click(work, None, out, concurrency_id="g", concurrency_limit=2, trigger_mode="multiple")
    fire_together(demo, [(0, [])] * 3 + [(1, [])] * 3)
    assert peak[0] == 2


def test_events_start_in_the_order_they_arrived() -> None:
    started: list[int] = []

    async def work(number: float) -> float:
        started.append(int(number))
        await asyncio.sleep(0)
        return number

    with gr.Blocks() as demo:
        box = gr.Number(label="Number")
        gr.Button("Go").click(work, box, box, trigger_mode="multiple")
    fire_together(demo, [(0, [index]) for index in range(6)])
    assert started == [0, 1, 2, 3, 4, 5]


def test_a_full_queue_says_gradios_busy_text_and_the_next_event_runs() -> None:
    async def work() -> str:
        await asyncio.sleep(0.01)
        return "ok"

    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")
        gr.Button("Go").click(work, None, out, trigger_mode="multiple")
    demo.queue(max_size=1)
    messages = fire_together(demo, [(0, [])] * 3)
    assert sorted(final_stages(messages).values()) == ["done", "done", "error"]
    alerts = [m["message"] for m in messages if m["type"] == "alert"]
    assert alerts == ["This application is currently busy. Please try again."]
    assert final_stages(fire_together(demo, [(0, [])])) == {"e0": "done"}


def test_queue_full_reads_as_gradios_server_text() -> None:
    assert str(QueueFull(2, 2)) == "Queue is full. Max size is 2 and size is 2."


def test_a_batch_is_collected_while_the_function_is_busy_with_the_default_limit() -> None:
    sizes: list[int] = []
    running, peak = [0], [0]

    async def shout(words: list[str]) -> list[list[str]]:
        sizes.append(len(words))
        running[0] += 1
        peak[0] = max(peak[0], running[0])
        await asyncio.sleep(0.05)
        running[0] -= 1
        return [[word.upper() for word in words]]

    with gr.Blocks() as demo:
        word, out = gr.Textbox(label="Word"), gr.Textbox(label="Shout")
        gr.Button("Shout").click(shout, word, out, batch=True, max_batch_size=8, trigger_mode="multiple")
    admission = Admission(demo)
    messages: list[dict[str, Any]] = []
    session = Session(demo, messages.append, admission=admission)

    async def main() -> None:
        events = []
        for index, word in enumerate("abcd"):
            message = {"v": 1, "type": "event", "event_id": f"e{index}", "fn": 0, "data": [word]}
            events.append(asyncio.ensure_future(session.handle(message)))
            # One by one: "a" runs alone, the next three arrive while it runs and wait as one batch.
            await asyncio.sleep(0.005)
        await asyncio.gather(*events)

    asyncio.run(main())
    assert sizes == [1, 3]
    assert peak[0] == 1  # the batch waited for the default limit of one
    by_event = {m["event_id"]: m["updates"][0]["value"] for m in messages if m["type"] == "update"}
    assert by_event == {"e0": "A", "e1": "B", "e2": "C", "e3": "D"}
    running = [m["event_id"] for m in messages if m["type"] == "status" and m["stage"] == "running"]
    assert sorted(running) == ["e0", "e1", "e2", "e3"]


def test_queue_false_skips_the_limit() -> None:
    together = asyncio.Event()
    running = [0]

    async def work() -> str:
        running[0] += 1
        if running[0] == 2:
            together.set()
        await asyncio.wait_for(together.wait(), 5)
        return "ok"

    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")
        gr.Button("Go").click(work, None, out, queue=False, trigger_mode="multiple")
    assert sorted(final_stages(fire_together(demo, [(0, [])] * 2)).values()) == ["done", "done"]


def test_max_jobs_caps_events_running_over_all_groups() -> None:
    running, peak = [0], [0]

    async def work() -> str:
        running[0] += 1
        peak[0] = max(peak[0], running[0])
        await asyncio.sleep(0.01)
        running[0] -= 1
        return "ok"

    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")
        for name in "ABCD":
            gr.Button(name).click(work, None, out)
    fire_together(demo, [(index, []) for index in range(4)], admission=Admission(demo, max_jobs=2))
    assert peak[0] == 2


def test_a_cancelled_waiting_event_gives_up_its_place() -> None:
    async def work() -> str:
        await asyncio.sleep(0.02)
        return "ok"

    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")
        gr.Button("Go").click(work, None, out, trigger_mode="multiple")
    demo.queue(max_size=1)
    messages: list[dict[str, Any]] = []
    session = Session(demo, messages.append)

    async def main() -> None:
        event = lambda event_id: session.handle({"v": 1, "type": "event", "event_id": event_id, "fn": 0, "data": []})  # noqa: E731
        first, second = asyncio.ensure_future(event("first")), asyncio.ensure_future(event("second"))
        await asyncio.sleep(0.005)
        session.cancel("second")  # it was waiting: its place is free again
        await asyncio.gather(first, second, event("third"))

    asyncio.run(main())
    assert final_stages(messages) == {"first": "done", "second": "done", "third": "done"}
    assert [m for m in messages if m["type"] == "alert"] == []
