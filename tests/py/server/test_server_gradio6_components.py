"""gradio_client against the Gradio 6 components on a Pagelet server: what view_api shows, and a file round trip."""

from __future__ import annotations

from pathlib import Path

from gradio_client import handle_file
from serving import client, http, queue_messages, served

import pagelet as gr


def test_upload_and_download_buttons_through_gradio_client(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    with gr.Blocks() as demo:
        upload = gr.UploadButton("Upload notes", file_types=[".txt"])
        download = gr.DownloadButton("Get a copy")
        kept = gr.BrowserState({"n": 0})
        count = gr.Number(label="Length")

        def copy_notes(path: str) -> str:
            copy = Path(path).with_name("copy.txt")
            copy.write_text(Path(path).read_text().upper())
            return str(copy)

        upload.upload(copy_notes, upload, download)
        download.click(lambda state: len(state), kept, count, api_name="remember")
    with served(demo) as url:
        api = client(url)
        info = api.view_api(print_info=False, return_format="dict")["named_endpoints"]
        parameter = info["/copy_notes"]["parameters"][0]
        assert (parameter["component"], parameter["python_type"]["type"]) == ("UploadButton", "filepath")
        assert info["/copy_notes"]["returns"][0]["component"] == "DownloadButton"
        assert info["/remember"]["parameters"][0]["component"] == "BrowserState"
        saved = api.predict(handle_file(str(notes)), api_name="/copy_notes")
        assert saved["orig_name"] == "copy.txt"
        with http(url) as web:
            assert web.get(saved["url"]).text == "HELLO"
        assert api.predict({"a": 1, "b": 2}, api_name="/remember") == 2


def test_a_client_cannot_name_a_file_for_an_upload_button() -> None:
    with gr.Blocks() as demo:
        upload = gr.UploadButton()
        size = gr.Textbox(label="Size")
        upload.upload(lambda path: str(Path(path).stat().st_size), upload, size)
    with served(demo) as url:
        messages = queue_messages(url, 0, [{"path": "/etc/passwd", "meta": {"_type": "gradio.FileData"}}])
        completed = next(message for message in messages if message["msg"] == "process_completed")
        assert completed["success"] is False
        assert completed["output"]["error"].startswith("Cannot read /etc/passwd: a file input must be uploaded")
