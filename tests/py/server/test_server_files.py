"""Files through the real ``gradio_client``: ``handle_file`` uploads in, file outputs downloaded out."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from gradio_client import handle_file
from gradio_client.exceptions import AppError
from PIL import Image as PILImage
from serving import TIMEOUT, client, http, served, wait_until
from websockets.sync.client import connect

import pagelet as gr


def write_png(path: Path, size: tuple[int, int], color: tuple[int, int, int]) -> Path:
    PILImage.new("RGB", size, color).save(path)
    return path


def test_handle_file_uploads_into_a_file_input(tmp_path: Path) -> None:
    def count_lines(path: str) -> str:
        with open(path) as handle:
            return f"{Path(path).name}: {len(handle.read().splitlines())} lines"

    demo = gr.Interface(count_lines, gr.File(label="Document"), gr.Textbox(label="Lines"))
    notes = tmp_path / "notes.txt"
    notes.write_text("one\ntwo\nthree\n")
    with served(demo) as url:
        assert client(url).predict(handle_file(notes), api_name="/count_lines") == "notes.txt: 3 lines"


def test_an_image_in_and_an_image_out_are_downloaded(tmp_path: Path) -> None:
    def invert(image):
        return 255 - image

    demo = gr.Interface(invert, gr.Image(label="Photo"), gr.Image(label="Inverted"))
    photo = write_png(tmp_path / "photo.png", (4, 3), (10, 20, 30))
    with served(demo) as url:
        downloaded = client(url, download_files=str(tmp_path / "downloads")).predict(handle_file(photo), api_name="/invert")
    with PILImage.open(downloaded) as result:
        # Gradio 6 writes images as WebP by default, which is lossy: the pixel is near, not exact.
        assert result.format == "WEBP" and result.size == (4, 3)
        assert all(abs(got - want) <= 8 for got, want in zip(result.getpixel((0, 0)), (245, 235, 225)))


def test_a_file_the_app_writes_is_offered_from_the_output_folder_and_downloaded(tmp_path: Path) -> None:
    written = Path(tempfile.mkdtemp()) / "report.txt"

    def report(text: str) -> str:
        written.write_text(text.upper())
        return str(written)

    demo = gr.Interface(report, gr.Textbox(label="Text"), gr.File(label="Report"))
    with served(demo) as url:
        value = client(url).predict("hello", api_name="/report")
        # A copy in the server's output folder is served; the app's own path is not.
        assert value["path"] != str(written) and Path(value["path"]).name == "report.txt"
        assert value["orig_name"] == "report.txt"
        assert value["url"] == url + "gradio_api/file=" + value["path"]
        with http(url) as session:
            assert session.get(value["url"]).text == "HELLO"
            assert session.get(f"gradio_api/file={written}").status_code == 404
        downloaded = client(url, download_files=str(tmp_path / "downloads")).predict("again", api_name="/report")
    assert Path(downloaded).read_text() == "AGAIN"


def test_a_file_in_allowed_paths_is_served_where_it_is(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "terms.txt").write_text("terms")
    def terms(_: str) -> str:
        return str(shared / "terms.txt")

    demo = gr.Interface(terms, gr.Textbox(label="Ask"), gr.File(label="Terms"))
    with served(demo, allowed_paths=[str(shared)]) as url:
        value = client(url).predict("x", api_name="/terms")
        assert value["path"] == str(shared / "terms.txt")
        with http(url) as session:
            assert session.get(value["url"]).text == "terms"


def test_an_upload_fed_back_as_an_output_is_served_in_place(tmp_path: Path) -> None:
    def same(path: str) -> str:
        return path

    demo = gr.Interface(same, gr.File(label="In"), gr.File(label="Out"))
    (tmp_path / "a.txt").write_text("abc")
    with served(demo) as url:
        value = client(url).predict(handle_file(tmp_path / "a.txt"), api_name="/same")
        with http(url) as session:
            assert session.get(value["url"]).text == "abc"


def test_the_page_socket_gets_outputs_as_urls_relative_to_the_page_and_files_go_with_the_page() -> None:
    def draw(color: str):
        import numpy

        return numpy.full((2, 2, 3), 200 if color == "light" else 20, dtype=numpy.uint8)

    demo = gr.Interface(draw, gr.Textbox(label="Color"), gr.Image(label="Swatch"))
    with served(demo) as url:
        with connect(url.replace("http", "ws") + "ws", open_timeout=TIMEOUT) as socket:
            assert json.loads(socket.recv(timeout=TIMEOUT))["type"] == "config"
            socket.send(json.dumps({"v": 1, "type": "event", "event_id": "e1", "fn": 0, "data": ["light"]}))
            updates = []
            while not updates:
                message = json.loads(socket.recv(timeout=TIMEOUT))
                updates = message.get("updates", [])
            swatch = updates[0]["value"]
            assert swatch["url"] == "gradio_api/file=" + swatch["path"]
            with http(url) as session:
                shown = session.get(swatch["url"])
            assert shown.headers["content-type"] == "image/webp"  # Gradio 6's default image format
        # The page went away: its files go with it.
        with http(url) as session:
            assert wait_until(lambda: session.get(swatch["url"]).status_code == 404)


def test_view_api_names_file_parameters_filepaths() -> None:
    def describe(path: str) -> str:
        return path

    demo = gr.Interface(describe, gr.Image(type="filepath", label="Photo"), gr.File(label="Copy"))
    with served(demo) as url:
        info = client(url).view_api(print_info=False, return_format="dict")
    endpoint = info["named_endpoints"]["/describe"]
    assert endpoint["parameters"][0]["python_type"]["type"] == "filepath"
    assert endpoint["returns"][0]["python_type"]["type"] == "filepath"
    assert endpoint["parameters"][0]["type"]["title"] == "FileData"


def test_a_video_goes_both_ways_as_file_data_and_its_subtitles_are_served(tmp_path: Path) -> None:
    words = tmp_path / "words.srt"
    words.write_text("1\n00:00:00,000 --> 00:00:01,000\nHi\n", encoding="utf-8")
    def predict(path: str) -> str:
        return path

    demo = gr.Interface(predict, gr.Video(label="Clip"), gr.Video(label="Subtitled", subtitles=str(words)))
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"\x00\x00\x00\x18ftypmp42")
    with served(demo) as url:
        api = client(url, download_files=str(tmp_path / "downloads"))
        info = api.view_api(print_info=False, return_format="dict")["named_endpoints"]["/predict"]
        value = api.predict(handle_file(clip), api_name="/predict")
        # The page's config offers the track as it offers values: by URL, while the page is open.
        with connect(url.replace("http", "ws") + "ws", open_timeout=TIMEOUT) as socket, http(url) as session:
            config = json.loads(socket.recv(timeout=TIMEOUT))["config"]
            subtitled = next(c for c in config["components"] if c["props"].get("label") == "Subtitled")
            track = session.get(subtitled["props"]["subtitles"]["url"])
    assert info["parameters"][0]["type"]["title"] == "FileData"
    assert Path(value).read_bytes() == clip.read_bytes()
    assert track.status_code == 200 and track.text.startswith("WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.000\nHi")


def test_a_file_in_the_apps_config_is_offered_to_every_page_after_the_first_one_closed() -> None:
    import numpy

    # A value set when the app is built (a figure, a picture) is written once to the temp folder.
    demo = gr.Blocks()
    with demo:
        gr.Image(numpy.full((2, 2, 3), 90, dtype=numpy.uint8), label="Logo")

    def shown_logo(socket) -> dict:
        message = json.loads(socket.recv(timeout=TIMEOUT))
        assert message["type"] == "config", message
        (logo,) = [c["props"]["value"] for c in message["config"]["components"] if c["type"] == "image"]
        return logo

    with served(demo) as url, http(url) as session:
        with connect(url.replace("http", "ws") + "ws", open_timeout=TIMEOUT) as socket:
            first = shown_logo(socket)
        # The first page closed and took its copies along; the next page gets its own.
        assert wait_until(lambda: session.get(first["url"]).status_code == 404)
        with connect(url.replace("http", "ws") + "ws", open_timeout=TIMEOUT) as socket:
            second = shown_logo(socket)
            assert second["path"] != first["path"]
            assert session.get(second["url"]).status_code == 200
