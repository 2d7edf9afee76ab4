"""Streams as a person uses them, in a Chromium with fake devices: a webcam's frames and a
microphone's chunks each run the app's ``.stream()`` function, a streaming Audio output plays
a generator's chunks one after another; in the browser and behind ``pagelet run``."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from pages import Site, open_app
from server_app import run_app
from test_capture_app import app_page, device_page, devices_browser  # noqa: F401 (fixtures)

WEBCAM_STREAM_APP = """
import gradio as gr

seen = []

def look(path):
    # A path, not numpy: the test site's Pyodide has no Pillow to decode with.
    with open(path, "rb") as frame:
        seen.append(frame.read(2) == bytes([0xFF, 0xD8]))
    return f"{len(seen)} frames, {'all JPEG' if all(seen) else 'not JPEG'}"

with gr.Blocks() as demo:
    camera = gr.Image(sources=["webcam"], type="filepath", label="Camera")
    frames = gr.Textbox(label="Frames")
    camera.stream(look, camera, frames, stream_every=0.2, time_limit=LIMIT, concurrency_limit=2)

demo.launch()
"""


def frame_count(page: Page) -> int:
    text = page.get_by_label("Frames", exact=True).input_value()
    return int(text.split()[0]) if text else 0


def test_webcam_frames_run_the_function_until_stop(device_page: Page, site: Site) -> None:
    open_app(device_page, app_page(site, "webcam-stream.html", WEBCAM_STREAM_APP.replace("LIMIT", "None")))
    device_page.get_by_role("button", name="Click to access webcam").click()
    device_page.get_by_role("button", name="Record").click()
    expect(device_page.get_by_role("status")).to_have_text("Streaming…")
    frames = device_page.get_by_label("Frames", exact=True)
    expect(frames).to_have_value(re.compile(r"^([3-9]|\d\d+) frames, all JPEG$"))
    device_page.get_by_role("button", name="Stop").click()
    expect(device_page.get_by_role("button", name="Record")).to_be_visible()
    device_page.wait_for_timeout(600)  # a frame sent just before Stop may still answer
    stopped_at = frame_count(device_page)
    device_page.wait_for_timeout(1000)
    assert frame_count(device_page) == stopped_at
    # The camera stays open: Record streams again.
    device_page.get_by_role("button", name="Record").click()
    expect(frames).not_to_have_value(f"{stopped_at} frames, all JPEG")


def test_the_time_limit_ends_the_stream_and_says_so(device_page: Page, site: Site) -> None:
    open_app(device_page, app_page(site, "webcam-limit.html", WEBCAM_STREAM_APP.replace("LIMIT", "1.5")))
    device_page.get_by_role("button", name="Click to access webcam").click()
    device_page.get_by_role("button", name="Record").click()
    expect(device_page.get_by_role("status")).to_have_text("Streaming stopped: its time limit of 1.5 s was reached.")
    expect(device_page.get_by_role("button", name="Record")).to_be_visible()
    device_page.wait_for_timeout(600)
    stopped_at = frame_count(device_page)
    assert 2 <= stopped_at <= 9  # about 1.5 s at a frame every 0.2 s
    device_page.wait_for_timeout(1000)
    assert frame_count(device_page) == stopped_at


MICROPHONE_STREAM_APP = """
import gradio as gr

import wave

chunks = []

def hear(path):
    with wave.open(path) as chunk:
        rate = chunk.getframerate()
        chunks.append(chunk.getnframes())
    return f"{len(chunks)} chunks at {rate} Hz, each about {sum(chunks) / len(chunks) / rate:.1f} s"

with gr.Blocks() as demo:
    voice = gr.Audio(sources=["microphone"], type="filepath", label="Voice")
    heard = gr.Textbox(label="Heard")
    voice.stream(hear, voice, heard, stream_every=0.5)

demo.launch()
"""


def test_microphone_chunks_reach_the_function_every_half_second(device_page: Page, site: Site) -> None:
    open_app(device_page, app_page(site, "microphone-stream.html", MICROPHONE_STREAM_APP))
    device_page.get_by_role("button", name="Record").click()
    heard = device_page.get_by_label("Heard", exact=True)
    expect(heard).to_have_value(re.compile(r"^[3-9] chunks at \d+ Hz, each about 0\.[4-6] s$"))
    device_page.get_by_role("button", name="Stop").click()
    expect(device_page.get_by_role("button", name="Record")).to_be_visible()


STREAMING_OUTPUT_APP = """
import math
import time
import wave
import gradio as gr

def tones():
    for step in range(3):
        rate, pitch = 8000, 440 * (step + 1)
        path = f"tone{step}.wav"
        with wave.open(path, "wb") as tone:
            tone.setnchannels(1)
            tone.setsampwidth(2)
            tone.setframerate(rate)
            tone.writeframes(b"".join(int(8000 * math.sin(2 * math.pi * pitch * n / rate)).to_bytes(2, "little", signed=True)
                                      for n in range(rate // 4)))
        yield path
        time.sleep(0.3)

with gr.Blocks() as demo:
    play = gr.Button("Play")
    sound = gr.Audio(streaming=True, autoplay=True, label="Sound")
    play.click(tones, None, sound)

demo.launch()
"""


def test_a_streaming_output_plays_each_chunk_after_the_last(device_page: Page, site: Site) -> None:
    open_app(device_page, app_page(site, "streaming-output.html", STREAMING_OUTPUT_APP))
    player = device_page.get_by_label("Sound", exact=True)
    player.evaluate("audio => { window.played = []; audio.addEventListener('playing', () => window.played.push(audio.src)); }")
    device_page.get_by_role("button", name="Play").click()
    device_page.wait_for_function("() => window.played.length === 3 && new Set(window.played).size === 3")
    # Each chunk played to its end before the next began.
    assert player.evaluate("audio => audio.ended || !audio.paused")


def test_streams_reach_an_app_served_by_pagelet_run(device_page: Page, tmp_path: Path) -> None:
    """On CPython each frame and chunk travels as an HTTP upload."""
    code = WEBCAM_STREAM_APP.replace("LIMIT", "None").replace("demo.launch()", "") + MICROPHONE_STREAM_APP.replace(
        "import gradio as gr", "").replace("with gr.Blocks() as demo:", "with demo:")
    for url in run_app(tmp_path, code):
        device_page.goto(url)
        device_page.get_by_role("button", name="Click to access webcam").click()
        # The camera's Record shows once the camera is open; until then the only Record is the microphone's.
        expect(device_page.get_by_role("button", name="Record")).to_have_count(2)
        device_page.get_by_role("button", name="Record").first.click()
        expect(device_page.get_by_label("Frames", exact=True)).to_have_value(re.compile(r"^([3-9]|\d\d+) frames, all JPEG$"))
        device_page.get_by_role("button", name="Stop").click()
        device_page.get_by_role("button", name="Record").nth(1).click()
        expect(device_page.get_by_label("Heard", exact=True)).to_have_value(re.compile(r"^[2-9] chunks at \d+ Hz"))
