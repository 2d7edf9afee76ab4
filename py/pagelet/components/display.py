"""Components that show a value: Markdown, JSON, Label (HTML is in ``html``)."""

from __future__ import annotations

import inspect
import json
from typing import Any

from .base import Component

LatexDelimiters = list[dict[str, str | bool]]


def latex_delimiters_or_default(given: LatexDelimiters | None) -> LatexDelimiters:
    """Gradio's default: only ``$$...$$`` is LaTeX, drawn on a line of its own; ``[]`` turns LaTeX off."""
    return [{"left": "$$", "right": "$$", "display": True}] if given is None else list(given)


class Markdown(Component):
    TYPE = "markdown"
    API_SCHEMA = {"type": "string"}
    EVENTS = ("change", "copy")
    PROPS = ("rtl", "sanitize_html", "line_breaks", "header_links", "height", "latex_delimiters")
    CLEARED_VALUE = ""

    def __init__(
        self,
        value: str | Any = "",
        *,
        label: str | None = None,
        rtl: bool = False,
        sanitize_html: bool = True,
        line_breaks: bool = False,
        header_links: bool = False,
        height: int | str | None = None,
        latex_delimiters: LatexDelimiters | None = None,
        **kwargs: Any,
    ) -> None:
        self.rtl = rtl
        self.latex_delimiters = latex_delimiters_or_default(latex_delimiters)
        self.sanitize_html = sanitize_html
        self.line_breaks = line_breaks
        self.header_links = header_links
        self.height = height
        kwargs.setdefault("show_label", False)
        super().__init__(value, label=label, **kwargs)

    def postprocess(self, value: Any) -> str | None:
        # Gradio dedents so that triple-quoted strings in code render as intended.
        return None if value is None else inspect.cleandoc(str(value))


class JSON(Component):
    TYPE = "json"
    API_SCHEMA = {"type": "object"}
    API_PYTHON_TYPE = "dict | list | str | float | bool | None"
    DEFAULT_BUTTONS = ("copy",)
    EVENTS = ("change",)
    PROPS = ("open", "show_indices", "height", "max_height", "min_height")

    def __init__(
        self,
        value: Any = None,
        *,
        label: str | None = None,
        open: bool = False,
        show_indices: bool = False,
        height: int | str | None = None,
        max_height: int | str | None = 500,
        min_height: int | str | None = None,
        **kwargs: Any,
    ) -> None:
        self.open = open
        # Gradio 6: list items numbered in its tree view; the page's plain JSON text has no place for them yet.
        self.show_indices = show_indices
        self.height = height
        self.max_height = max_height
        self.min_height = min_height
        super().__init__(value, label=label, **kwargs)

    def postprocess(self, value: Any) -> Any:
        # A string is taken as JSON text, as Gradio does.
        if isinstance(value, str):
            try:
                return json.loads(value)
            except ValueError:
                return value
        return _plain(value)


def _plain(value: Any) -> Any:
    """Tuples and sets become lists so the value survives JSON."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(item) for item in value]
    return value


class Label(Component):
    TYPE = "label"
    API_SCHEMA = {"type": "object"}
    EVENTS = ("change", "select")
    PROPS = ("num_top_classes", "color", "show_heading")

    def __init__(
        self,
        value: Any = None,
        *,
        num_top_classes: int | None = None,
        label: str | None = None,
        color: str | None = None,
        show_heading: bool = True,
        **kwargs: Any,
    ) -> None:
        self.num_top_classes = num_top_classes
        self.color = color
        self.show_heading = show_heading
        super().__init__(value, label=label, **kwargs)

    def postprocess(self, value: Any) -> dict[str, Any]:
        """A label, or a ``{class: confidence}`` dict sorted by confidence; nothing is ``{}``, as in Gradio."""
        if value is None or value == {}:
            return {}
        if isinstance(value, dict) and "confidences" in value and isinstance(value["confidences"], list):
            return value  # already in the host's form
        if isinstance(value, dict):
            ranked = sorted(
                ((str(name), float(confidence)) for name, confidence in value.items()),
                key=lambda pair: pair[1],
                reverse=True,
            )
            if self.num_top_classes is not None:
                ranked = ranked[: self.num_top_classes]
            return {
                "label": ranked[0][0] if ranked else None,
                "confidences": [{"label": name, "confidence": confidence} for name, confidence in ranked],
            }
        if isinstance(value, (str, int, float)):
            return {"label": str(value), "confidences": None}
        raise ValueError(f"Label expects a str, a number or a dict of confidences, got {type(value).__name__}")

    def preprocess(self, payload: Any) -> Any:
        if not isinstance(payload, dict):
            return None
        confidences = payload.get("confidences")
        if not confidences:
            return payload.get("label")
        return {item["label"]: item["confidence"] for item in confidences}
