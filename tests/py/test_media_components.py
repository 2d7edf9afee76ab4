"""Image, Audio, File, Video, Gallery, Dataframe: Gradio's pre/postprocessing on CPython."""

from __future__ import annotations

import asyncio
import json
import os
import re
import sys
import wave
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PIL import Image as PILImage

import pagelet as gr
from pagelet import files, launcher, optional, worker_bridge
from pagelet.components.media import read_wav, write_wav
from pagelet.session import Session

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def png(tmp_path: Path) -> Path:
    path = tmp_path / "photo.png"
    PILImage.new("RGBA", (6, 4), (255, 0, 0, 128)).save(path)
    return path


@pytest.fixture
def no_numpy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``import numpy`` fail, as in a browser that could not load it."""
    monkeypatch.setitem(sys.modules, "numpy", None)


def upload(session: Session, name: str, data: bytes, mime: str = "") -> dict:
    sent: list[dict] = []
    session._send = sent.append
    asyncio.run(session.handle({"v": 1, "type": "upload", "upload_id": "u1", "name": name, "mime": mime}, data))
    return sent[-1]


# -- File --------------------------------------------------------------------

def test_file_single_and_multiple_give_paths_or_bytes(tmp_path: Path) -> None:
    doc = tmp_path / "a.csv"
    doc.write_text("x\n1\n")
    payload = files.file_data(doc)
    assert gr.File().preprocess(payload) == str(doc)
    assert gr.File(type="binary").preprocess(payload) == b"x\n1\n"
    assert gr.File(file_count="multiple").preprocess([payload, payload]) == [str(doc), str(doc)]
    assert gr.File().preprocess(None) is None


def test_file_types_are_enforced_with_a_clear_message(tmp_path: Path) -> None:
    doc = tmp_path / "notes.txt"
    doc.write_text("hi")
    assert gr.File(file_types=["text"]).preprocess(files.file_data(doc)) == str(doc)
    with pytest.raises(ValueError, match=r"Invalid file type '\.txt': this field accepts \.csv"):
        gr.File(file_types=[".csv"]).preprocess(files.file_data(doc))


def test_a_compound_extension_is_one_file_type(tmp_path: Path) -> None:
    scan, part = tmp_path / "brain.nii.gz", tmp_path / "brain.nii"
    scan.write_bytes(b"x")
    part.write_bytes(b"x")
    assert gr.File(file_types=[".nii.gz"]).preprocess(files.file_data(scan)) == str(scan)
    with pytest.raises(ValueError, match="Invalid file type"):
        gr.File(file_types=[".nii.gz"]).preprocess(files.file_data(part))


def test_file_postprocess_gives_file_data(tmp_path: Path) -> None:
    doc = tmp_path / "out.txt"
    doc.write_text("12345")
    data = gr.File().postprocess(str(doc))
    # Gradio's fields in Gradio's order, so an API client reads the same JSON.
    assert list(data.items()) == [("path", str(doc)), ("url", None), ("size", 5), ("orig_name", "out.txt"),
                                  ("mime_type", "text/plain"), ("is_stream", False), ("meta", {"_type": "gradio.FileData"})]
    assert [item["orig_name"] for item in gr.File().postprocess([doc, doc])] == ["out.txt", "out.txt"]
    assert gr.File().postprocess("https://example.org/x.csv")["url"] == "https://example.org/x.csv"
    with pytest.raises(FileNotFoundError, match="No file at"):
        gr.File().postprocess(str(tmp_path / "missing.txt"))


def test_a_missing_starting_file_leaves_the_component_empty_and_the_app_running(tmp_path):
    # As in Gradio, which starts such an app and fails only where the file is shown.
    with pytest.warns(UserWarning, match=r"Image starts empty: No file at .*cheetah\.jpg"):
        with gr.Blocks() as demo:
            gr.Image(str(tmp_path / "cheetah.jpg"), label="Cheetah")
    [image] = [c for c in demo.get_config()["components"] if c["props"].get("label") == "Cheetah"]
    assert image["props"]["value"] is None


# -- uploads and output files through a session -----------------------------

def test_an_upload_lands_in_the_session_directory_and_is_deleted_with_it() -> None:
    with gr.Blocks() as demo:
        gr.File(label="Doc")
    session = Session(demo, lambda message: None)
    answer = upload(session, "report.pdf", b"%PDF-1", "application/pdf")
    assert answer["type"] == "uploaded" and answer["upload_id"] == "u1"
    file = answer["file"]
    assert file["orig_name"] == "report.pdf" and file["size"] == 6 and file["mime_type"] == "application/pdf"
    assert Path(file["path"]).read_bytes() == b"%PDF-1"
    session.close()
    assert not os.path.exists(file["path"])


def test_an_upload_name_cannot_leave_the_session_directory() -> None:
    session = Session(gr.Blocks(), lambda message: None)
    file = upload(session, "../../etc/passwd", b"x")["file"]
    assert Path(file["path"]).parent.parent == Path(session.files.directory)  # type: ignore[attr-defined]  # the default store is a TempFileStore, which has a directory
    assert Path(file["path"]).name == "passwd"
    session.close()


def test_a_too_large_upload_is_refused_with_the_sizes() -> None:
    session = Session(gr.Blocks(), lambda message: None, file_store=files.TempFileStore(max_file_size=1024))
    answer = upload(session, "big.bin", b"x" * 5000)
    assert answer == {"v": 1, "type": "uploaded", "upload_id": "u1",
                      "error": "big.bin is 4.9 KB; this app accepts files up to 1.0 KB."}


def test_the_config_tells_the_host_the_upload_limit() -> None:
    sent: list[dict] = []
    Session(gr.Blocks(), sent.append, file_store=files.TempFileStore(max_file_size=2048)).send_config()
    assert sent[0]["config"]["max_file_size"] == 2048


def test_malformed_uploads_are_answered_not_raised() -> None:
    session = Session(gr.Blocks(), lambda message: None)
    assert "no file content" in upload(session, "a.txt", None)["error"]  # type: ignore[arg-type]  # no bytes on purpose, as a broken host sends
    sent: list[dict] = []
    session._send = sent.append
    asyncio.run(session.handle({"v": 1, "type": "upload", "upload_id": "", "name": "a"}, b""))
    assert sent[0]["type"] == "error" and "upload_id" in sent[0]["message"]


def test_output_files_are_sent_as_bytes_before_the_update_and_only_once(tmp_path: Path) -> None:
    out = tmp_path / "answer.txt"
    out.write_text("42")
    with gr.Blocks() as demo:
        button = gr.Button("Go")
        result = gr.File(label="Result")
        button.click(lambda: str(out), None, result)
    log: list[tuple[str, object]] = []
    store = files.TempFileStore(lambda file, data: log.append(("bytes", (file["path"], data))))
    session = Session(demo, lambda message: log.append((message["type"], message)), file_store=store)
    for _ in range(2):
        asyncio.run(session.handle({"v": 1, "type": "event", "event_id": "e", "fn": 0, "data": []}))
    kinds = [kind for kind, _ in log]
    assert kinds == ["status", "bytes", "update", "status", "status", "update", "status"]
    assert log[1][1] == (str(out), b"42")


def test_initial_file_values_are_sent_before_the_config(tmp_path: Path) -> None:
    out = tmp_path / "start.txt"
    out.write_text("hello")
    with gr.Blocks() as demo:
        gr.File(str(out), label="Start")
    log: list[str] = []
    store = files.TempFileStore(lambda file, data: log.append(f"bytes {data!r}"))
    Session(demo, lambda message: log.append(message["type"]), file_store=store).send_config()
    assert log == ["bytes b'hello'", "config"]


# -- Image -----------------------------------------------------------------

def test_image_preprocess_as_filepath_pil_and_numpy(png: Path) -> None:
    payload = files.file_data(png)
    assert gr.Image(type="filepath").preprocess(payload) == str(png)
    pil = gr.Image(type="pil").preprocess(payload)
    assert isinstance(pil, PILImage.Image) and pil.mode == "RGB" and pil.size == (6, 4)
    array = gr.Image().preprocess(payload)
    assert isinstance(array, np.ndarray) and array.shape == (4, 6, 3) and array.dtype == np.uint8
    assert gr.Image(image_mode="L").preprocess(payload).shape == (4, 6)
    assert gr.Image(image_mode=None, type="pil").preprocess(payload).mode == "RGBA"


def test_image_postprocess_of_arrays_and_pil_images_writes_webp_as_gradio_6_unless_told() -> None:
    shown = gr.Image().postprocess(np.zeros((3, 5, 3), dtype=np.uint8))
    with PILImage.open(shown["path"]) as image:
        assert image.size == (5, 3) and image.format == "WEBP"
    floats = gr.Image(format="png").postprocess(np.ones((2, 2), dtype=np.float64))
    with PILImage.open(floats["path"]) as image:
        assert image.format == "PNG" and image.getpixel((0, 0)) == 255
    assert gr.Image().postprocess(PILImage.new("RGB", (2, 9)))["mime_type"] == "image/webp"
    assert gr.Gallery().postprocess([PILImage.new("RGB", (2, 2))])[0]["image"]["mime_type"] == "image/webp"


def test_image_paths_and_urls_need_no_optional_library(png: Path, no_numpy: None) -> None:
    assert gr.Image(type="filepath").preprocess(files.file_data(png)) == str(png)
    assert gr.Image().postprocess(str(png))["orig_name"] == "photo.png"
    assert gr.Image().postprocess("https://example.org/cat.jpg")["url"] == "https://example.org/cat.jpg"
    with pytest.raises(TypeError, match="Cannot show a int as an image"):
        gr.Image().postprocess(3)


def test_image_as_pil_without_pil_names_the_package(png: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "PIL", None)
    monkeypatch.setitem(sys.modules, "PIL.Image", None)
    monkeypatch.setattr(optional, "_unavailable", {"PIL": "the server answered 404 (http://x/pillow.whl)"})
    with pytest.raises(gr.Error, match=re.escape("Could not load pillow: the server answered 404 (http://x/pillow.whl)")):
        gr.Image(type="pil").preprocess(files.file_data(png))


def test_image_as_numpy_without_numpy_is_a_clear_error(png: Path, no_numpy: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(optional, "_unavailable", {"numpy": "the server answered 404 (http://x/numpy.whl)"})
    with pytest.raises(gr.Error, match=re.escape("Could not load numpy: the server answered 404 (http://x/numpy.whl)")):
        gr.Image().preprocess(files.file_data(png))


def test_gallery_keeps_captions_both_ways(png: Path) -> None:
    gallery = gr.Gallery()
    value = gallery.postprocess([(str(png), "First"), str(png), (np.zeros((2, 2, 3), np.uint8), 7)])
    assert [item["caption"] for item in value] == ["First", None, "7"]
    assert value[0]["image"]["orig_name"] == "photo.png"
    assert gallery.preprocess(value[:2]) == [(str(png), "First"), (str(png), None)]
    assert isinstance(gr.Gallery(type="pil").preprocess(value[:1])[0][0], PILImage.Image)


def test_a_gallery_holds_videos_and_an_empty_one_is_none(png: Path, tmp_path: Path) -> None:
    # As Gradio 6: a video item is {"video": FileData, "caption"}, and it reaches the function as its path.
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"\x00\x00")
    gallery = gr.Gallery(type="pil")
    value = gallery.postprocess([str(png), (str(clip), "Clip")])
    assert "image" in value[0] and value[1]["video"]["mime_type"] == "video/mp4" and value[1]["caption"] == "Clip"
    assert gallery.preprocess(value[1:]) == [(str(clip), "Clip")]
    assert gallery.preprocess([]) is None
    assert gallery.postprocess(None) == []


# -- Audio -------------------------------------------------------------------

def test_wav_round_trip_with_numpy_mono_and_stereo() -> None:
    mono = write_wav(8000, np.array([0, 1000, -1000, 32767], dtype=np.int16))
    rate, samples = read_wav(mono)
    assert rate == 8000 and samples.dtype == np.int16 and samples.tolist() == [0, 1000, -1000, 32767]
    stereo = write_wav(44100, np.array([[0.5, -0.5], [1.0, -1.0]]))
    rate, samples = read_wav(stereo)
    assert rate == 44100 and samples.shape == (2, 2)
    assert samples.tolist() == [[16383, -16383], [32767, -32767]]


def test_wav_written_from_plain_lists_without_numpy(no_numpy: None) -> None:
    path = write_wav(16000, [0, 100, -100])
    with wave.open(path) as reader:
        assert (reader.getframerate(), reader.getnchannels(), reader.getnframes()) == (16000, 1, 3)
    shown = gr.Audio().postprocess((16000, [[0.0, 0.5], [0.25, -1.0]]))
    with wave.open(shown["path"]) as reader:
        assert reader.getnchannels() == 2 and reader.getnframes() == 2


def test_audio_preprocess_as_numpy_and_filepath(tmp_path: Path) -> None:
    path = write_wav(8000, np.arange(10, dtype=np.int16))
    payload = files.file_data(path)
    rate, samples = gr.Audio().preprocess(payload)
    assert rate == 8000 and samples.tolist() == list(range(10))
    assert gr.Audio(type="filepath").preprocess(payload) == path
    not_wav = tmp_path / "song.mp3"
    not_wav.write_bytes(b"ID3 not a wav")
    with pytest.raises(gr.Error, match="Only WAV audio can be read as numpy"):
        gr.Audio().preprocess(files.file_data(not_wav))


# -- Dataframe ---------------------------------------------------------------

def test_dataframe_postprocess_of_every_value_form() -> None:
    table = gr.Dataframe(headers=["a", "b"])
    expected = {"headers": ["a", "b"], "data": [[1, 2], [3, 4]], "metadata": None}
    assert table.postprocess([[1, 2], [3, 4]]) == expected
    assert table.postprocess(pd.DataFrame({"a": [1, 3], "b": [2, 4]})) == expected
    assert table.postprocess(np.array([[1, 2], [3, 4]])) == expected
    assert table.postprocess({"a": [1, 3], "b": [2, 4]}) == expected
    assert table.postprocess({"headers": ["a", "b"], "data": [[1, 2], [3, 4]]}) == expected
    assert table.postprocess(None) == {"headers": ["a", "b"], "data": [], "metadata": None}
    assert gr.Dataframe().postprocess([[1, 2, 3, 4]])["headers"] == ["1", "2", "3", "4"]
    json.dumps(table.postprocess(pd.DataFrame({"a": [np.int64(1)], "b": [pd.Timestamp("2024-01-02")]})))


def test_dataframe_preprocess_to_pandas_array_and_numpy_with_typed_cells() -> None:
    payload = {"headers": ["name", "n"], "data": [["x", "3"], ["y", "2.5"]], "metadata": None}
    typed = gr.Dataframe(datatype=["str", "number"], type="pandas").preprocess(payload)
    assert isinstance(typed, pd.DataFrame) and list(typed.columns) == ["name", "n"] and typed["n"].tolist() == [3, 2.5]
    assert gr.Dataframe(datatype=["str", "number"], type="array").preprocess(payload) == [["x", 3], ["y", 2.5]]
    assert gr.Dataframe(datatype="number", type="numpy").preprocess({"headers": ["a"], "data": [["1"], ["2"]]}).tolist() == [[1], [2]]


def test_dataframe_array_type_needs_no_pandas(no_numpy: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    table = gr.Dataframe(type="array", headers=["a"])
    assert table.preprocess({"headers": ["a"], "data": [["1"]]}) == [["1"]]
    with pytest.raises(gr.Error, match="needs pandas"):
        gr.Dataframe().preprocess({"headers": ["a"], "data": [["1"]]})


def test_shortcuts_name_the_media_components() -> None:
    iface = gr.Interface(lambda *args: None, ["image", "audio", "file", "files", "dataframe", "list"], "gallery")
    kinds = [(type(c).__name__, getattr(c, "type", None)) for c in iface.input_components]
    assert kinds == [("Image", "numpy"), ("Audio", "numpy"), ("File", "filepath"), ("File", "filepath"),
                     ("Dataframe", "pandas"), ("Dataframe", "array")]


# -- optional packages in the browser ---------------------------------------

def test_the_bridge_loads_what_components_need_and_names_what_failed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "app.py").write_text(
        "import gradio as gr\nwith gr.Blocks() as demo:\n    image = gr.Image(type='pil')\n    sound = gr.Audio(type='filepath')\n"
        "    image.upload(lambda i, s: None, [image, sound], None)\ndemo.launch()\n"
    )
    monkeypatch.setattr(optional, "importable", lambda name: False)
    monkeypatch.setattr(optional, "_unavailable", {})
    asked: list[str] = []

    async def load_package(name: str) -> str:
        asked.append(name)
        return "the server answered 404 (http://127.0.0.1/pyodide/pillow.whl)"

    sent: list[str] = []
    saved_main = sys.modules["__main__"]
    try:
        async def main() -> None:
            bridge = worker_bridge.AppBridge(sent.append, None, load_package)
            await bridge.run("app.py")
            # The config is out before any package is asked for.
            assert [json.loads(text)["type"] for text in sent] == ["config"]
            await bridge.settled()

        asyncio.run(main())
    finally:
        sys.modules["__main__"] = saved_main
        launcher.set_launcher(None)
    messages = [json.loads(text) for text in sent]
    assert asked == ["PIL"]
    assert [m["type"] for m in messages] == ["config", "alert"]
    assert messages[1]["message"] == "Could not load pillow: the server answered 404 (http://127.0.0.1/pyodide/pillow.whl)"
    for name in [name for name in sys.modules if name == "gradio" or name.startswith("gradio.")]:
        del sys.modules[name]


def test_only_inputs_ask_for_the_libraries_they_convert_to(no_numpy: None) -> None:
    with gr.Blocks() as demo:
        button = gr.Button("Go")
        table = gr.Dataframe(label="Table")
        sound = gr.Audio(label="Sound")
        picture = gr.Image(label="Picture")
        button.click(lambda: None, None, [table, sound, picture])
    assert optional.wanted_by(demo) == []
    with gr.Blocks() as demo:
        table = gr.Dataframe(label="Table")
        sound = gr.Audio(label="Sound")
        table.change(lambda t, s: None, [table, sound], None)
    assert optional.wanted_by(demo) == ["pandas", "numpy"]


def test_an_app_with_numpy_may_return_arrays_so_image_outputs_want_pil() -> None:
    with gr.Blocks() as demo:
        picture = gr.Image(label="Picture")
        gr.Button("Go").click(lambda: None, None, picture)
    assert optional.wanted_by(demo) == ["PIL"]


def test_the_worker_wheel_table_matches_pyodides_lock() -> None:
    lock = json.loads((REPO / "node_modules/pyodide/pyodide-lock.json").read_text())["packages"]
    table = (REPO / "lite/worker/optional-packages.ts").read_text()
    for package in ("numpy", "pillow", "pandas", "six", "python-dateutil", "pytz"):
        assert lock[package]["file_name"] in table, package
    for dependency in lock["pandas"]["depends"]:
        assert lock[dependency]["file_name"] in table, dependency


def test_an_uploaded_file_is_a_path_with_a_name(tmp_path):
    # Apps written for Gradio 3 read file.name; Gradio 6's path string has it too.
    doc = tmp_path / "words.srt"
    doc.write_text("1")
    received = gr.File(render=False).preprocess({"path": str(doc), "meta": {"_type": "gradio.FileData"}})
    assert received == str(doc) and received.name == str(doc)
    assert [item.name for item in gr.File(file_count="multiple", render=False).preprocess([{"path": str(doc), "orig_name": "w"}])] == [str(doc)]
    import copy
    assert copy.deepcopy(received).name == str(doc)
