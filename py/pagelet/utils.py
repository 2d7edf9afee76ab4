"""The ``gradio.utils`` names that apps use: ``get_space``, ``NO_RELOAD``, ``set_static_paths``."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

# Gradio's reload mode re-runs an app's file on each edit; Pagelet runs it once, so guarded code always runs.
NO_RELOAD = True

_static_paths: list[Path] = []


def get_space() -> str | None:
    """The Hugging Face Space this app runs in (its ``SPACE_ID``), else ``None``."""
    if os.environ.get("SYSTEM") == "spaces":
        return os.environ.get("SPACE_ID")
    return None


def set_static_paths(paths: str | Path | Sequence[str | Path]) -> None:
    """Let the server offer files from ``paths`` (files or folders) as it offers ``allowed_paths``.

    Gradio serves these without copying them; here they are added to what the
    server may serve and copy. In the browser every path is the worker's own,
    so there is nothing to allow.
    """
    items = [paths] if isinstance(paths, (str, Path)) else list(paths)
    for item in items:
        resolved = Path(item).resolve()
        if resolved not in _static_paths:
            _static_paths.append(resolved)


def static_paths() -> list[Path]:
    """Every path given to ``set_static_paths`` so far (read at each check: an app may add more later)."""
    return list(_static_paths)
