"""Gradio's templates: components with other defaults, under their own names.

As in Gradio, a template is its component to the page and the API (the same
``TYPE``); only the constructor's defaults differ. ``TextArea`` lives with the
Textbox; the image editor's templates live with the image editor.
"""

from __future__ import annotations

from typing import Any

from .components.dataframe import Dataframe
from .components.file import File
from .components.media import Audio, Video


class Microphone(Audio):
    """An Audio that records from the microphone."""

    def __init__(self, value: Any = None, *, sources: list[str] | str | None = None, **kwargs: Any) -> None:
        super().__init__(value, sources=sources if sources is not None else ["microphone"], **kwargs)


Mic = Microphone


class PlayableVideo(Video):
    """A Video that takes uploads only (Gradio's preset for videos a browser can play)."""

    def __init__(self, value: Any = None, *, sources: list[str] | str | None = None, **kwargs: Any) -> None:
        super().__init__(value, sources=sources if sources is not None else ["upload"], **kwargs)


class Files(File):
    """A File that takes several files."""

    def __init__(self, value: Any = None, **kwargs: Any) -> None:
        kwargs.setdefault("file_count", "multiple")
        super().__init__(value, **kwargs)


class Numpy(Dataframe):
    """A Dataframe whose value is a numpy array."""

    def __init__(self, value: Any = None, **kwargs: Any) -> None:
        kwargs.setdefault("type", "numpy")
        super().__init__(value, **kwargs)


class Matrix(Dataframe):
    """A Dataframe whose value is a list of rows."""

    def __init__(self, value: Any = None, **kwargs: Any) -> None:
        kwargs.setdefault("type", "array")
        super().__init__(value, **kwargs)


# Gradio keeps a second name for the same preset.
List = Matrix
