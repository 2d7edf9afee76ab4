"""Which files the server may send, and where uploads go.

A file is served only when its real path (symlinks resolved) lies inside the
upload folder, the app's output folder or an ``allowed_paths`` entry, lies in
no ``blocked_paths`` entry, and no part of it below that root is a dotfile.
Everything else is "not found", so a probe learns nothing.
"""

from __future__ import annotations

import secrets
import tempfile
from pathlib import Path

from .options import ServerOptions


class FileStore:
    """The server's own folders (uploads, outputs) and the rule for serving files."""

    def __init__(self, options: ServerOptions) -> None:
        self._temp = tempfile.TemporaryDirectory(prefix="pagelet-")
        base = Path(self._temp.name).resolve()
        self.uploads = base / "uploads"
        self.outputs = base / "outputs"
        self.uploads.mkdir()
        self.outputs.mkdir()
        self._allowed = [self.uploads, self.outputs, *options.allowed_paths]
        self._blocked = options.blocked_paths

    def save_upload(self, name: str, content: bytes) -> Path:
        """Store one uploaded file under a fresh folder; the name keeps only its last part."""
        safe_name = Path(name.replace("\\", "/")).name.lstrip(".") or "file"
        folder = self.uploads / secrets.token_hex(16)
        folder.mkdir()
        path = folder / safe_name
        path.write_bytes(content)
        return path

    def servable(self, requested: str) -> Path | None:
        """The file to send for ``requested``, or ``None`` if it may not be sent."""
        if not requested or "\0" in requested:
            return None
        try:
            path = Path(requested).resolve(strict=True)
        except (OSError, RuntimeError, ValueError):
            return None
        if not path.is_file():
            return None
        if any(path.is_relative_to(blocked) for blocked in self._blocked):
            return None
        for root in self._allowed:
            if path.is_relative_to(root):
                inside = path.relative_to(root).parts
                return None if any(part.startswith(".") for part in inside) else path
        return None

    def close(self) -> None:
        self._temp.cleanup()
