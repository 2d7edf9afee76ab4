"""Sources and webcam options, video subtitles, and a session's output files kept bounded."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

import pytest

import pagelet as gr
from pagelet import files
from pagelet.components.subtitles import srt_to_vtt
from pagelet.protocol import parse_client_message
from pagelet.session import Session

# -- sources and webcam options ------------------------------------------------


def test_sources_default_to_gradios_order_and_take_a_single_name() -> None:
    assert gr.Image().get_props()["sources"] == ["upload", "webcam", "clipboard"]
    assert gr.Audio().get_props()["sources"] == ["upload", "microphone"]
    assert gr.Video().get_props()["sources"] == ["upload", "webcam"]
    assert gr.Image(sources="webcam").get_props()["sources"] == ["webcam"]
    assert gr.Audio(sources=["microphone"]).get_props()["sources"] == ["microphone"]


@pytest.mark.parametrize(("component", "source"), [(gr.Image, "microphone"), (gr.Audio, "webcam"), (gr.Video, "clipboard")])
def test_a_source_the_component_cannot_use_is_refused(component: type, source: str) -> None:
    with pytest.raises(ValueError, match="`sources` must be a list of"):
        component(sources=[source])


def test_webcam_options_reach_the_page_and_the_old_names_still_work() -> None:
    assert gr.Image().get_props()["webcam_options"] == {"mirror": True, "constraints": None}
    options = gr.WebcamOptions(mirror=False, constraints={"video": {"width": 320}})
    assert gr.Image(webcam_options=options).get_props()["webcam_options"] == {"mirror": False, "constraints": {"video": {"width": 320}}}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        props = gr.Image(mirror_webcam=False, webcam_constraints={"video": True}).get_props()
    assert props["webcam_options"] == {"mirror": False, "constraints": {"video": True}}
    assert {type(warning.message) for warning in caught} == {DeprecationWarning}
    assert gr.Video(webcam_options=gr.WebcamOptions(mirror=False)).get_props()["webcam_options"]["mirror"] is False


# -- video and subtitles ---------------------------------------------------------


@pytest.fixture
def clip(tmp_path: Path) -> Path:
    path = tmp_path / "clip.mp4"
    path.write_bytes(b"\x00\x00")
    return path


def test_a_video_value_is_gradios_6_file_data(clip: Path) -> None:
    shown = gr.Video().postprocess(str(clip))
    assert shown["path"] == str(clip) and shown["mime_type"] == "video/mp4"
    assert gr.Video().preprocess(shown) == str(clip)
    # The {video, subtitles} of a returned pair (Gradio 4 and 5) is still read as the video.
    assert gr.Video().preprocess({"video": shown, "subtitles": None}) == str(clip)
    assert gr.Video().postprocess((None, None)) is None
    assert gr.Video(render=False).api_info()["title"] == "FileData"


def test_subtitles_given_to_video_are_a_webvtt_prop(clip: Path, tmp_path: Path) -> None:
    cues = [{"text": "Hello", "timestamp": [0, 1.5]}, {"text": "Bye", "timestamp": [1.5, 3661.25]}]
    video = gr.Video(str(clip), subtitles=cues, playback_position=2, render=False)
    props = video.get_props()
    assert props["playback_position"] == 2 and props["subtitles"]["mime_type"] == "text/vtt"
    assert Path(props["subtitles"]["path"]).read_text(encoding="utf-8") == (
        "WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.500\nHello\n\n2\n00:00:01.500 --> 01:01:01.250\nBye\n"
    )
    srt = tmp_path / "words.srt"
    srt.write_text("1\n00:00:00,000 --> 00:00:01,000\nHi\n", encoding="utf-8")
    assert gr.Video(subtitles=str(srt), render=False).get_props()["subtitles"]["path"].endswith(".vtt")
    with pytest.raises(ValueError, match="timestamp"):
        gr.Video(subtitles=[{"text": "no time"}], render=False)
    as_json = tmp_path / "cues.json"
    as_json.write_text('[{"text": "Hello", "timestamp": [0, 1.5]}]', encoding="utf-8")
    track = gr.Video(subtitles=str(as_json), render=False).get_props()["subtitles"]
    assert Path(track["path"]).read_text(encoding="utf-8") == "WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.500\nHello\n"


def test_srt_subtitles_are_shown_as_webvtt(clip: Path, tmp_path: Path) -> None:
    srt = tmp_path / "words.srt"
    srt.write_text("1\n00:00:00,000 --> 00:00:01,500\nHello, there\n\n2\n00:00:01,500 --> 00:00:03,000\nBye\n", encoding="utf-8")
    shown = gr.Video().postprocess((str(clip), str(srt)))
    vtt = Path(shown["subtitles"]["path"])
    assert vtt.suffix == ".vtt" and shown["subtitles"]["mime_type"] == "text/vtt"
    assert vtt.read_text(encoding="utf-8") == (
        "WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.500\nHello, there\n\n2\n00:00:01.500 --> 00:00:03.000\nBye\n"
    )


def test_vtt_subtitles_pass_as_they_are_and_other_files_are_refused(clip: Path, tmp_path: Path) -> None:
    vtt = tmp_path / "words.vtt"
    vtt.write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n", encoding="utf-8")
    assert gr.Video().postprocess((clip, vtt))["subtitles"]["path"] == str(vtt)
    text = tmp_path / "words.txt"
    text.write_text("Hi")
    with pytest.raises(ValueError, match=r"\.srt or \.vtt"):
        gr.Video().postprocess((clip, text))


def test_srt_to_vtt_keeps_cue_text_with_commas_and_crlf() -> None:
    assert srt_to_vtt("\ufeff1\r\n00:01:02,003 --> 00:01:04,005\r\nA, B\r\n") == "WEBVTT\n\n1\n00:01:02.003 --> 00:01:04.005\nA, B\n"


# -- a session's output files ---------------------------------------------------


def run(session: Session, fn: int = 0) -> None:
    asyncio.run(session.handle({"v": 1, "type": "event", "event_id": "e", "fn": fn, "data": []}))


def sound_app() -> gr.Blocks:
    """Each click writes a new WAV file (pure Python) and a new file in the temp folder."""

    def make() -> tuple[tuple[int, list[int]], str]:
        handle, path = tempfile.mkstemp(suffix=".txt")
        os.write(handle, b"note")
        os.close(handle)
        return (8000, [0, 100, -100]), path

    with gr.Blocks() as demo:
        button = gr.Button("Go")
        sound = gr.Audio(label="Sound")
        note = gr.File(label="Note")
        button.click(make, None, [sound, note])
    return demo


def test_replaced_output_files_are_released_and_deleted() -> None:
    sent: list[dict] = []
    store = files.TempFileStore(lambda file, data: None)
    session = Session(sound_app(), sent.append, file_store=store)
    sounds: list[str] = []
    notes: list[str] = []
    runs = 12
    for _ in range(runs):
        run(session)
        update = next(message for message in reversed(sent) if message["type"] == "update")
        sound, note = (value["value"]["path"] for value in update["updates"])
        sounds.append(sound)
        notes.append(note)
    releases = [message["paths"] for message in sent if message["type"] == "release"]
    # Each run after the first releases the two files the run before showed, right after its update.
    assert releases == [sorted(pair) for pair in zip(sounds[:-1], notes[:-1])]
    assert [message["type"] for message in sent[-4:]] == ["status", "update", "release", "status"]
    # The WAVs the core wrote go at once; of the app's notes, the last few released stay.
    assert [os.path.exists(path) for path in sounds] == [False] * (runs - 1) + [True]
    kept = files.TempFileStore.KEEP_RELEASED_APP_FILES
    assert [os.path.exists(path) for path in notes] == [False] * (runs - 1 - kept) + [True] * (kept + 1)
    session.close()
    assert not any(os.path.exists(path) for path in notes)


def test_an_app_file_released_then_returned_again_is_still_there() -> None:
    """A memoized or cached result naming a file the app wrote earlier in the session."""
    store = files.TempFileStore(lambda file, data: None)
    memo: dict[str, str] = {}

    def answer(again: bool) -> str:
        if again and "path" in memo:
            return memo["path"]
        handle, path = tempfile.mkstemp(suffix=".txt")
        os.close(handle)
        memo.setdefault("path", path)
        return path

    with gr.Blocks() as demo:
        again = gr.Checkbox(label="Again")
        shown = gr.File(label="Shown")
        gr.Button("Go").click(answer, again, shown)
    session = Session(demo, lambda message: None, file_store=store)
    asyncio.run(session.handle({"v": 1, "type": "event", "event_id": "a", "fn": 0, "data": [True]}))
    remembered = memo["path"]
    for _ in range(3):
        asyncio.run(session.handle({"v": 1, "type": "event", "event_id": "b", "fn": 0, "data": [False]}))
    asyncio.run(session.handle({"v": 1, "type": "event", "event_id": "c", "fn": 0, "data": [True]}))
    assert os.path.exists(remembered)
    session.close()
    assert not os.path.exists(remembered)


def test_uploads_and_files_older_than_the_session_are_never_deleted(tmp_path: Path) -> None:
    handle, early = tempfile.mkstemp(suffix=".txt")
    os.close(handle)
    elsewhere = tmp_path / "mine.txt"
    elsewhere.write_text("kept")
    store = files.TempFileStore(lambda file, data: None)
    upload = store.save("photo.png", b"png", "image/png")
    answers = iter([early, str(elsewhere), upload["path"], None])
    with gr.Blocks() as demo:
        button = gr.Button("Go")
        shown = gr.File(label="Shown")
        button.click(lambda: next(answers), None, shown)
    session = Session(demo, lambda message: None, file_store=store)
    for _ in range(4):
        run(session)
    assert os.path.exists(early) and elsewhere.exists() and os.path.exists(upload["path"])
    os.remove(early)
    session.close()


def test_a_released_file_shown_again_is_sent_again(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("a")
    second.write_text("b")
    answers = iter([first, second, first])
    with gr.Blocks() as demo:
        button = gr.Button("Go")
        shown = gr.File(label="Shown")
        button.click(lambda: str(next(answers)), None, shown)
    sent_bytes: list[bytes] = []
    session = Session(demo, lambda message: None, file_store=files.TempFileStore(lambda file, data: sent_bytes.append(data)))
    for _ in range(3):
        run(session)
    assert sent_bytes == [b"a", b"b", b"a"]


def test_a_server_session_serves_by_url_and_releases_nothing(tmp_path: Path) -> None:
    from pagelet.server.files import ServerFolders
    from pagelet.server.options import ServerOptions
    from pagelet.server.session_files import SessionFiles

    store = SessionFiles(ServerFolders(ServerOptions()), "file=", None)
    assert store.release(["/tmp/x"]) == []


def test_the_host_cannot_send_a_release() -> None:
    from pagelet.protocol import ProtocolError

    with pytest.raises(ProtocolError, match="unknown message type"):
        parse_client_message({"v": 1, "type": "release", "paths": []})


# -- gr.Plot with a Plotly figure -------------------------------------------------


def test_a_plotly_figure_is_sent_as_its_json() -> None:
    import plotly.graph_objects as go

    figure = go.Figure(go.Bar(x=["a", "b"], y=[3, 5], name="Votes"), layout={"title": {"text": "Results"}})
    value = gr.Plot().postprocess(figure)
    assert value["type"] == "plotly"
    sent = json.loads(value["plot"])
    assert sent["data"][0]["type"] == "bar" and sent["data"][0]["name"] == "Votes"
    assert sent["layout"]["title"]["text"] == "Results"
    assert json.loads(json.dumps(value)) == value  # travels as plain JSON


def test_plot_imports_no_plotting_library_of_its_own() -> None:
    code = "import sys, pagelet as gr; gr.Plot().postprocess(None); print(sorted(m for m in ('plotly', 'matplotlib') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_when_the_session_ends_the_files_it_owns_go_and_the_apps_stay(tmp_path: Path) -> None:
    elsewhere = tmp_path / "mine.txt"
    elsewhere.write_text("kept")
    sent: list[dict] = []
    store = files.TempFileStore(lambda file, data: None)
    session = Session(sound_app(), sent.append, file_store=store)
    run(session)
    update = next(message for message in sent if message["type"] == "update")
    shown = [value["value"]["path"] for value in update["updates"][:2]]
    store.publish(files.file_data(elsewhere))
    assert all(os.path.exists(path) for path in shown)
    session.close()
    assert not any(os.path.exists(path) for path in shown)
    assert elsewhere.read_text() == "kept"


def test_audio_takes_gradio_6s_waveform_options_playback_position_and_subtitles() -> None:
    audio = gr.Audio(
        waveform_options=gr.WaveformOptions(waveform_color="#01C6FF", skip_length=2),
        playback_position=3,
        subtitles=[{"text": "Hi", "timestamp": [0, 1]}],
        render=False,
    )
    props = audio.get_props()
    assert props["waveform_options"]["waveform_color"] == "#01C6FF" and props["waveform_options"]["skip_length"] == 2
    assert props["playback_position"] == 3
    assert Path(props["subtitles"]["path"]).read_text(encoding="utf-8").startswith("WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.000\nHi")
    assert gr.Audio(render=False).get_props()["subtitles"] is None
