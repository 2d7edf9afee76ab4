"""Which files an event's inputs name, so that a client reads only what this server gave out.

In the browser every path is the person's own; on a server a client could send
``{"path": "/etc/passwd"}`` (or a bare path) as a file input. As Gradio does,
an input file must lie in the server's folders (uploads, outputs,
``allowed_paths``); anything else refuses the event before the app runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..blocks import Blocks
from .files import ServerFolders

# Components whose value is a file, or a list of files: a FileData or a bare path.
FILE_VALUED = frozenset({"file", "image", "audio", "video", "uploadbutton", "downloadbutton"})
# Components whose value holds files inside a larger structure.
_HOLDS_FILES = frozenset({"gallery", "multimodaltextbox", "chatbot", "annotatedimage"})
# Keys under which those structures keep a file (FileData, Gradio 3's ``name``,
# a chat message's ``file``, a gallery item's ``image``, a message box's ``files``).
_FILE_KEYS = ("path", "name", "file", "image", "files")


def _paths(value: Any, strings: bool) -> Iterator[str]:
    """Every path in ``value``; bare strings count only where a file is expected."""
    if isinstance(value, str):
        if strings:
            yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _paths(item, strings)
    elif isinstance(value, dict):
        key = next((key for key in _FILE_KEYS if isinstance(value.get(key), (str, dict, list))), None)
        if key is not None:
            yield from _paths(value[key], strings=True)
        else:
            for item in value.values():
                yield from _paths(item, strings=False)


def input_paths(component_type: str, value: Any) -> Iterator[str]:
    """The paths a component's preprocessing would read from ``value``."""
    if component_type in FILE_VALUED:
        yield from _paths(value, strings=True)
    elif component_type in _HOLDS_FILES:
        yield from _paths(value, strings=False)


def refused_inputs(app: Blocks, folders: ServerFolders, fn: Any, data: Any) -> str | None:
    """Why event ``fn`` may not run with ``data``, or ``None``. Malformed events are left to the core."""
    if not isinstance(fn, int) or not 0 <= fn < len(app.dependencies) or not isinstance(data, list):
        return None
    for component, value in zip(app.dependencies[fn].inputs, data):
        for path in input_paths(component.TYPE, value):
            if folders.servable(path) is None:
                return f"Cannot read {path}: a file input must be uploaded to this app first (gradio_client: handle_file)."
    return None
