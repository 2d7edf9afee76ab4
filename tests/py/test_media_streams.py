"""Streams: ``.stream()`` on a webcam Image or a microphone Audio, and a streaming Audio output."""

from __future__ import annotations

import io
import wave
from pathlib import Path

import numpy as np
import pytest
from PIL import Image as PILImage

import pagelet as gr
from fake_host import FakeHost, component, final_stage, updates_of


def streaming_app() -> tuple[gr.Blocks, gr.Image]:
    with gr.Blocks() as demo:
        camera = gr.Image(sources=["webcam"], label="Camera")
        flipped = gr.Image(label="Flipped")
        camera.stream(lambda frame: np.flipud(frame), camera, flipped, stream_every=0.2, time_limit=5, concurrency_limit=3)
    return demo, camera


def test_stream_turns_streaming_on_and_tells_the_page_how_often_and_how_long() -> None:
    demo, _camera = streaming_app()
    config = demo.get_config()
    props = component(config, "Camera")["props"]
    assert (props["streaming"], props["stream_every"], props["time_limit"]) == (True, 0.2, 5.0)
    assert component(config, "Flipped")["props"]["streaming"] is False
    [dependency] = config["dependencies"]
    # Gradio's stream: a minimal progress, and a frame waiting while one runs is replaced by the next.
    assert (dependency["targets"], dependency["show_progress"], dependency["trigger_mode"]) == (
        [[component(config, "Camera")["id"], "stream"]], "minimal", "always_last")
    assert demo.dependencies[0].concurrency_limit == 3


def test_streaming_is_gradios_default_of_half_a_second_without_a_limit() -> None:
    with gr.Blocks() as demo:
        voice = gr.Audio(sources=["microphone"], label="Voice")
        voice.stream(lambda chunk: None, voice, None)
    props = component(demo.get_config(), "Voice")["props"]
    assert (props["streaming"], props["stream_every"], props["time_limit"]) == (True, 0.5, None)


@pytest.mark.parametrize(("option", "value", "message"), [
    ("stream_every", 0, "stream_every must be a positive number of seconds, got 0"),
    ("stream_every", "fast", "stream_every must be a positive number of seconds, got 'fast'"),
    ("time_limit", -1, "time_limit must be a positive number of seconds or None, got -1"),
])
def test_bad_stream_timing_is_refused_with_what_was_given(option: str, value: object, message: str) -> None:
    with gr.Blocks():
        camera = gr.Image(sources=["webcam"])
        with pytest.raises(ValueError, match=message):
            camera.stream(lambda frame: frame, camera, None, **{option: value})


def test_streaming_true_is_accepted_as_in_gradio() -> None:
    with gr.Blocks() as demo:
        gr.Image(sources=["webcam"], streaming=True, label="Live")
        gr.Audio(streaming=True, label="Played")
    config = demo.get_config()
    assert component(config, "Live")["props"]["streaming"] is True
    assert component(config, "Played")["props"]["streaming"] is True


def test_each_frame_runs_the_function_and_updates_the_output(tmp_path: Path) -> None:
    demo, camera = streaming_app()
    host = FakeHost(demo)
    for shade in (10, 200):
        frame = tmp_path / f"frame{shade}.jpg"
        PILImage.new("RGB", (4, 2), (shade, shade, shade)).save(frame)
        messages = host.fire(0, {"path": str(frame), "orig_name": frame.name, "meta": {"_type": "gradio.FileData"}})
        assert final_stage(messages) == "done"
        [update] = updates_of(messages)
        shown = PILImage.open(update["value"]["path"])
        assert shown.size == (4, 2) and abs(shown.getpixel((0, 0))[0] - shade) < 8


def test_a_microphone_chunk_reaches_the_function_as_numpy(tmp_path: Path) -> None:
    with gr.Blocks() as demo:
        voice = gr.Audio(sources=["microphone"], label="Voice")
        heard = gr.Textbox(label="Heard")
        voice.stream(lambda chunk: f"{chunk[0]} Hz, {chunk[1].shape[0]} samples", voice, heard, stream_every=0.5)
    chunk = tmp_path / "chunk.wav"
    with wave.open(str(chunk), "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(48000)
        writer.writeframes(np.zeros(24000, dtype=np.int16).tobytes())
    messages = FakeHost(demo).fire(0, {"path": str(chunk), "meta": {"_type": "gradio.FileData"}})
    assert updates_of(messages) == [{"id": heard.id, "value": "48000 Hz, 24000 samples"}]


def wav_bytes(samples: int) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(8000)
        writer.writeframes(b"\0\0" * samples)
    return buffer.getvalue()


def test_a_streaming_output_gets_each_chunk_a_generator_yields_as_a_file_of_its_own() -> None:
    def chunks():
        yield (8000, np.zeros(800, dtype=np.int16))
        yield wav_bytes(400)

    with gr.Blocks() as demo:
        go = gr.Button("Play")
        played = gr.Audio(streaming=True, label="Played")
        go.click(chunks, None, played)
    updates = updates_of(FakeHost(demo).fire(0))
    paths = [update["value"]["path"] for update in updates]
    assert len(paths) == 2 and paths[0] != paths[1]
    assert paths[1].endswith(".wav") and Path(paths[1]).read_bytes() == wav_bytes(400)


def test_a_live_interface_streams_its_streaming_webcam_for_thirty_seconds_by_default() -> None:
    demo = gr.Interface(lambda frame: frame, gr.Image(sources=["webcam"], streaming=True, label="Live"), "image", live=True)
    config = demo.get_config()
    live = component(config, "Live")
    assert config["dependencies"][0]["targets"] == [[live["id"], "stream"]]
    assert (live["props"]["stream_every"], live["props"]["time_limit"]) == (0.5, 30.0)
    limited = gr.Interface(lambda frame: frame, gr.Image(sources=["webcam"], streaming=True, label="Short"), "image",
                           live=True, time_limit=5, stream_every=0.1)
    assert {key: component(limited.get_config(), "Short")["props"][key] for key in ("stream_every", "time_limit")} == {
        "stream_every": 0.1, "time_limit": 5.0}


def test_a_streaming_audio_listens_to_the_microphone_only_unless_told() -> None:
    # Gradio's default sources: ["microphone"] when streaming, both otherwise.
    assert gr.Audio(streaming=True).sources == ["microphone"]
    assert gr.Audio().sources == ["upload", "microphone"]
    assert gr.Audio(streaming=True, sources=["upload", "microphone"]).sources == ["upload", "microphone"]
