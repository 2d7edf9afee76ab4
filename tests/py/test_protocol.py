"""The session answers malformed messages with an error and keeps serving."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pagelet as gr
from pagelet.protocol import ProtocolError, encode, parse_client_message

from fake_host import FakeHost, final_stage, updates_of


def app():
    with gr.Blocks() as demo:
        box, out = gr.Textbox(), gr.Textbox()
        gr.Button().click(lambda text: text[::-1], box, out)
    return demo


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("not json", "not valid JSON"),
        ("[1, 2]", "JSON object"),
        ({"v": 2, "type": "event", "event_id": "a", "fn": 0, "data": []}, "version"),
        ({"v": 1, "type": "launch"}, "unknown message type"),
        ({"v": 1, "type": "event", "event_id": "", "fn": 0, "data": []}, "event_id"),
        ({"v": 1, "type": "event", "event_id": "a", "fn": -1, "data": []}, "fn"),
        ({"v": 1, "type": "event", "event_id": "a", "fn": True, "data": []}, "fn"),
        ({"v": 1, "type": "event", "event_id": "a", "fn": 0, "data": {}}, "data"),
    ],
)
def test_parse_refuses_malformed_messages(raw, reason):
    with pytest.raises(ProtocolError, match=reason):
        parse_client_message(raw)


def test_malformed_unknown_and_misshapen_events_get_error_replies():
    host = FakeHost(app())
    assert host.send_raw("{oops")[0]["type"] == "error"
    unknown = host.fire(99, "x")
    assert unknown[0]["type"] == "error" and "Unknown function 99" in unknown[0]["message"]
    assert final_stage(unknown) == "error"
    misshapen = host.fire(0, "a", "b")
    assert "takes 1 input values, got 2" in misshapen[0]["message"]
    assert updates_of(host.fire(0, "abc"))[0]["value"] == "cba"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None)
@given(message=st.one_of(json_values, st.fixed_dictionaries({"v": json_values, "type": json_values, "event_id": json_values, "fn": json_values, "data": json_values})))
def test_any_message_gets_an_answer_and_never_crashes(message):
    host = FakeHost(app())
    answers = host.send_raw(json.dumps(message))
    assert answers, "every message is answered"
    assert all(answer["type"] in {"error", "status", "update", "alert"} for answer in answers)
    assert updates_of(host.fire(0, "ok"))[0]["value"] == "ko"


# --- sequences: wrong-typed, oversized, out-of-order, unknown ids ----------------------
#
# One session takes a random sequence of messages, as a hostile or broken page
# could send them, some at once. Every message is answered as the protocol says
# (an event with a usable id ends with `done` or `error`; an upload gets
# `uploaded`; a cancel is silent), nothing escapes `handle`, nothing hangs, and
# the app answers a plain event afterwards.

import asyncio  # noqa: E402
import math  # noqa: E402

from pagelet.session import Session  # noqa: E402

# Seconds any one message may take before the test calls it a hang (there is no sleep in the app).
HANG = 30
# Messages sent by the sequence test in total, reported by the suite's figures.
SEQUENCE_EXAMPLES, SEQUENCE_LENGTH = 300, 25


def many_inputs_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        fields = [
            gr.Textbox(label="Name"), gr.Number(label="Age"), gr.Slider(0, 10, label="Level"), gr.Checkbox(label="Agree"),
            gr.Dropdown(["a", "b"], label="Choice"), gr.File(label="Document"), gr.Image(type="pil", label="Photo"),
            gr.Dataframe(label="Table", type="array"), gr.JSON(label="Data"), gr.State(), gr.Gallery(label="Pictures"),
        ]
        out = gr.Textbox(label="Out")
        gr.Button("Go").click(lambda *values: "ran", fields, out)
        box = gr.Textbox(label="Box")
        gr.Button("Reverse").click(lambda text: text[::-1], box, out)
    return demo


FIELDS = 11
bad_scalars = st.sampled_from([math.nan, math.inf, -math.inf, 1e308, "12abc", "", True, None, 2**70, -1, "x" * 5000])
bad_values = st.recursive(
    bad_scalars | json_values,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["path", "data", "headers", "url", "meta"]), inner, max_size=3),
    max_leaves=8,
)
event_ids = st.sampled_from(["a", "b", "c"]) | st.text(min_size=1, max_size=8) | st.just("x" * 129) | st.just("")
names = st.sampled_from(["photo.png", "../../etc/passwd", "..", ".", "", "\x00evil", "a/b\\c.txt", ".env", "n" * 300]) | st.text(max_size=20)


def op_event() -> st.SearchStrategy[tuple[str, object, bytes | None]]:
    body = st.fixed_dictionaries({
        "v": st.just(1), "type": st.just("event"), "event_id": event_ids,
        "fn": st.sampled_from([0, 1, 2, 99, 2**64, -1]) | st.integers(),
        "data": st.one_of(st.lists(bad_values, min_size=FIELDS, max_size=FIELDS), st.lists(bad_values, max_size=3), bad_values),
    })
    return body.map(lambda message: ("message", message, None))


def op_cancel() -> st.SearchStrategy[tuple[str, object, bytes | None]]:
    return event_ids.map(lambda event_id: ("message", {"v": 1, "type": "cancel", "event_id": event_id}, None))


def op_upload() -> st.SearchStrategy[tuple[str, object, bytes | None]]:
    return st.tuples(names, st.one_of(st.none(), st.binary(max_size=64))).map(
        lambda pair: ("message", {"v": 1, "type": "upload", "upload_id": "u1", "name": pair[0], "mime": "image/png"}, pair[1])
    )


oversized = st.sampled_from([
    "[" * 100_000 + "]" * 100_000,
    json.dumps({"v": 1, "type": "event", "event_id": "big", "fn": 1, "data": ["y" * 2_000_000]}),
    json.dumps({"v": 1, "type": "event", "event_id": "long", "fn": 0, "data": [None] * 100_000}),
    json.dumps({"v": 1, "type": "event", "event_id": "deep", "fn": 0, "data": [[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]] * FIELDS}),
    b"\xff\xfe not utf-8",
    "",
])
operations = st.lists(
    st.one_of(op_event(), op_cancel(), op_upload(), oversized.map(lambda raw: ("message", raw, None))),
    min_size=3, max_size=SEQUENCE_LENGTH,
)


async def _play(session: Session, plan: list[tuple[str, object, bytes | None]], sent: list[dict]) -> None:
    # Half of the messages are handled at once, as a page's socket hands them over.
    pending = []
    for index, (_, message, data) in enumerate(plan):
        call = session.handle(message, data)  # type: ignore[arg-type]  # hostile messages of any shape, on purpose
        if index % 2:
            pending.append(asyncio.ensure_future(call))
        else:
            await asyncio.wait_for(call, HANG)
    await asyncio.wait_for(asyncio.gather(*pending), HANG)


@settings(max_examples=SEQUENCE_EXAMPLES, deadline=None)
@given(plan=operations)
def test_any_sequence_of_hostile_messages_is_answered_and_the_app_keeps_serving(plan) -> None:
    sent: list[dict] = []
    session = Session(many_inputs_app(), lambda message: sent.append(json.loads(encode(message))))
    try:
        asyncio.run(_play(session, plan, sent))
        assert all(message["type"] in {"error", "status", "update", "alert", "uploaded"} for message in sent)
        uploads = [message for message in plan if isinstance(message[1], dict) and message[1].get("type") == "upload"]
        assert len([message for message in sent if message["type"] == "uploaded"]) == len(uploads)
        for answer in sent:
            if answer["type"] == "uploaded" and "file" in answer:
                # Whatever the name, the file stays inside the session's own folder, as no dotfile.
                stored = Path(answer["file"]["path"]).resolve()
                assert stored.is_relative_to(Path(session.files.directory).resolve())
                assert not stored.name.startswith(".")
        events = [message for _, message, _ in plan if isinstance(message, dict) and message.get("type") == "event"]
        answered = {message["event_id"] for message in sent if message["type"] == "status" and message["stage"] in ("done", "error")}
        for event in events:
            event_id = event["event_id"]
            if isinstance(event_id, str) and 0 < len(event_id) <= 128:
                assert event_id in answered, event
        sent.clear()
        asyncio.run(session.handle({"v": 1, "type": "event", "event_id": "after", "fn": 1, "data": ["ok"]}))
        assert [m["updates"][0]["value"] for m in sent if m["type"] == "update"] == ["ko"]
    finally:
        session.close()
