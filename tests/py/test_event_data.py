"""gr.SelectData: a function that asks for the event's details gets them."""

from __future__ import annotations

import pytest

import pagelet as gr
from fake_host import FakeHost, updates_of
from pagelet.protocol import ProtocolError, parse_client_message


def test_select_data_goes_where_the_function_asks_for_it() -> None:
    with gr.Blocks() as demo:
        gallery = gr.Gallery(label="Tiles")
        prefix = gr.Textbox("picked", label="Prefix")
        out = gr.Textbox(label="Out")

        def picked(text, evt: gr.SelectData):
            return f"{text} {evt.index} {evt.value['caption']} {evt.selected}"

        gallery.select(picked, prefix, out)
    host = FakeHost(demo)
    start = len(host.messages)
    import asyncio

    asyncio.run(host.session.handle({
        "v": 1, "type": "event", "event_id": "e1", "fn": 0, "data": ["picked"],
        "event_data": {"index": 2, "value": {"caption": "Tile 3"}, "selected": True},
    }))
    assert updates_of(host.messages[start:]) == [{"id": out.id, "value": "picked 2 Tile 3 True"}]


def test_a_function_without_event_data_is_called_as_before() -> None:
    with gr.Blocks() as demo:
        box = gr.Textbox(label="In")
        out = gr.Textbox(label="Out")
        box.submit(lambda text: text * 2, box, out)
    assert updates_of(FakeHost(demo).fire(0, "ab")) == [{"id": out.id, "value": "abab"}]


def test_event_data_must_be_an_object() -> None:
    with pytest.raises(ProtocolError, match="event_data must be an object"):
        parse_client_message({"v": 1, "type": "event", "event_id": "e", "fn": 0, "data": [], "event_data": [1]})
    assert parse_client_message({"v": 1, "type": "event", "event_id": "e", "fn": 0, "data": []}).event_data is None


def test_a_table_cell_selection_has_its_row_and_column() -> None:
    from pagelet.event_data import SelectData

    data = SelectData(None, {"index": [1, 0], "value": "Alan", "row_value": ["Alan", 5], "col_value": ["Ada", "Alan"]})
    # A list, as Gradio gives it (apps check isinstance(evt.index, list)).
    assert (data.index, data.value, data.row_value, data.col_value, data.selected) == ([1, 0], "Alan", ["Alan", 5], ["Ada", "Alan"], True)


def test_a_like_function_called_without_event_data_fails_as_in_gradio_and_the_app_goes_on() -> None:
    with gr.Blocks() as demo:
        chat = gr.Chatbot(label="Chat")
        out = gr.Textbox(label="Out")

        def liked(evt: gr.LikeData):
            return f"{evt.index} {evt.liked}"

        chat.like(liked, None, out)
    host = FakeHost(demo)
    # What an API call to /liked sends: no event data. Gradio fails reading its keys; so does Pagelet, saying why.
    failed = host.fire(0)
    assert [m["message"] for m in failed if m["type"] == "alert"] == [
        "liked takes a gr.LikeData, but this run carries no event data (it was called through the API or by a .then() step)"
    ]
    import asyncio

    start = len(host.messages)
    asyncio.run(host.session.handle({"v": 1, "type": "event", "event_id": "e2", "fn": 0, "data": [], "event_data": {"index": 1, "liked": False}}))
    assert updates_of(host.messages[start:]) == [{"id": out.id, "value": "1 False"}]
