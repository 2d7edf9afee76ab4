"""Files a session holds: uploads in, output files out.

A component's value for a file is a ``FileData`` dict, the shape Gradio uses::

    {"path": str, "orig_name": str | None, "size": int | None,
     "mime_type": str | None, "url": str | None, "is_stream": bool,
     "meta": {"_type": "gradio.FileData"}}

``path`` is a path in the core's file system (Pyodide's, in the browser).
The host shows a file by ``url`` when the transport serves files over HTTP, or
by the bytes the core sent next to a ``file`` message (the worker): see
``protocol.py``. Where uploads land and how outputs reach the host is the job
of a ``FileStore``, one per session.
"""

from __future__ import annotations

import contextlib
import contextvars
import mimetypes
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    # Types only: the browser's core wheel leaves protocol_types out (scripts/build_assets.py).
    from .protocol_types import FileData

FILE_DATA_TYPE = "gradio.FileData"

# Gradio's launch() default: no limit. The browser keeps every upload in memory,
# so Pagelet sets one; `demo.launch(max_file_size=...)` changes it.
DEFAULT_MAX_FILE_SIZE = 100 * 1024 * 1024


def file_data(path: str | os.PathLike[str], orig_name: str | None = None, mime_type: str | None = None) -> FileData:
    """The ``FileData`` of an existing file; raises ``FileNotFoundError`` with the path."""
    path = os.fspath(path)
    if not os.path.isfile(path):
        raise FileNotFoundError(f"No file at {path!r}")
    # Gradio's field order and fields, so API clients read the same JSON.
    return {
        "path": path,
        "url": None,
        "size": os.path.getsize(path),
        "orig_name": orig_name if orig_name is not None else os.path.basename(path),
        "mime_type": mime_type or mimetypes.guess_type(path)[0],
        "is_stream": False,
        "meta": {"_type": FILE_DATA_TYPE},
    }


def is_file_data(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("path"), str) and (
        value.get("meta", {}).get("_type") == FILE_DATA_TYPE if isinstance(value.get("meta"), dict) else "orig_name" in value
    )


def iter_file_data(value: Any) -> Iterator[FileData]:
    """Every ``FileData`` dict inside a JSON-like value (a gallery holds many)."""
    if is_file_data(value):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from iter_file_data(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from iter_file_data(item)


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?i?b?)?\s*$", re.IGNORECASE)


def parse_size(size: int | str | None) -> int | None:
    """Gradio's ``max_file_size``, the same in the browser and on a server: bytes from
    ``5_000_000``, ``"5mb"``, ``"2 GB"``, ``"10kib"``; ``None`` means no limit."""
    if size is None or isinstance(size, int):
        return size
    match = _SIZE.match(size)
    if match is None:
        raise ValueError(f"max_file_size must be bytes or a size such as '5mb', got {size!r}")
    unit = (match.group(2) or "").lower().removesuffix("b")
    base = 1024 if unit.endswith("i") else 1000
    power = "kmgt".index(unit[0]) + 1 if unit else 0
    return int(float(match.group(1)) * base**power)


def human_size(size: int) -> str:
    amount = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if amount < 1024 or unit == "GB":
            return f"{amount:.0f} {unit}" if unit == "B" else f"{amount:.1f} {unit}"
        amount /= 1024
    return f"{amount} B"


class UploadTooLarge(ValueError):
    """An upload exceeds the app's ``max_file_size``."""


def check_size(name: str, size: int, limit: int | None) -> None:
    """Raise ``UploadTooLarge``, naming the file and both sizes, when ``size`` exceeds ``limit``."""
    if limit is not None and size > limit:
        raise UploadTooLarge(f"{name or 'The file'} is {human_size(size)}; this app accepts files up to {human_size(limit)}.")


class FileStore(Protocol):
    """Where one session's files live. Two implementations: ``TempFileStore``
    (the worker, and tests) and the server adapter's, which serves files by URL."""

    max_file_size: int | None

    def save(self, name: str, data: bytes, mime_type: str | None) -> FileData:
        """Keep an upload; return its ``FileData``. Raises ``UploadTooLarge``."""

    def publish(self, file: FileData) -> FileData:
        """Make an output file reachable by the host; return the ``FileData`` to send."""

    def release(self, paths: Iterable[str]) -> list[str]:
        """The page no longer shows these output files: delete those the session
        owns and return the paths whose bytes the host may now let go of."""

    def close(self) -> None:
        """The session ended: delete its files."""


# Sends one file's bytes to the host, keyed by its path (the worker's ``file`` message).
SendBytes = Callable[["FileData", bytes], None]


# Longest stored name, in characters: below every file system's limit of 255 bytes, UTF-8 included.
MAX_STORED_NAME = 60


def safe_file_name(name: str) -> str:
    """The name an upload is stored under: its last part only, no dotfile, no NUL or
    control character, short enough for any file system (the suffix kept).

    ``name`` comes from the person's browser or an API client and may be anything.
    """
    last = Path(name.replace("\\", "/")).name
    cleaned = "".join(char for char in last if char.isprintable()).lstrip(".")
    if len(cleaned) > MAX_STORED_NAME:
        suffix = Path(cleaned).suffix[:16]
        cleaned = cleaned[: MAX_STORED_NAME - len(suffix)] + suffix
    return cleaned or "upload"


class TempFileStore:
    """Uploads in a per-session temporary directory; outputs sent as bytes.

    ``send_bytes`` is how the bytes of an output reach the host; without it
    (a plain CPython session) outputs keep their path only.

    Like Gradio's per-session cache, the session owns the output files it
    wrote (encoded images, sounds) and the files the app wrote into the
    system's temp folder while the session was open. Once the page no longer
    shows one (``release``), the session's own file is deleted at once (the
    app never saw its path); of the app's files, the last
    ``KEEP_RELEASED_APP_FILES`` released are kept, in case the app returns one
    again (a cached example, a memoized result), and older ones are deleted.
    So an app writing a new file on each run leaves a bounded number of them.
    Uploads stay until the session ends (the app may have kept their paths),
    as do files that were in the temp folder before the session (an app's own
    files made at start-up) and any file elsewhere.
    """

    KEEP_RELEASED_APP_FILES = 8

    def __init__(self, send_bytes: SendBytes | None = None, max_file_size: int | None = DEFAULT_MAX_FILE_SIZE) -> None:
        self.max_file_size = max_file_size
        self._send_bytes = send_bytes
        self._dir: str | None = None
        # What the host already holds, so an unchanged file is sent once.
        self._sent: dict[str, tuple[int, int]] = {}
        self._uploads: set[str] = set()
        # Released files the app wrote, oldest first (a dict keeps insertion order).
        self._released: dict[str, None] = {}
        # What the temp folder held before: those entries are not the session's.
        self._temp = os.path.realpath(tempfile.gettempdir())
        self._temp_before = set(os.listdir(self._temp))

    @property
    def directory(self) -> str:
        if self._dir is None:
            self._dir = tempfile.mkdtemp(prefix="pagelet-session-")
        return self._dir

    def save(self, name: str, data: bytes, mime_type: str | None) -> FileData:
        check_size(name, len(data), self.max_file_size)
        # A folder per upload keeps the person's file name, even when two uploads share it.
        folder = tempfile.mkdtemp(dir=self.directory)
        safe_name = safe_file_name(name)
        path = os.path.join(folder, safe_name)
        with open(path, "wb") as handle:
            handle.write(data)
        self._uploads.add(path)
        return file_data(path, orig_name=name or safe_name, mime_type=mime_type or None)

    def publish(self, file: FileData) -> FileData:
        if self._send_bytes is None:
            return file
        path = file["path"]
        try:
            stat = os.stat(path)
        except OSError:
            return file
        self._released.pop(path, None)  # shown again
        version = (stat.st_size, stat.st_mtime_ns)
        if self._sent.get(path) != version:
            with open(path, "rb") as handle:
                self._send_bytes(file, handle.read())
            self._sent[path] = version
        return file

    def release(self, paths: Iterable[str]) -> list[str]:
        held = []
        for path in paths:
            if self._sent.pop(path, None) is not None:
                held.append(path)
            if self._wrote(path):
                self._delete(path)
            elif self._app_wrote(path):
                self._released[path] = None
        while len(self._released) > self.KEEP_RELEASED_APP_FILES:
            oldest = next(iter(self._released))
            del self._released[oldest]
            self._delete(oldest)
        return held

    def _delete(self, path: str) -> None:
        with contextlib.suppress(OSError):
            os.remove(path)
            # A folder made for that one file (tempfile.mkdtemp) goes with it.
            folder = os.path.dirname(os.path.realpath(path))
            if folder != self._temp and self._app_wrote(folder):
                os.rmdir(folder)

    def _wrote(self, path: str) -> bool:
        """Written by ``output_path()`` into the session's directory."""
        return self._dir is not None and os.path.dirname(os.path.realpath(path)) == os.path.realpath(self._dir)

    def _app_wrote(self, path: str) -> bool:
        """Written by the app into the temp folder since the session began (uploads aside)."""
        if path in self._uploads or not os.path.exists(path):
            return False
        real = os.path.realpath(path)
        if os.path.commonpath([real, self._temp]) != self._temp or real == self._temp:
            return False
        top = os.path.relpath(real, self._temp).split(os.sep)[0]
        return top not in self._temp_before and not top.startswith("pagelet-session-")

    def close(self) -> None:
        # The session's files the page still showed, and those kept after release, go too.
        for path in [*self._sent, *self._released]:
            if self._wrote(path) or self._app_wrote(path):
                self._delete(path)
        self._sent.clear()
        self._released.clear()
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None
        self._uploads.clear()


# The store of the session whose event is running: components write output
# files (a numpy image, a WAV) into its directory.
current_store: contextvars.ContextVar[FileStore | None] = contextvars.ContextVar("pagelet_file_store", default=None)


def output_path(suffix: str) -> str:
    """A fresh path for a file a component writes (an encoded image or sound)."""
    store = current_store.get()
    directory = getattr(store, "directory", None) or tempfile.gettempdir()
    handle, path = tempfile.mkstemp(suffix=suffix, dir=directory)
    os.close(handle)
    return path
