"""Which files the server may send, and where uploads go.

A file is served only when its real path (symlinks resolved) lies inside the
upload folder, the app's output folder or an ``allowed_paths`` entry, lies in
no ``blocked_paths`` entry, and no part of it below that root is a dotfile.
Everything else is "not found", so a probe learns nothing.

A file the app returns from elsewhere is copied into the output folder when
it lies in the working directory or the system's temp folder (where an app
writes its own files), as Gradio moves such files into its cache; any other
path is refused with a message that names ``allowed_paths``.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path

from ..alerts import Error
from ..files import safe_file_name
from ..utils import static_paths
from .options import ServerOptions


class RefusedPath(Error):
    """An app returned a file the server will not offer; shown to the person as ``gr.Error`` is."""


def _inside(path: Path, roots: list[Path]) -> Path | None:
    """The first of ``roots`` holding ``path`` with no dotfile below it, else ``None``."""
    for root in roots:
        if path.is_relative_to(root):
            inside = path.relative_to(root).parts
            return None if any(part.startswith(".") for part in inside) else root
    return None


def temp_root() -> str | None:
    """``GRADIO_TEMP_DIR`` (made when missing), where Gradio keeps uploads and outputs; else the system's."""
    folder = os.environ.get("GRADIO_TEMP_DIR")
    if not folder:
        return None
    os.makedirs(folder, exist_ok=True)
    return folder


class ServerFolders:
    """The server's own folders (uploads, outputs) and the rule for serving files."""

    def __init__(self, options: ServerOptions) -> None:
        self._temp = tempfile.TemporaryDirectory(prefix="pagelet-", dir=temp_root())
        base = Path(self._temp.name).resolve()
        self.uploads = base / "uploads"
        self.outputs = base / "outputs"
        self.uploads.mkdir()
        self.outputs.mkdir()
        self._allowed = [self.uploads, self.outputs, *options.allowed_paths]
        self._blocked = options.blocked_paths

    def save_upload(self, name: str, content: bytes) -> Path:
        """Store one uploaded file under a fresh folder; the name keeps only its last part."""
        path = new_folder(self.uploads) / safe_file_name(name)
        path.write_bytes(content)
        return path

    def _real_file(self, requested: str) -> Path | None:
        """The real path of an existing file, not in ``blocked_paths``."""
        if not requested or "\0" in requested:
            return None
        try:
            path = Path(requested).resolve(strict=True)
        except (OSError, RuntimeError, ValueError):
            return None
        if not path.is_file() or any(path.is_relative_to(blocked) for blocked in self._blocked):
            return None
        return path

    def servable(self, requested: str) -> Path | None:
        """The file to send for ``requested``, or ``None`` if it may not be sent."""
        path = self._real_file(requested)
        # gr.set_static_paths (gradio.media's folders among them) may grow after launch: read at each call.
        allowed = [*self._allowed, *static_paths()]
        return path if path is not None and _inside(path, allowed) is not None else None

    def copyable(self, returned: str) -> Path:
        """The real path of a file the app returned from its own folders, to copy into
        the outputs; raises ``RefusedPath`` saying why not."""
        path = self._real_file(returned)
        if path is None:
            raise RefusedPath(f"Cannot offer {returned}: there is no such file, or it is in blocked_paths.")
        # Read at each call: the app may change its working directory after launch.
        app_folders = [Path.cwd().resolve(), Path(tempfile.gettempdir()).resolve(), Path(temp_root() or tempfile.gettempdir()).resolve(), *static_paths()]
        if _inside(path, app_folders) is None:
            raise RefusedPath(
                f"Cannot offer {returned}: it is not in the app's working directory or the system's temp folder, "
                f"or it is a hidden file. To offer it, add {path.parent} to launch(allowed_paths=[...])."
            )
        return path

    def close(self) -> None:
        self._temp.cleanup()


def new_folder(parent: Path) -> Path:
    """A fresh, unguessable folder under ``parent``, so two files may share a name."""
    folder = parent / secrets.token_hex(16)
    folder.mkdir(parents=True)
    return folder

