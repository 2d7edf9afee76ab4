"""Gradio 6's module paths and helpers that demos import: themes, components, utils, media, cache, I18n."""

from __future__ import annotations

import asyncio
import importlib
import sys
import wave
from pathlib import Path

import pytest

import pagelet as gr
from fake_host import FakeHost, updates_of
from pagelet import alias


@pytest.fixture()
def gradio_alias():
    alias.install()
    yield
    for name in [name for name in sys.modules if name == "gradio" or name.startswith("gradio.")]:
        sys.modules.pop(name)


def test_the_module_paths_demos_import(gradio_alias) -> None:
    from gradio.components import Markdown as m
    from gradio.components.chatbot import Message, MessageDict
    from gradio.components.textbox import Textbox
    from gradio.themes.base import Base
    from gradio.themes.utils import colors, fonts, sizes
    from gradio.utils import get_space

    assert m is gr.Markdown and Textbox is gr.Textbox and Base is gr.themes.Base
    assert colors.blue.c500 and sizes.radius_md and fonts.GoogleFont("Quicksand").name == "Quicksand"
    history: list[MessageDict | Message] = [{"role": "user", "content": "hi"}]
    assert history and get_space() is None
    assert importlib.import_module("gradio.components.json_component").JSON is gr.JSON
    assert gr.NO_RELOAD is True


def test_media_files_exist_under_gradios_names_and_are_real_media() -> None:
    from pagelet.media import MEDIA_FILES, MEDIA_ROOT

    on_disk = {folder.name: tuple(sorted(p.name for p in folder.iterdir())) for folder in MEDIA_ROOT.iterdir()}
    assert on_disk == {kind: tuple(sorted(names)) for kind, names in MEDIA_FILES.items()}
    image = Path(gr.get_image("cheetah1.jpg"))
    assert image.read_bytes()[:3] == b"\xff\xd8\xff"  # a JPEG
    with wave.open(gr.get_audio("cantina.wav")) as sound:
        assert sound.getnframes() > 0
    assert Path(gr.get_video("world.mp4")).read_bytes()[4:8] == b"ftyp"  # an MP4
    assert Path(gr.get_file("titanic.csv")).read_text().startswith("PassengerId,Survived")
    assert Path(gr.get_model3d("Duck.glb")).read_bytes()[:4] == b"glTF"
    assert Path(gr.get_image()).parent.name == "images"
    assert gr.get_image("https://example.com/a.png") == "https://example.com/a.png"
    with pytest.raises(FileNotFoundError, match="The images are"):
        gr.get_image("nope.jpg")


def test_media_is_left_out_of_the_browser_wheel() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
    try:
        import build_assets
    finally:
        sys.path.pop(0)
    assert any("pagelet/media_assets/cheetah1.jpg".startswith(prefix) for prefix in build_assets.BROWSERLESS_PREFIX)
    assert not any("pagelet/media.py".startswith(prefix) for prefix in build_assets.BROWSERLESS_PREFIX)


def test_gr_cache_answers_a_repeated_call_from_the_cache() -> None:
    calls: list[str] = []

    @gr.cache
    def shout(text: str) -> str:
        calls.append(text)
        return text.upper()

    @gr.cache(max_size=1)
    def count(n: int):
        calls.append(f"gen {n}")
        yield from range(n)

    assert (shout("hi"), shout("hi"), shout("ho")) == ("HI", "HI", "HO")
    assert calls == ["hi", "ho"]
    assert list(count(3)) == [0, 1, 2] and list(count(3)) == [0, 1, 2]
    assert calls.count("gen 3") == 1
    list(count(2))
    list(count(3))  # evicted by count(2): max_size=1
    assert calls.count("gen 3") == 2
    store = gr.Cache()
    store.set("prompt", kv=[1, 2])
    assert store.get("prompt") == {"kv": [1, 2]} and store.get("other") is None and store.keys() == ["prompt"]
    with pytest.raises(TypeError, match="takes a function"):
        gr.cache(shout("x"))


def test_i18n_texts_are_gradios_markers_and_launch_sends_the_translations() -> None:
    i18n = gr.I18n(en={"greet": "Hello"}, fr={"greet": "Bonjour", "bye": "Au revoir"})
    with gr.Blocks() as demo:
        box = gr.Textbox(label=i18n("greet"))
    label = next(c["props"]["label"] for c in demo.get_config()["components"] if c["id"] == box.id)
    # What Gradio 6 puts in its config: the page translates the marker by the browser's language.
    assert label == '__i18n__{"__type__": "translation_metadata", "key": "greet"}'
    assert i18n("greet").key == "greet" and i18n("greet").to_dict() == {"__type__": "translation_metadata", "key": "greet"}
    assert "i18n_translations" not in demo.get_config()
    from pagelet import launcher

    class Kept:
        def launch(self, app: gr.Blocks, **options: object) -> None: ...
        def close(self, app: gr.Blocks) -> None: ...

    launcher.set_launcher(Kept())
    try:
        demo.launch(i18n=i18n)
    finally:
        launcher.set_launcher(None)
    assert demo.get_config()["i18n_translations"] == {"en": {"greet": "Hello"}, "fr": {"greet": "Bonjour", "bye": "Au revoir"}}
    with pytest.warns(UserWarning, match="locale"):
        gr.I18n(**{"not a locale": {}})
    with pytest.raises(TypeError, match="dict of key to text"):
        gr.I18n(en="Hello")  # type: ignore[arg-type]


def test_set_static_paths_lets_the_server_offer_a_folder(tmp_path: Path) -> None:
    from pagelet.server.files import ServerFolders
    from pagelet.server.options import ServerOptions

    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "a.txt").write_text("a")
    folders = ServerFolders(ServerOptions())
    try:
        assert folders.servable(str(shared / "a.txt")) is None
        gr.set_static_paths([shared])
        assert folders.servable(str(shared / "a.txt")) == (shared / "a.txt").resolve()
        assert folders.servable(gr.get_image("bus.png")) is not None
    finally:
        folders.close()
        from pagelet import utils

        utils._static_paths.remove(shared.resolve())


def test_a_validator_stops_the_run_and_marks_each_refused_input() -> None:
    def validate_input(age, location):
        return [
            gr.validate(not age or age > 3, "Age must be at least 3"),
            gr.validate("london" not in location.lower(), "Location must not be in London"),
        ]

    with gr.Blocks() as demo:
        age = gr.Number(label="Enter age")
        location = gr.Textbox(label="Enter location")
        out = gr.Textbox(label="Output")
        gr.Button("Go").click(lambda a, l: f"Processed: {a} -- {l.upper()}", [age, location], out, validator=validate_input)
    host = FakeHost(demo)
    refused = host.fire(0, 2, "London")
    assert updates_of(refused) == [
        {"id": age.id, "props": {"validation_error": "Age must be at least 3"}},
        {"id": location.id, "props": {"validation_error": "Location must not be in London"}},
    ]
    assert [m for m in refused if m["type"] == "alert"] == []
    assert [m["stage"] for m in refused if m["type"] == "status"][-1] == "error"
    accepted = host.fire(0, 30, "Paris")
    assert updates_of(accepted)[-1]["id"] == out.id and updates_of(accepted)[-1]["value"].endswith("-- PARIS")
    assert {"id": age.id, "props": {"validation_error": None}} in updates_of(accepted)
    iface = gr.Interface(lambda x: x, "textbox", "textbox", validator=lambda x: gr.validate(x != "", "Say something"))
    (predict,) = [d for d in iface.dependencies if d.fn is iface.fn]
    said = updates_of(FakeHost(iface).fire(iface.dependencies.index(predict), ""))
    assert said == [{"id": iface.input_components[0].id, "props": {"validation_error": "Say something"}}]


def test_launch_css_paths_and_head_paths_are_read_into_the_app(tmp_path: Path) -> None:
    from pagelet import launcher

    (tmp_path / "style.css").write_text(".box { color: red; }")
    (tmp_path / "head.html").write_text("<meta name='x' content='y'>")

    class Recorder:
        def launch(self, app, **options):
            self.options = options

        def close(self, app):
            pass

    recorder = Recorder()
    launcher.set_launcher(recorder)
    try:
        with gr.Blocks(css="body { margin: 0 }") as demo:
            gr.Textbox(label="Box")
        demo.launch(css_paths=[tmp_path / "style.css"], head_paths=str(tmp_path / "head.html"), css=".x {}")
    finally:
        launcher.set_launcher(None)
    assert demo.get_config()["css"] == "body { margin: 0 }\n.x {}\n.box { color: red; }"
    assert demo.head == "<meta name='x' content='y'>"
    assert "css_paths" not in recorder.options
    with pytest.raises(FileNotFoundError, match="css_paths: cannot read"):
        gr.Blocks(css_paths=[tmp_path / "missing.css"])


def test_code_languages_csv_logger_and_blocks_clear_as_in_gradio() -> None:
    assert "sql-mySQL" in gr.Code.languages and None in gr.Code.languages
    assert gr.Code(language="jinja2").language == "jinja2"
    assert gr.CSVLogger.__name__ == "CSVLogger"
    with gr.Blocks() as demo:
        gr.Textbox(label="Old")
        gr.Button("Old").click(lambda: None)
    with demo.clear():
        gr.Textbox(label="New")
    labels = [c["props"]["label"] for c in demo.get_config()["components"]]
    assert labels == ["New"] and demo.get_config()["dependencies"] == []


def test_in_the_browser_a_media_file_is_fetched_next_to_the_worker_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import types

    from pagelet import media

    requested: list[str] = []
    payload = (media.MEDIA_ROOT / "images" / "bus.png").read_bytes()

    class FakeRequest:
        status = 200

        @classmethod
        def new(cls) -> FakeRequest:
            return cls()

        def open(self, method: str, url: str, asynchronous: bool) -> None:
            assert (method, asynchronous) == ("GET", False)
            requested.append(url)

        def send(self, body: None) -> None:
            self.response = types.SimpleNamespace(to_py=lambda: memoryview(payload))

    class FakeURL:
        @staticmethod
        def new(relative: str, base: str) -> types.SimpleNamespace:
            return types.SimpleNamespace(href=base.rsplit("/", 1)[0] + "/" + relative)

    fake_js = types.SimpleNamespace(XMLHttpRequest=FakeRequest, URL=FakeURL, location=types.SimpleNamespace(href="https://site.test/dist/worker.js"))
    monkeypatch.setitem(sys.modules, "js", fake_js)
    monkeypatch.setattr(media, "MEDIA_ROOT", tmp_path / "not-in-the-wheel")
    monkeypatch.setattr(media, "_in_browser", lambda: True)
    monkeypatch.setattr(media.tempfile, "gettempdir", lambda: str(tmp_path))
    first = media.get_image("bus.png")
    again = media.get_image("bus.png")
    assert first == again and Path(first).read_bytes() == payload
    assert requested == ["https://site.test/dist/media/images/bus.png"]


def test_theme_size_presets_and_image_placeholder_that_gradio_6_demos_pass() -> None:
    from pagelet.themes.utils import sizes

    assert (sizes.spacing_md.name, sizes.text_lg.name, sizes.radius_xxl.block) == ("spacing_md", "text_lg", "22px")
    with gr.Blocks() as demo:
        image = gr.Image(label="Enter image", placeholder="Enter image", type="pil")
    (config,) = [c for c in demo.get_config()["components"] if c["id"] == image.id]
    assert config["props"]["placeholder"] == "Enter image"


def test_gradios_templates_are_their_components_with_other_defaults() -> None:
    with gr.Blocks() as demo:
        mic = gr.Microphone(label="Speak")
        files = gr.Files()
        matrix = gr.Matrix()
        array = gr.Numpy()
        video = gr.PlayableVideo()
        shortcut = gr.Interface(lambda clip: clip, "microphone", "audio").input_components[0]
    by_id = {entry["id"]: entry for entry in demo.get_config()["components"]}
    assert by_id[mic.id]["type"] == "audio" and by_id[mic.id]["props"]["sources"] == ["microphone"]
    assert by_id[files.id]["type"] == "file" and by_id[files.id]["props"]["file_count"] == "multiple"
    assert (matrix.type, array.type, gr.List().type) == ("array", "numpy", "array")
    assert by_id[video.id]["props"]["sources"] == ["upload"]
    assert shortcut.sources == ["microphone"]
    assert gr.Mic is gr.Microphone and gr.Json is gr.JSON


def test_gradios_other_spellings_of_components_are_the_same_classes() -> None:
    import pagelet.components as components

    assert (gr.Json, gr.Highlightedtext, gr.Highlight, gr.Annotatedimage, gr.Checkboxgroup) == (
        gr.JSON, gr.HighlightedText, gr.HighlightedText, gr.AnnotatedImage, gr.CheckboxGroup,
    )
    assert components.Json is gr.JSON and components.Highlight is gr.HighlightedText


def test_gradios_other_names_demos_use() -> None:
    from pagelet.shortcuts import component_from

    assert gr.Json is gr.JSON
    # Templates: their type is the parent's, as in Gradio's config.
    assert (gr.Microphone().sources, gr.Microphone().TYPE) == (["microphone"], "audio")
    assert component_from("microphone").sources == ["microphone"] and component_from("playable_video").TYPE == "video"
    with gr.Blocks():
        with gr.Tabs():
            with gr.Tab("Scaled", scale=2, render_children=True) as tab:
                gr.Textbox(label="Inside")
        interface = gr.Interface(lambda text: text, "text", "text", examples=[["hi"]])
    assert tab.label == "Scaled"
    assert interface.examples_handler is not None and interface.examples_handler.dataset.samples == [["hi"]]


def test_a_gradio_feature_pagelet_lacks_says_so() -> None:
    with pytest.raises(AttributeError, match=r"gr\.Workflow is not supported by Pagelet yet"):
        gr.Workflow(graph="workflow.json")
    with pytest.raises(AttributeError, match="has no attribute 'NoSuchThing'"):
        gr.NoSuchThing  # noqa: B018 - the attribute access is the test
