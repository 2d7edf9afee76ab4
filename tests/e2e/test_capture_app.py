"""Webcam photos and microphone recordings, taken as a person would, in a Chromium with fake devices."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserType, Page, expect

from pages import CHROMIUM, CHROMIUM_ARGS, Site, abort_foreign_requests, open_app
from test_server_page import run_app

# Chromium's own stand-ins: a test-pattern camera (640x480), a beeping microphone,
# and permission granted without asking. Only these tests use them.
FAKE_DEVICES = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]


@pytest.fixture(scope="module")
def devices_browser(browser_type: BrowserType) -> Iterator[Browser]:
    browser = browser_type.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, *FAKE_DEVICES])
    yield browser
    browser.close()


@pytest.fixture
def device_page(devices_browser: Browser) -> Iterator[Page]:
    context = devices_browser.new_context()
    blocked = abort_foreign_requests(context)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
    assert blocked == [], f"requests left the host: {blocked}"


def app_page(site: Site, name: str, code: str) -> str:
    return site.page(name, f"<gradio-lite>\n{code}\n</gradio-lite>")


PHOTO_APP = """
import gradio as gr

def size(path):
    with open(path, "rb") as handle:
        head = handle.read(24)
    return f"{int.from_bytes(head[16:20], 'big')}x{int.from_bytes(head[20:24], 'big')}"

gr.Interface(size, gr.Image(sources=["webcam"], type="filepath", label="Camera"), gr.Textbox(label="Size")).launch()
"""


def test_a_webcam_photo_reaches_the_function_at_the_cameras_size(device_page: Page, site: Site) -> None:
    open_app(device_page, app_page(site, "webcam.html", PHOTO_APP))
    expect(device_page.get_by_role("button", name="Upload file", exact=True)).to_have_count(0)
    device_page.get_by_role("button", name="Click to access webcam").click()
    live = device_page.locator(".pagelet-capture-live")
    expect(live).to_be_visible()
    # Mirrored by default (gr.WebcamOptions(mirror=True)), as a selfie view.
    assert live.evaluate("video => getComputedStyle(video).transform") == "matrix(-1, 0, 0, 1, 0, 0)"
    device_page.wait_for_function("() => document.querySelector('.pagelet-capture-live').videoWidth > 0")
    device_page.get_by_role("button", name="Capture", exact=True).click()
    photo = device_page.get_by_role("img", name="Camera")
    expect(photo).to_be_visible()
    expect(live).to_be_hidden()
    device_page.get_by_role("button", name="Submit").click()
    expect(device_page.get_by_label("Size", exact=True)).to_have_value("640x480")


def test_upload_is_the_first_source_and_the_webcam_is_a_choice_away(device_page: Page, site: Site) -> None:
    open_app(device_page, app_page(site, "sources.html", """
import gradio as gr
gr.Interface(lambda path: "ok", gr.Image(type="filepath", label="Photo", webcam_options=gr.WebcamOptions(mirror=False)),
             gr.Textbox(label="Answer")).launch()
"""))
    upload = device_page.get_by_role("button", name="Upload file", exact=True)
    expect(upload).to_have_attribute("aria-pressed", "true")
    expect(device_page.get_by_label("Photo", exact=True)).to_be_visible()
    expect(device_page.get_by_role("button", name="Click to access webcam")).to_have_count(0)
    device_page.get_by_role("button", name="Capture from camera").click()
    expect(device_page.get_by_label("Photo", exact=True)).to_be_hidden()
    device_page.get_by_role("button", name="Click to access webcam").click()
    live = device_page.locator(".pagelet-capture-live")
    expect(live).to_be_visible()
    assert live.evaluate("video => getComputedStyle(video).transform") == "none"
    # Back to the upload zone: the camera is let go.
    upload.click()
    expect(device_page.get_by_label("Photo", exact=True)).to_be_visible()
    device_page.wait_for_function("() => !document.querySelector('.pagelet-capture-live')?.srcObject")


RECORDING_APP = """
import wave
import gradio as gr

def describe(path):
    with wave.open(path) as sound:
        return f"{sound.getframerate()} Hz, {sound.getnframes()} frames, {sound.getsampwidth() * 8}-bit"

gr.Interface(describe, gr.Audio(sources=["microphone"], type="filepath", label="Voice"), gr.Textbox(label="Heard")).launch()
"""


def test_a_microphone_recording_reaches_the_function_as_wav(device_page: Page, site: Site) -> None:
    open_app(device_page, app_page(site, "microphone.html", RECORDING_APP))
    device_page.get_by_role("button", name="Record").click()
    stop = device_page.get_by_role("button", name="Stop")
    expect(stop).to_be_visible()
    expect(device_page.get_by_role("status")).to_have_text("Recording…")
    device_page.wait_for_timeout(1000)  # about a second of the fake microphone's beeps
    stop.click()
    player = device_page.get_by_label("Voice (playback)")
    expect(player).to_be_visible()
    assert player.evaluate("audio => audio.src.startsWith('blob:')")
    device_page.get_by_role("button", name="Submit").click()
    heard = device_page.get_by_label("Heard", exact=True)
    expect(heard).to_have_value(re.compile(r"^\d+ Hz, \d+ frames, 16-bit$"))
    rate, frames = heard.input_value().split(" Hz, ")
    assert int(rate) > 0 and int(frames.split()[0]) > int(rate) // 4


def test_a_webcam_video_recording_reaches_the_function(device_page: Page, site: Site) -> None:
    open_app(device_page, app_page(site, "webcam-video.html", """
import os
import gradio as gr
gr.Interface(lambda path: f"{os.path.basename(path)} {os.path.getsize(path) > 0}",
             gr.Video(sources=["webcam"], label="Clip"), gr.Textbox(label="Got")).launch()
"""))
    device_page.get_by_role("button", name="Record").click()
    expect(device_page.locator(".pagelet-capture-live")).to_be_visible()
    device_page.wait_for_timeout(500)
    device_page.get_by_role("button", name="Stop").click()
    expect(device_page.get_by_label("Clip (playback)")).to_be_visible()
    device_page.get_by_role("button", name="Submit").click()
    expect(device_page.get_by_label("Got", exact=True)).to_have_value("recording.webm True")


def test_a_refused_camera_says_so_in_the_page(browser_type: BrowserType, site: Site) -> None:
    """A camera is there, but the person does not allow it (no permission prompt is answered)."""
    browser = browser_type.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, FAKE_DEVICES[0]])
    try:
        context = browser.new_context()
        blocked = abort_foreign_requests(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        open_app(page, app_page(site, "webcam-refused.html", PHOTO_APP))
        page.get_by_role("button", name="Click to access webcam").click()
        expect(page.get_by_role("alert")).to_have_text(
            "Permission to use the camera was denied. Allow camera access for this page in the browser and try again."
        )
        expect(page.get_by_role("button", name="Click to access webcam")).to_be_visible()
        assert blocked == []
    finally:
        browser.close()


def test_without_a_camera_the_page_says_none_was_found(page: Page, site: Site) -> None:
    open_app(page, app_page(site, "webcam-missing.html", PHOTO_APP))
    page.get_by_role("button", name="Click to access webcam").click()
    expect(page.get_by_role("alert")).to_have_text("No camera was found that this app can use.")


def test_the_camera_and_microphone_example_page(device_page: Page, base_url: str) -> None:
    open_app(device_page, f"{base_url}/public/examples/capture.html")
    device_page.get_by_role("button", name="Click to access webcam").click()
    device_page.wait_for_function("() => document.querySelector('.pagelet-capture-live').videoWidth > 0")
    device_page.get_by_role("button", name="Capture", exact=True).click()
    expect(device_page.get_by_label("Photo size", exact=True)).to_have_value("640 × 480 pixels")

    device_page.get_by_role("tab", name="Voice").click()
    device_page.get_by_role("button", name="Record").click()
    device_page.wait_for_timeout(1000)
    device_page.get_by_role("button", name="Stop").click()
    expect(device_page.get_by_label("Length", exact=True)).to_have_value(re.compile(r"^\d\.\d s at \d+ Hz$"))
    expect(device_page.get_by_label("What Python heard", exact=True)).to_be_visible()

    device_page.get_by_role("tab", name="Clip").click()
    device_page.get_by_role("button", name="Record").click()
    device_page.wait_for_timeout(1000)
    device_page.get_by_role("button", name="Stop").click()
    subtitled = device_page.get_by_label("Clip with subtitles", exact=True)
    expect(subtitled).to_be_visible()
    cue = subtitled.evaluate(
        """video => new Promise((resolve) => {
            const track = video.querySelector('track');
            const read = () => resolve(video.textTracks[0].cues[0].text);
            track.readyState === 2 ? read() : track.addEventListener('load', read);
        })"""
    )
    assert re.fullmatch(r"Recorded in your browser, \d+ KB", cue)


SERVER_APP = """
import gradio as gr

def heard(sound):
    rate, samples = sound
    return f"{rate} Hz, {samples.dtype}, {'long enough' if samples.shape[0] > rate // 4 else 'too short'}"

def film(path):
    with open("words.vtt", "w") as words:
        words.write("WEBVTT\\n\\n00:00.000 --> 00:10.000\\nOn the server\\n")
    return path, "words.vtt"

with gr.Blocks() as demo:
    voice = gr.Audio(sources=["microphone"], label="Voice")
    answer = gr.Textbox(label="Heard")
    voice.stop_recording(heard, voice, answer)
    clip = gr.Video(sources=["webcam"], label="Clip")
    shown = gr.Video(label="Shown", interactive=False)
    clip.stop_recording(film, clip, shown)

if __name__ == "__main__":
    demo.launch()
"""


def test_recordings_reach_an_app_served_by_pagelet_run(device_page: Page, tmp_path: Path) -> None:
    """On CPython the recording travels over HTTP, and `type="numpy"` reads the WAV with numpy."""
    for url in run_app(tmp_path, SERVER_APP):
        device_page.goto(url)
        device_page.get_by_role("button", name="Record").first.click()
        device_page.wait_for_timeout(1000)
        device_page.get_by_role("button", name="Stop").click()
        expect(device_page.get_by_label("Heard", exact=True)).to_have_value(re.compile(r"^\d+ Hz, int16, long enough$"))

        device_page.get_by_role("button", name="Record").nth(1).click()
        device_page.wait_for_timeout(500)
        device_page.get_by_role("button", name="Stop").click()
        track = device_page.get_by_label("Shown", exact=True).locator("track")
        expect(track).to_have_attribute("src", re.compile(r"gradio_api/file=.*\.vtt$"))
