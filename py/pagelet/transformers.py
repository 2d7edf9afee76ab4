"""transformers.js pipelines from the app's Python, in the browser.

    from pagelet.transformers import pipeline

    embed = await pipeline("feature-extraction", "Xenova/all-MiniLM-L6-v2")
    vectors = await embed(["A sentence.", "Another one."], pooling="mean", normalize=True)

``await pipe(inputs, **kwargs)`` returns plain Python values (lists, dicts,
floats); tensors come back as nested lists, or as a numpy array when the app
has imported numpy. Options are transformers.js' own (``dtype="fp32"``,
``revision`` ...), plus two of Pagelet's:

- ``local_model_path``: the folder that holds models, relative to the page
  (default ``models/``); model ``"Org/name"`` is read from
  ``<local_model_path>/Org/name/``.
- ``allow_remote_models``: also fetch models from the Hugging Face hub when
  they are not in that folder (default False: pages work offline).

The browser worker provides transformers.js as the JS module
``pagelet_js_transformers`` and fetches the library on first use. Image
tasks take what ``gr.Image(type="filepath")`` gives: a path in the worker's
file system (or the image's bytes), decoded by :func:`read_image`; URLs are
passed to transformers.js as they are. Importing
this module on CPython works; calling it there raises
:class:`TransformersUnavailable`. The names ``import_transformers_js`` and
``pipeline`` are those of the ``transformers_js_py`` package.
"""

from __future__ import annotations

import importlib
import mimetypes
import os
import sys
from typing import Any

from .alerts import Error

_JS_MODULE = "pagelet_js_transformers"
# Pagelet's own options; the rest go to transformers.js as they are.
_SETTINGS = {"local_model_path": "localModelPath", "allow_remote_models": "allowRemoteModels"}
# A task name transformers.js does not have, run as the one it means.
_TASK_ALIASES = {"sentence-similarity": "feature-extraction"}
# Tasks whose output is a tensor: these become numpy arrays when numpy is loaded.
_TENSOR_TASKS = {"feature-extraction", "sentence-similarity", "image-feature-extraction"}
# Tasks whose inputs are images: local files become transformers.js RawImages first.
_IMAGE_TASKS = {
    "image-classification", "image-feature-extraction", "image-segmentation", "image-to-image", "image-to-text",
    "object-detection", "depth-estimation", "zero-shot-image-classification", "zero-shot-object-detection",
    "document-question-answering", "background-removal",
}


class TransformersUnavailable(RuntimeError):
    """transformers.js was asked for outside the browser runtime."""


def _bridge() -> Any:
    try:
        return importlib.import_module(_JS_MODULE)
    except ImportError:
        raise TransformersUnavailable(
            "pagelet.transformers runs transformers.js, which exists only in the browser runtime "
            "(an app in a <gradio-lite> page). On CPython, use the transformers package instead."
        ) from None


def _to_js(value: Any) -> Any:
    """Python dicts and lists as JS objects and arrays; unchanged outside Pyodide.

    An option set to None becomes JS ``null``, not ``undefined``: transformers.js
    reads ``top_k=null`` as "all", as Python's transformers reads None.
    """
    try:
        import js
        from pyodide.ffi import jsnull, to_js
    except ImportError:
        return value
    if isinstance(value, dict):
        value = {key: jsnull if item is None else item for key, item in value.items()}
    return to_js(value, dict_converter=js.Object.fromEntries)


def _to_py(value: Any) -> Any:
    return value.to_py() if hasattr(value, "to_py") else value


def _split_settings(options: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    settings = {_SETTINGS[name]: options.pop(name) for name in list(options) if name in _SETTINGS}
    return settings, options


async def configure(*, local_model_path: str | None = None, allow_remote_models: bool | None = None) -> dict[str, Any]:
    """Change where models come from, for every pipeline made after; returns the settings in force."""
    settings, _ = _split_settings({"local_model_path": local_model_path, "allow_remote_models": allow_remote_models})
    changes = {name: value for name, value in settings.items() if value is not None}
    return dict(_to_py(await _bridge().configure(_to_js(changes))))


async def read_image(source: str | os.PathLike[str] | bytes) -> Any:
    """An image file of the worker's file system, or an image's bytes, as a transformers.js ``RawImage``.

    transformers.js reads a string as a URL, which a file the app holds is not
    (an upload lives in the worker's file system). A file the browser cannot
    decode raises a ``gr.Error`` that names it.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        data, mime_type, name = bytes(source), "", ""
    else:
        path = os.fspath(source)
        with open(path, "rb") as handle:
            data = handle.read()
        mime_type, name = mimetypes.guess_type(path)[0] or "", os.path.basename(path)
    bridge = _bridge()
    try:
        # The bytes go over as a Python buffer, which the worker copies out (`toJs()`), as it does for files.
        return await bridge.readImage(data, mime_type, name)
    except Exception as error:
        # Most often the visitor's file is not an image: tell them so plainly, not as a JS exception.
        raise Error(str(getattr(error, "message", None) or error)) from error


def _is_local_file(value: Any) -> bool:
    return isinstance(value, (str, os.PathLike)) and "://" not in os.fspath(value) and os.path.isfile(value)


async def _images_for_js(inputs: Any) -> Any:
    """An image task's inputs with local files and bytes read as RawImages; URLs and JS objects unchanged."""
    if isinstance(inputs, list):
        return [await _images_for_js(item) for item in inputs]
    if isinstance(inputs, (bytes, bytearray, memoryview)) or _is_local_file(inputs):
        return await read_image(inputs)
    return inputs


class TransformersJs:
    """What ``import_transformers_js()`` gives: ``.pipeline`` is :func:`pipeline`
    (outputs as Python values, as ``transformers_js_py`` gives them); any other
    name (``env``, ``AutoTokenizer`` ...) is the transformers.js module's own."""

    def __init__(self, module: Any) -> None:
        self._module = module

    async def pipeline(self, task: str, model: str | None = None, **options: Any) -> Pipeline:
        return await pipeline(task, model, **options)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._module, name)


async def import_transformers_js(version: str | None = None) -> TransformersJs:
    """transformers.js, set up for offline use, as ``transformers_js_py`` gives it.

    ``version`` is accepted for compatibility and ignored: the page uses the
    copy built into ``dist/``.
    """
    return TransformersJs(await _bridge().load())


class Pipeline:
    """A transformers.js pipeline. Call it with ``await pipe(inputs, **kwargs)``."""

    def __init__(self, task: str, model: str | None, handle: Any) -> None:
        self.task = task
        self.model = model
        # The worker's handle: ``run(inputs, options)`` and ``dispose()``, both async.
        self._handle = handle

    async def __call__(self, inputs: Any, *args: Any, **kwargs: Any) -> Any:
        if self.task == "sentence-similarity":
            kwargs = {"pooling": "mean", "normalize": True, **kwargs}
        if self.task == "zero-shot-classification" and args:
            # transformers.js takes the candidate labels positionally, as Python's transformers does.
            kwargs = {"candidate_labels": args[0], **kwargs}
            args = args[1:]
        if args:
            raise TypeError(f"{self.task} pipeline takes the inputs and keyword options, got {len(args)} more positional arguments")
        if self.task in _IMAGE_TASKS:
            inputs = await _images_for_js(inputs)
        result = _to_py(await self._handle.run(_to_js(inputs), _to_js(kwargs)))
        if self.task in _TENSOR_TASKS and "numpy" in sys.modules:
            return sys.modules["numpy"].asarray(result, dtype="float32")
        return result

    async def dispose(self) -> None:
        """Free the model's memory; the pipeline cannot be called after."""
        await self._handle.dispose()

    def __repr__(self) -> str:
        return f"Pipeline(task={self.task!r}, model={self.model!r})"


async def pipeline(task: str, model: str | None = None, **options: Any) -> Pipeline:
    """Make a transformers.js pipeline: ``await pipeline("text-classification", "Org/model")``.

    ``"sentence-similarity"`` is a feature-extraction pipeline whose outputs
    are mean-pooled and normalized, one vector per sentence.
    """
    settings, options = _split_settings(dict(options))
    bridge = _bridge()
    if settings:
        await bridge.configure(_to_js(settings))
    js_task = _TASK_ALIASES.get(task, task)
    handle = await bridge.createPipeline(js_task, model, _to_js(options))
    return Pipeline(task, model, handle)
