"""The session answers malformed messages with an error and keeps serving."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pagelet as gr
from pagelet.protocol import ProtocolError, parse_client_message

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
