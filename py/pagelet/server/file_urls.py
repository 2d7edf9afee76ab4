"""File inputs given as URLs of this server's own file route, read as the files they name.

A caller of the REST API often passes back a file this server returned (its
``url``), or uploads one and sends its URL. Those become the local path, which
is then checked like any other file input (``inputs.refused_inputs``); a URL of
any other site is left as it is, and refused there.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from ..blocks import Blocks
from .inputs import FILE_VALUED


def _local(value: Any, file_url: str) -> Any:
    if isinstance(value, str):
        return unquote(value[len(file_url):]) if value.startswith(file_url) else value
    if isinstance(value, list):
        return [_local(item, file_url) for item in value]
    if isinstance(value, dict):
        value = {key: _local(item, file_url) if key in ("path", "url", "video", "subtitles") else item for key, item in value.items()}
        path, url = value.get("path"), value.get("url")
        # A FileData whose path is missing or remote but whose url is ours: the url names the file.
        if isinstance(url, str) and not url.startswith(("http:", "https:")) and not (isinstance(path, str) and path.startswith("/")):
            value["path"] = url
        return value
    return value


def local_file_inputs(app: Blocks, fn_index: int, data: list[Any], file_url: str) -> list[Any]:
    """``data`` with each file input that points into ``file_url`` replaced by its path."""
    inputs = app.dependencies[fn_index].inputs
    return [
        _local(value, file_url) if index < len(inputs) and inputs[index].TYPE in FILE_VALUED else value
        for index, value in enumerate(data)
    ]
