"""Bad values for every component: a clear ``gr.Error`` naming the field, never a crash.

What a page (or a hostile client) may send as an input value is checked where
it enters (``preprocess``); what an app returns is checked on the way out
(``postprocess``). Either way the person sees a message that names the
field, the event ends with ``error`` and the app keeps answering.
"""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pagelet as gr
from pagelet.alerts import Error

from fake_host import FakeHost, final_stage, updates_of


def inputs(tmp_path: Path) -> list[gr.components.Component]:
    return [
        gr.Textbox(label="Name"),
        gr.Number(label="Age", minimum=0, maximum=150),
        gr.Slider(0, 10, label="Level"),
        gr.Checkbox(label="Agree"),
        gr.CheckboxGroup(["a", "b"], label="Letters"),
        gr.Radio(["a", "b"], label="Pick"),
        gr.Dropdown(["a", "b"], label="Choice"),
        gr.Dropdown(["a", "b"], multiselect=True, label="Choices"),
        gr.File(label="Document"),
        gr.File(label="Documents", file_count="multiple"),
        gr.Image(type="pil", label="Photo"),
        gr.Image(type="numpy", label="Array"),
        gr.Audio(type="numpy", label="Sound"),
        gr.Video(label="Clip"),
        gr.Gallery(label="Pictures", type="pil"),
        gr.Dataframe(label="Table", type="pandas"),
        gr.Dataframe(label="Matrix", type="numpy", datatype="number"),
        gr.JSON(label="Data"),
        gr.ColorPicker(label="Colour"),
        gr.DateTime(label="When"),
        gr.HighlightedText(label="Tagged", interactive=True),
        gr.Chatbot(label="Chat", type="messages"),
        gr.MultimodalTextbox(label="Message"),
        gr.Code(label="Source"),
        gr.Label(label="Class"),
        gr.Markdown(label="Notes"),
    ]


BAD_NUMBERS = [math.nan, math.inf, -math.inf, 1e308, -1e308, "12abc", "", " ", "nan", "inf", "1e309", True, [], {}, None]
BAD_VALUES = [*BAD_NUMBERS, 0, -1, 2**70, "x" * 100_000, ["a", 1, None], {"path": 5}, {"path": "/no/such/file.png"},
              [{"path": None}], {"headers": "x", "data": 5}, {"data": [[1, 2], [3]]}, [[1, "two"]], {"text": 5, "files": "x"}]


def preprocessed(component: gr.components.Component, payload: Any) -> Any:
    """``preprocess`` as the session calls it: any failure is a ``gr.Error``."""
    from pagelet.processing import preprocess_value

    return preprocess_value(component, payload)


@pytest.mark.parametrize("payload", BAD_VALUES, ids=repr)
def test_every_input_refuses_a_bad_value_with_a_message_naming_the_field(tmp_path: Path, payload: Any) -> None:
    for component in inputs(tmp_path):
        try:
            preprocessed(component, payload)
        except Error as exc:
            assert component.label in exc.message, exc.message
        # Anything else escaping is the bug this test is about.


@pytest.mark.parametrize(
    ("component", "payload", "message"),
    [
        (gr.Number(label="Age"), "12abc", "Age: '12abc' is not a number"),
        (gr.Number(label="Age"), math.nan, "Age: nan is not a finite number"),
        (gr.Number(label="Age"), "inf", "Age: 'inf' is not a finite number"),
        (gr.Number(label="Age", maximum=150), 1e308, "Age: Value 1e+308 is greater than maximum value 150."),
        (gr.Number(label="Age"), [1], "Age: expected a number, got [1]"),
        (gr.Slider(0, 10, label="Level"), 11, "Level: 11 is outside the range 0 to 10."),
        (gr.Slider(0, 10, label="Level"), -math.inf, "Level: -inf is not a finite number"),
        (gr.Slider(0, 10, label="Level"), "ten", "Level: 'ten' is not a number"),
    ],
)
def test_numbers_say_what_is_wrong(component: gr.components.Component, payload: Any, message: str) -> None:
    with pytest.raises(Error) as raised:
        preprocessed(component, payload)
    assert raised.value.message == message


def corrupt_file(tmp_path: Path, name: str, content: bytes) -> dict[str, Any]:
    path = tmp_path / name
    path.write_bytes(content)
    return {"path": str(path), "orig_name": name, "meta": {"_type": "gradio.FileData"}}


def truncated_png() -> bytes:
    header = struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0)
    chunk = struct.pack(">I", len(header)) + b"IHDR" + header + struct.pack(">I", zlib.crc32(b"IHDR" + header))
    return b"\x89PNG\r\n\x1a\n" + chunk  # no image data, no end


@pytest.mark.parametrize(
    ("component", "name", "content", "message"),
    [
        (gr.Image(type="pil", label="Photo"), "photo.png", b"not a png at all", "Photo: photo.png is not an image this app can read"),
        (gr.Image(type="numpy", label="Photo"), "photo.png", truncated_png(), "Photo: photo.png is not an image this app can read"),
        (gr.Image(type="pil", label="Photo"), "empty.png", b"", "Photo: empty.png is not an image this app can read"),
        (gr.Audio(type="numpy", label="Sound"), "sound.wav", b"RIFF\x10\x00\x00\x00WAVEjunk", "Sound: Only WAV audio can be read"),
        (gr.Audio(type="numpy", label="Sound"), "empty.wav", b"", "Sound: Only WAV audio can be read"),
        (gr.File(label="Table", file_types=[".csv"]), "data.exe", b"MZ", "Table: Invalid file type '.exe': this field accepts .csv"),
    ],
)
def test_corrupt_uploads_are_refused_with_the_file_and_field_named(
    tmp_path: Path, component: gr.components.Component, name: str, content: bytes, message: str
) -> None:
    with pytest.raises(Error) as raised:
        preprocessed(component, corrupt_file(tmp_path, name, content))
    assert raised.value.message.startswith(message)


def test_a_corrupt_csv_reaches_the_app_which_may_say_so_itself(tmp_path: Path) -> None:
    # A File hands over the path; reading it is the app's business, and its error reaches the page.
    def rows(path: str) -> int:
        import csv

        with open(path, newline="", encoding="utf-8") as handle:
            return len(list(csv.reader(handle)))

    demo = gr.Interface(rows, gr.File(label="Table"), gr.Number(label="Rows"))
    host = FakeHost(demo)
    answers = host.fire(0, corrupt_file(tmp_path, "data.csv", b"a,b\n\xff\xfe\x00broken\"\n"))
    assert final_stage(answers) == "error"
    [alert] = [message for message in answers if message["type"] == "alert"]
    assert alert["message"].startswith("UnicodeDecodeError")
    assert updates_of(host.fire(0, corrupt_file(tmp_path, "good.csv", b"a,b\n1,2\n")))[0]["value"] == 2


@pytest.mark.parametrize(
    ("component", "value", "message"),
    [
        (gr.Number(label="Total"), math.nan, "Total: nan is not a finite number"),
        (gr.Number(label="Total"), "lots", "Total: 'lots' is not a number"),
        (gr.Slider(0, 1, label="Share"), math.inf, "Share: inf is not a finite number"),
        (gr.Label(label="Class"), object(), "Class: Label expects a str, a number or a dict of confidences, got object"),
        (gr.Audio(label="Sound"), 3.5, "Sound: Cannot play a float: return a path, bytes or (sample_rate, samples)"),
    ],
)
def test_a_bad_return_value_names_the_output(component: gr.components.Component, value: Any, message: str) -> None:
    demo = gr.Interface(lambda _: value, gr.Textbox(label="In"), component)
    host = FakeHost(demo)
    answers = host.fire(0, "x")
    assert final_stage(answers) == "error"
    [alert] = [answer for answer in answers if answer["type"] == "alert"]
    assert alert["message"] == message


def test_json_output_carries_non_finite_numbers_as_null() -> None:
    demo = gr.Interface(lambda _: {"nan": math.nan, "inf": math.inf, "big": 1e308}, gr.Textbox(label="In"), gr.JSON(label="Out"))
    host = FakeHost(demo)
    assert updates_of(host.fire(0, "x"))[0]["value"] == {"nan": None, "inf": None, "big": 1e308}


bad_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30) | st.sampled_from(BAD_VALUES[:15]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(["path", "data", "headers", "text", "files", "token", "x"]), inner, max_size=4),
    max_leaves=10,
)


@settings(max_examples=150, deadline=None)
@given(payload=bad_json)
def test_any_value_for_any_input_is_taken_or_refused_with_a_gr_error(payload: Any) -> None:
    for component in inputs(Path("/nonexistent")):
        try:
            preprocessed(component, payload)
        except Error as exc:
            assert exc.message and component.label in exc.message
