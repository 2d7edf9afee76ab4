"""Gradio's template components: a component with some arguments already set.

Their type in the config is their parent's (``audio``, ``video``), as in Gradio.
"""

from __future__ import annotations

from typing import Any

from .dataframe import Dataframe
from .file import File
from .media import Audio, Video


class Microphone(Audio):
    """``gr.Microphone``: an Audio that records from the microphone."""

    def __init__(self, value: Any = None, *, sources: list[str] | str | None = None, **kwargs: Any) -> None:
        super().__init__(value, sources=sources or ["microphone"], **kwargs)


class PlayableVideo(Video):
    """``gr.PlayableVideo``: Gradio converts the video to mp4 so browsers play it; the page plays what it is given."""

    def __init__(self, value: Any = None, *, format: str = "mp4", sources: list[str] | str | None = None, **kwargs: Any) -> None:
        del format  # no conversion here: see the docstring
        # Gradio's preset takes uploads only.
        super().__init__(value, sources=sources or ["upload"], **kwargs)


class Files(File):
    """``gr.Files``: a File that takes several files."""

    def __init__(self, value: Any = None, **kwargs: Any) -> None:
        kwargs.setdefault("file_count", "multiple")
        super().__init__(value, **kwargs)


class Numpy(Dataframe):
    """``gr.Numpy``: a Dataframe whose value is a numpy array."""

    def __init__(self, value: Any = None, **kwargs: Any) -> None:
        kwargs.setdefault("type", "numpy")
        super().__init__(value, **kwargs)


class Matrix(Dataframe):
    """``gr.Matrix``: a Dataframe whose value is a list of rows."""

    def __init__(self, value: Any = None, **kwargs: Any) -> None:
        kwargs.setdefault("type", "array")
        super().__init__(value, **kwargs)


# Gradio keeps a second name for the same preset.
List = Matrix
