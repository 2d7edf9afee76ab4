"""Gradio's template components: a component with some arguments already set.

Their type in the config is their parent's (``audio``, ``video``), as in Gradio.
"""

from __future__ import annotations

from typing import Any

from .media import Audio, Video


class Microphone(Audio):
    """``gr.Microphone``: an Audio that records from the microphone."""

    def __init__(self, value: Any = None, *, sources: list[str] | str | None = None, **kwargs: Any) -> None:
        super().__init__(value, sources=sources or ["microphone"], **kwargs)


class PlayableVideo(Video):
    """``gr.PlayableVideo``: Gradio converts the video to mp4 so browsers play it; the page plays what it is given."""

    def __init__(self, value: Any = None, *, format: str = "mp4", **kwargs: Any) -> None:
        del format  # no conversion here: see the docstring
        super().__init__(value, **kwargs)
