"""``gr.ParamViewer``: a documentation table of a function's parameters, each
with its type, default and description (Markdown links allowed), opened one by
one or all at once. Display only: its value is what the app gives it.
"""

from __future__ import annotations

from typing import Any, Literal

from .base import Component


class ParamViewer(Component):
    TYPE = "paramviewer"
    # Gradio's api_info for it: any JSON.
    API_SCHEMA = {"type": {}, "description": "any valid json"}
    EVENTS = ("change", "upload")
    PROPS = ("language", "linkify", "header", "anchor_links", "max_height")

    def __init__(
        self,
        value: dict[str, dict[str, Any]] | None = None,
        language: Literal["python", "typescript"] = "python",
        linkify: list[str] | None = None,
        *,
        header: str | None = "Parameters",
        anchor_links: bool | str = False,
        max_height: int | str | None = None,
        **kwargs: Any,
    ) -> None:
        self.language = language
        self.linkify = linkify
        self.header = header
        self.anchor_links = anchor_links
        self.max_height = max_height
        super().__init__(value, **kwargs)

    def postprocess(self, value: Any) -> dict[str, dict[str, Any]] | None:
        if value is None:
            return None
        if not isinstance(value, dict) or not all(isinstance(entry, dict) for entry in value.values()):
            raise TypeError("ParamViewer shows {name: {'type': ..., 'description': ..., 'default': ...}}")
        return {str(name): dict(entry) for name, entry in value.items()}
