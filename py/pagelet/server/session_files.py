"""One session's files on the server: the core's ``FileStore`` (``pagelet.files``) over HTTP.

Uploads land in the server's upload folder and outputs are offered by URL (the
file route), so no bytes travel beside the messages. An output outside the
served folders is first copied into this session's output folder, or refused
(``ServerFolders.copyable``). ``close()`` deletes what this session stored.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ..components.file import is_url
from ..files import check_size, file_data

if TYPE_CHECKING:
    from ..protocol_types import FileData
from .files import ServerFolders, new_folder


class SessionFiles:
    """``file_url`` is the file route as this session's client reaches it (e.g.
    ``gradio_api/file=`` relative to the page); a path is appended to it."""

    def __init__(self, folders: ServerFolders, file_url: str, max_file_size: int | None) -> None:
        self.max_file_size = max_file_size
        self._folders = folders
        self._file_url = file_url
        self._dir: Path | None = None
        self._uploads: list[Path] = []
        # Copies already made, by (source, size, mtime), so an unchanged file is copied once.
        self._copies: dict[tuple[str, int, int], str] = {}

    @property
    def directory(self) -> str:
        """Where the core writes this session's output files (encoded images, sounds)."""
        if self._dir is None:
            self._dir = new_folder(self._folders.outputs)
        return str(self._dir)

    def url(self, path: str) -> str:
        return self._file_url + quote(path)

    def save(self, name: str, data: bytes, mime_type: str | None) -> FileData:
        check_size(name, len(data), self.max_file_size)
        path = self._folders.save_upload(name, data)
        self._uploads.append(path.parent)
        return {**file_data(path, orig_name=name or path.name, mime_type=mime_type or None), "url": self.url(str(path))}

    def publish(self, file: FileData) -> FileData:
        path = file["path"]
        if is_url(path):
            return {**file, "url": path}
        if self._folders.servable(path) is None:
            path = self._copy(path)
        return {**file, "path": path, "url": self.url(path)}

    def _copy(self, returned: str) -> str:
        source = self._folders.copyable(returned)
        stat = source.stat()
        key = (str(source), stat.st_size, stat.st_mtime_ns)
        if key not in self._copies:
            target = new_folder(Path(self.directory)) / source.name
            shutil.copyfile(source, target)
            self._copies[key] = str(target)
        return self._copies[key]

    def release(self, paths: Iterable[str]) -> list[str]:
        # Served by URL: the page holds no bytes, and copies stay until the session ends.
        return []

    def close(self) -> None:
        for folder in self._uploads:
            shutil.rmtree(folder, ignore_errors=True)
        self._uploads.clear()
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None
        self._copies.clear()
