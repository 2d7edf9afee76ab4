"""File: upload one or many files, or offer files to download.

Also the conversions every file-backed component shares: a returned path,
``Path``, URL or ``FileData`` becomes a ``FileData``; an uploaded ``FileData``
becomes the path the app's function receives.
"""

from __future__ import annotations

import mimetypes
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from ..files import file_data, is_file_data, readable
from .schemas import FILE_DATA_SCHEMA
from .base import Component

if TYPE_CHECKING:
    # Types only: the browser's core wheel leaves protocol_types out (scripts/build_assets.py).
    from ..protocol_types import FileData


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://", "data:", "blob:"))


def to_file_data(value: Any, orig_name: str | None = None) -> FileData:
    """What a function returned for a file, as a ``FileData`` the host can show."""
    if is_file_data(value):
        # is_file_data checked the one key FileData requires; the others pass as they came.
        return cast("FileData", {**value, "meta": {"_type": "gradio.FileData"}})
    if isinstance(value, dict) and isinstance(value.get("path") or value.get("name"), str):
        # Gradio 3's {"name": ...} and plain {"path": ...} dicts.
        return to_file_data(value.get("path") or value["name"], value.get("orig_name"))
    if isinstance(value, (str, os.PathLike)):
        text = os.fspath(value)
        if isinstance(text, str) and is_url(text):
            return {"path": text, "orig_name": orig_name or text.rsplit("/", 1)[-1], "size": None,
                    "mime_type": None, "url": text, "meta": {"_type": "gradio.FileData"}}
        return file_data(text, orig_name=orig_name)
    raise TypeError(f"Expected a file path or URL, got {type(value).__name__}")


def static_file_data(value: str | os.PathLike[str]) -> FileData:
    """A file the app names when it builds its page (an example's picture), as ``FileData``.

    Like Gradio's ``serve_static_file``, a missing file does not stop the app
    from starting: its ``FileData`` keeps the path, with no size, and the page
    shows it broken.
    """
    text = os.fspath(value)
    if is_url(text) or os.path.isfile(text):
        return to_file_data(text)
    return {"path": os.path.abspath(text), "url": None, "size": None, "orig_name": os.path.basename(text),
            "mime_type": mimetypes.guess_type(text)[0], "is_stream": False, "meta": {"_type": "gradio.FileData"}}


def payload_path(payload: Any) -> str:
    """The path of an uploaded ``FileData`` (or a bare path string), as the session's
    file store lets the app read it (a server refuses files it did not give out)."""
    if isinstance(payload, str):
        return readable(payload)
    if isinstance(payload, dict):
        path, url = payload.get("path"), payload.get("url")
        url = url if isinstance(url, str) else None
        if isinstance(path, str):
            return readable(path, url)
        if url is not None:
            return readable(url, url)
    raise TypeError(f"Expected an uploaded file, got {type(payload).__name__}")


def check_file_type(path: str, file_types: list[str] | None) -> None:
    """Gradio's ``file_types``: extensions (".csv") or kinds ("image", "audio", "video", "text")."""
    if not file_types:
        return
    import mimetypes

    name = Path(path).name.lower()
    suffix = Path(path).suffix.lower()
    mime = mimetypes.guess_type(path)[0] or ""
    for allowed in file_types:
        allowed = allowed.lower()
        # The whole name's end, so that a compound extension (".nii.gz") is one type.
        if allowed.startswith(".") and name.endswith(allowed):
            return
        if not allowed.startswith(".") and (mime.startswith(allowed + "/") or allowed == "file"):
            return
    raise ValueError(f"Invalid file type {suffix or Path(path).name!r}: this field accepts {', '.join(file_types)}")


class NamedPath(str):
    """A path a function receives for an uploaded file: a ``str`` with ``.name``, the path
    again, for apps written when Gradio handed over file objects (``file.name``), as Gradio's
    own string does."""

    name: str

    def __new__(cls, path: str) -> NamedPath:
        named = super().__new__(cls, path)
        named.name = path
        return named


def uploaded_files(payload: Any, file_count: str, file_types: list[str] | None, kind: str) -> Any:
    """What a function receives for uploaded files: a path (or the bytes, for ``kind="binary"``),
    or a list of them unless ``file_count`` is "single"; each checked against ``file_types``."""

    def one(item: Any) -> str | bytes:
        path = payload_path(item)
        check_file_type(path, file_types)
        if kind == "binary":
            with open(path, "rb") as handle:
                return handle.read()
        return NamedPath(path)

    if payload is None:
        return None
    items = payload if isinstance(payload, list) else [payload]
    if file_count == "single":
        return one(items[0]) if items else None
    return [one(item) for item in items]


def files_data(value: Any) -> Any:
    """A returned path or list of paths as FileData (a list stays a list)."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return [to_file_data(item) for item in value]
    return to_file_data(value)


class File(Component):
    TYPE = "file"
    API_SCHEMA = FILE_DATA_SCHEMA
    EVENTS = ("change", "select", "clear", "upload", "delete", "download")
    PROPS = ("file_count", "file_types", "type", "height", "allow_reordering")

    def __init__(
        self,
        value: Any = None,
        *,
        file_count: Literal["single", "multiple", "directory"] = "single",
        file_types: list[str] | None = None,
        type: Literal["filepath", "binary"] = "filepath",
        label: str | None = None,
        height: int | float | None = None,
        allow_reordering: bool = False,
        **kwargs: Any,
    ) -> None:
        if type not in ("filepath", "binary"):
            raise ValueError(f"File type must be 'filepath' or 'binary', got {type!r}")
        if file_count not in ("single", "multiple", "directory"):
            raise ValueError(f"file_count must be 'single', 'multiple' or 'directory', got {file_count!r}")
        self.file_count = file_count
        self.file_types = file_types
        self.type = type
        self.height = height
        self.allow_reordering = allow_reordering
        super().__init__(value, label=label, **kwargs)

    def preprocess(self, payload: Any) -> Any:
        return uploaded_files(payload, self.file_count, self.file_types, self.type)

    def postprocess(self, value: Any) -> Any:
        return files_data(value)
