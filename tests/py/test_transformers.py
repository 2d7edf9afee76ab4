"""pagelet.transformers on CPython: a clear error without the browser, and the
pipeline API and gr.Interface.from_pipeline over a stand-in for the worker's
JS module (the real one is tested in Chromium, tests/e2e/test_semantic_similarity.py)."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import pagelet as gr
from pagelet import transformers
from pagelet.transformers import TransformersUnavailable, import_transformers_js, pipeline

from pagelet.pipeline_interfaces import locate_entities

from fake_host import FakeHost, component, final_stage, updates_of


class FakeHandle:
    def __init__(self, task: str, answer: Any) -> None:
        self.task = task
        self.answer = answer
        self.calls: list[tuple[Any, dict[str, Any]]] = []

    async def run(self, inputs: Any, options: dict[str, Any]) -> Any:
        self.calls.append((inputs, options))
        return self.answer(inputs, options) if callable(self.answer) else self.answer

    async def dispose(self) -> None:
        pass


class FakeRawImage:
    """What the worker's ``readImage`` decodes; here it keeps what it was given."""

    def __init__(self, data: bytes, mime_type: str, name: str) -> None:
        self.data, self.mime_type, self.name = data, mime_type, name


class FakeJsException(Exception):
    """Like Pyodide's JsException: str() names the JS class, ``message`` is the JS error's own."""

    def __init__(self, message: str) -> None:
        super().__init__(f"Error: {message}")
        self.message = message


class FakeWorkerModule(ModuleType):
    """What lite/worker/transformers.ts registers, answering from canned outputs."""

    def __init__(self, answers: dict[str, Any]) -> None:
        super().__init__("pagelet_js_transformers")
        self.answers = answers
        self.settings: dict[str, Any] = {"localModelPath": "http://page/models/", "allowRemoteModels": False}
        self.created: list[tuple[str, str | None, dict[str, Any]]] = []
        self.handles: list[FakeHandle] = []

    async def load(self) -> str:
        return "the transformers.js module"

    async def configure(self, changes: dict[str, Any]) -> dict[str, Any]:
        self.settings.update(changes)
        return dict(self.settings)

    async def readImage(self, data: bytes, mime_type: str, name: str) -> FakeRawImage:
        if not data.startswith(b"\x89PNG") and mime_type == "image/png":
            raise FakeJsException(f'Could not read "{name}" as an image: The source image could not be decoded.')
        return FakeRawImage(data, mime_type, name)

    async def createPipeline(self, task: str, model: str | None, options: dict[str, Any]) -> FakeHandle:
        self.created.append((task, model, options))
        handle = FakeHandle(task, self.answers.get(task))
        self.handles.append(handle)
        return handle


@pytest.fixture
def worker(monkeypatch: pytest.MonkeyPatch) -> FakeWorkerModule:
    module = FakeWorkerModule({
        "text-classification": [{"label": "POSITIVE", "score": 0.9}, {"label": "NEGATIVE", "score": 0.1}],
        # As transformers.js 4.3 gives them: words, no offsets; an uncased model's lowercase pieces.
        "token-classification": [
            {"entity": "B-PER", "score": 0.99, "index": 1, "word": "ada"},
            {"entity": "B-LOC", "score": 0.98, "index": 4, "word": "lon"},
            {"entity": "I-LOC", "score": 0.97, "index": 5, "word": "##don"},
        ],
        # Best first, with ImageNet's synonym lists; two classes share the name "crane".
        "image-classification": [
            {"label": "crane", "score": 0.5},
            {"label": "tiger, Panthera tigris", "score": 0.3},
            {"label": "crane", "score": 0.1},
            {"label": "tiger cat", "score": 0.05},
        ],
        "zero-shot-classification": {"sequence": "x", "labels": ["sport", "music"], "scores": [0.7, 0.3]},
        # Two-dimensional unit vectors, chosen so the ranking is plain.
        "feature-extraction": lambda inputs, options: [
            {"guitar": [1.0, 0.0], "strumming": [0.8, 0.6], "pasta": [0.0, 1.0]}.get(text, [0.6, 0.8]) for text in inputs
        ],
    })
    monkeypatch.setitem(sys.modules, "pagelet_js_transformers", module)
    # numpy may be installed; these tests check the plain-list form.
    monkeypatch.delitem(sys.modules, "numpy", raising=False)
    return module


def test_on_cpython_the_module_imports_but_using_it_says_why_it_cannot_run() -> None:
    with pytest.raises(TransformersUnavailable, match="only in the browser runtime"):
        asyncio.run(pipeline("feature-extraction", "Xenova/all-MiniLM-L6-v2"))
    with pytest.raises(TransformersUnavailable):
        asyncio.run(import_transformers_js())


def test_pipeline_passes_options_and_keeps_pagelets_own_apart(worker: FakeWorkerModule) -> None:
    pipe = asyncio.run(pipeline("feature-extraction", "Org/model", dtype="fp32", local_model_path="../models/", allow_remote_models=True))
    assert worker.created == [("feature-extraction", "Org/model", {"dtype": "fp32"})]
    assert worker.settings == {"localModelPath": "../models/", "allowRemoteModels": True}
    assert (pipe.task, pipe.model) == ("feature-extraction", "Org/model")
    assert asyncio.run(pipe(["guitar"], pooling="mean")) == [[1.0, 0.0]]
    assert worker.handles[0].calls == [(["guitar"], {"pooling": "mean"})]


def test_sentence_similarity_is_feature_extraction_with_mean_pooling_and_normalizing(worker: FakeWorkerModule) -> None:
    pipe = asyncio.run(pipeline("sentence-similarity", "Org/model"))
    assert worker.created[0][0] == "feature-extraction"
    asyncio.run(pipe(["guitar", "pasta"]))
    assert worker.handles[0].calls == [(["guitar", "pasta"], {"pooling": "mean", "normalize": True})]


def test_tensors_become_numpy_arrays_when_the_app_has_numpy(worker: FakeWorkerModule, monkeypatch: pytest.MonkeyPatch) -> None:
    numpy = pytest.importorskip("numpy")
    monkeypatch.setitem(sys.modules, "numpy", numpy)
    pipe = asyncio.run(pipeline("feature-extraction", "Org/model"))
    vectors = asyncio.run(pipe(["guitar", "pasta"]))
    assert isinstance(vectors, numpy.ndarray) and vectors.shape == (2, 2)


def test_configure_and_import_transformers_js(worker: FakeWorkerModule) -> None:
    assert asyncio.run(transformers.configure(local_model_path="/models/"))["localModelPath"] == "/models/"
    transformers_js = asyncio.run(import_transformers_js())
    assert transformers_js.upper() == "THE TRANSFORMERS.JS MODULE"
    pipe = asyncio.run(transformers_js.pipeline("text-classification", "Org/sentiment"))
    assert asyncio.run(pipe("fine"))[0]["label"] == "POSITIVE"


def labels_of(config: dict[str, Any]) -> list[str]:
    return [c["props"]["label"] for c in config["components"] if c["props"].get("label")]


def test_from_pipeline_text_classification_shows_scores_in_a_label(worker: FakeWorkerModule) -> None:
    demo = gr.Interface.from_pipeline(asyncio.run(pipeline("text-classification", "Org/sentiment")))
    config = demo.get_config()
    assert labels_of(config) == ["Input", "Classification"]
    messages = FakeHost(demo).fire(0, "I love it")
    assert final_stage(messages) == "done"
    assert updates_of(messages)[0]["value"]["label"] == "POSITIVE"
    # All classes, as Python's transformers gives them with top_k=None.
    assert worker.handles[0].calls == [("I love it", {"top_k": None})]


def test_from_pipeline_token_classification_highlights_the_entities_in_the_text(worker: FakeWorkerModule) -> None:
    demo = gr.Interface.from_pipeline(asyncio.run(pipeline("token-classification", "Org/ner")))
    config = demo.get_config()
    assert labels_of(config) == ["Input", "Entities"]
    assert component(config, "Entities")["type"] == "highlightedtext"
    messages = FakeHost(demo).fire(0, "Ada moved to London.")
    assert final_stage(messages) == "done"
    # Gradio's reading of entities keeps the (here empty) text between them as tokens.
    assert updates_of(messages)[0]["value"] == [
        {"token": "", "class_or_confidence": None},
        {"token": "Ada", "class_or_confidence": "B-PER"},
        {"token": " moved to ", "class_or_confidence": None},
        {"token": "Lon", "class_or_confidence": "B-LOC"},
        {"token": "", "class_or_confidence": None},
        {"token": "don", "class_or_confidence": "I-LOC"},
        {"token": ".", "class_or_confidence": None},
    ]


def test_entities_are_found_after_each_other_and_offsets_given_are_kept() -> None:
    text = "Paris, not paris: Anne in Paris"
    entities = [
        {"entity": "B-LOC", "word": "Paris"},
        {"entity": "B-PER", "word": "anne"},
        {"entity": "B-PER", "word": "Zoë"},  # not in the text: left out
        {"entity": "B-LOC", "word": "\u2581Paris", "start": 26, "end": 31},
    ]
    located = locate_entities(text, entities)
    assert [(e["word"], e["start"], e["end"]) for e in located] == [("Paris", 0, 5), ("anne", 18, 22), ("\u2581Paris", 26, 31)]
    assert locate_entities("", [{"entity": "X", "word": ""}]) == []


def test_from_pipeline_image_classification_reads_the_uploaded_image_and_shows_the_top_classes(
    worker: FakeWorkerModule, tmp_path: Path
) -> None:
    demo = gr.Interface.from_pipeline(asyncio.run(pipeline("image-classification", "Org/vit")))
    config = demo.get_config()
    assert labels_of(config) == ["Input Image", "Classification"]
    image = component(config, "Input Image")
    assert (image["type"], image["props"]["type"]) == ("image", "filepath")
    assert component(config, "Classification")["type"] == "label"
    host = FakeHost(demo)
    png = b"\x89PNG\r\n\x1a\n a cat"
    asyncio.run(host.session.handle({"v": 1, "type": "upload", "upload_id": "u1", "name": "cat.png", "mime": "image/png"}, png))
    uploaded = next(m for m in host.messages if m["type"] == "uploaded")["file"]
    messages = host.fire(0, uploaded)
    assert final_stage(messages) == "done"
    shown = updates_of(messages)[0]["value"]
    # The first name of each class, best first; of two classes named alike, the likelier.
    assert shown["label"] == "crane"
    assert [(c["label"], c["confidence"]) for c in shown["confidences"]] == [("crane", 0.5), ("tiger", 0.3), ("tiger cat", 0.05)]
    # The pipeline was handed the file's bytes decoded by the worker (not its path, which
    # transformers.js would read as a URL), and asked for Python transformers' 5 classes.
    ((image_in, options),) = worker.handles[0].calls
    assert isinstance(image_in, FakeRawImage)
    assert (image_in.data, image_in.mime_type, image_in.name) == (png, "image/png", "cat.png")
    assert options == {"top_k": 5}
    # Submitting without an image: the person is told, and the app keeps working.
    messages = host.fire(0, None)
    assert final_stage(messages) == "error"
    assert any("Upload an image" in str(m) for m in messages)


def test_image_pipelines_read_files_and_bytes_and_pass_urls_on(worker: FakeWorkerModule, tmp_path: Path) -> None:
    pipe = asyncio.run(pipeline("image-to-text", "Org/captioner"))
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"jpeg bytes")
    asyncio.run(pipe([str(photo), photo, b"raw", "https://example.com/cat.png", "not/a/file.png"]))
    ((inputs, _),) = worker.handles[0].calls
    assert [(i.data, i.mime_type, i.name) for i in inputs[:3]] == [
        (b"jpeg bytes", "image/jpeg", "photo.jpg"), (b"jpeg bytes", "image/jpeg", "photo.jpg"), (b"raw", "", "")
    ]
    assert inputs[3:] == ["https://example.com/cat.png", "not/a/file.png"]
    # A file the browser cannot decode: a plain message naming it, for the person who gave it.
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not a picture")
    with pytest.raises(gr.Error) as raised:
        asyncio.run(pipe(str(broken)))
    assert raised.value.message == 'Could not read "broken.png" as an image: The source image could not be decoded.'
    # Text tasks take strings as they are, even when a file has that name.
    text_pipe = asyncio.run(pipeline("text-classification", "Org/sentiment"))
    asyncio.run(text_pipe(str(photo)))
    assert worker.handles[1].calls[0][0] == str(photo)


def test_from_pipeline_zero_shot_takes_comma_separated_class_names(worker: FakeWorkerModule) -> None:
    demo = gr.Interface.from_pipeline(asyncio.run(pipeline("zero-shot-classification", "Org/nli")))
    config = demo.get_config()
    assert labels_of(config) == ["Input", "Possible class names (comma-separated)", "Allow multiple true classes", "Classification"]
    messages = FakeHost(demo).fire(0, "A goal in the last minute", "sport, music", False)
    assert [c["label"] for c in updates_of(messages)[0]["value"]["confidences"]] == ["sport", "music"]
    assert worker.handles[0].calls[0][1] == {"candidate_labels": ["sport", "music"], "multi_label": False}
    # No class names: the person is told, and the app keeps working.
    messages = FakeHost(demo).fire(0, "text", " , ", False)
    assert final_stage(messages) == "error"


def test_from_pipeline_sentence_similarity_ranks_the_sentences(worker: FakeWorkerModule) -> None:
    demo = gr.Interface.from_pipeline(asyncio.run(pipeline("sentence-similarity", "Org/minilm")), title="Similar")
    config = demo.get_config()
    assert labels_of(config) == ["Source Sentence", "Sentences to compare to", "Classification"]
    messages = FakeHost(demo).fire(0, "guitar", "pasta\nstrumming\n\nsomething else")
    ranked = [c["label"] for c in updates_of(messages)[0]["value"]["confidences"]]
    assert ranked == ["strumming", "something else", "pasta"]


def test_from_pipeline_feature_extraction_shows_the_embedding(worker: FakeWorkerModule) -> None:
    demo = gr.Interface.from_pipeline(asyncio.run(pipeline("feature-extraction", "Org/minilm")))
    config = demo.get_config()
    assert labels_of(config) == ["Input", "Embedding"]
    assert updates_of(FakeHost(demo).fire(0, "pasta"))[0]["value"] == [0.0, 1.0]


def test_from_pipeline_rejects_tasks_it_cannot_show(worker: FakeWorkerModule) -> None:
    with pytest.raises(ValueError, match="does not support the translation task"):
        gr.Interface.from_pipeline(asyncio.run(pipeline("translation", "Org/t5")))
    with pytest.raises(TypeError, match="needs a pipeline with a task"):
        gr.Interface.from_pipeline(lambda text: text)


def test_gradio_lite_pages_import_transformers_js_py_and_get_pagelets() -> None:
    from pagelet import alias

    alias.install()
    import transformers_js
    import transformers_js_py

    assert transformers_js_py.import_transformers_js is import_transformers_js
    assert transformers_js.pipeline is pipeline
