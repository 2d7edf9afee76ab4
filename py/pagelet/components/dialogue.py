"""Dialogue: lines of a conversation, each said by one of the ``speakers``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal

from .base import Component

Line = dict[str, str]


def default_formatter(speaker: str, text: str) -> str:
    """Gradio's text for one line: ``[Speaker 1] Hello``."""
    return f"[{speaker}] {text}"


def dialogue_lines(value: Any) -> list[Line] | str:
    """A dialogue value (lines of ``{speaker, text}``, or the dialogue as one string), checked."""
    if isinstance(value, str):
        return value
    if not isinstance(value, Sequence):
        raise TypeError(f"Dialogue expects a list of {{'speaker', 'text'}} lines or a string, got {type(value).__name__}")
    lines = []
    for index, line in enumerate(value):
        if not isinstance(line, dict) or not isinstance(line.get("speaker"), str) or not isinstance(line.get("text"), str):
            raise ValueError(f"Dialogue line {index + 1} must be a dict with a 'speaker' and a 'text' string, got {line!r}")
        lines.append({"speaker": line["speaker"], "text": line["text"]})
    return lines


class Dialogue(Component):
    """As an input, the dialogue reaches the function as text (``type="text"``, each line through
    ``formatter`` and joined by ``separator``) or as its lines (``type="list"``)."""

    TYPE = "dialogue"
    EVENTS = ("change", "input", "submit")
    # Gradio's DialogueModel: lines of {speaker, text}, or the dialogue as one string.
    API_SCHEMA = {
        "$defs": {
            "DialogueLine": {
                "properties": {"speaker": {"title": "Speaker", "type": "string"}, "text": {"title": "Text", "type": "string"}},
                "required": ["speaker", "text"],
                "title": "DialogueLine",
                "type": "object",
            }
        },
        "anyOf": [{"items": {"$ref": "#/$defs/DialogueLine"}, "type": "array"}, {"type": "string"}],
        "title": "DialogueModel",
        "additional_description": None,
    }
    API_PYTHON_TYPE = "list[dict(speaker: str, text: str)] | str"
    PROPS = (
        "type", "speakers", "tags", "separator", "color_map", "placeholder", "autofocus", "autoscroll",
        "max_lines", "submit_btn", "ui_mode",
    )

    def __init__(
        self,
        value: list[dict[str, str]] | Callable[..., Any] | None = None,
        *,
        type: Literal["list", "text"] = "text",
        speakers: list[str] | None = None,
        formatter: Callable[[str, str], str] | None = None,
        unformatter: Callable[[str, str], dict[str, str]] | None = None,
        tags: list[str] | None = None,
        separator: str = "\n",
        color_map: dict[str, str] | None = None,
        label: str | None = "Dialogue",
        info: str | None = "Type colon (:) in the dialogue line to see the available tags",
        placeholder: str | None = None,
        autofocus: bool = False,
        autoscroll: bool = True,
        max_lines: int | None = None,
        buttons: list[Any] | None = None,
        submit_btn: str | bool | None = False,
        ui_mode: Literal["dialogue", "text", "both"] = "both",
        interactive: bool | None = None,
        **kwargs: Any,
    ) -> None:
        if separator == " ":
            raise ValueError("Separator cannot be an empty string.")
        if type not in ("list", "text"):
            raise ValueError(f"Dialogue type must be 'list' or 'text', got {type!r}")
        if ui_mode not in ("dialogue", "text", "both"):
            raise ValueError(f"Dialogue ui_mode must be 'dialogue', 'text' or 'both', got {ui_mode!r}")
        self.type = type
        self.speakers = speakers
        self.formatter = formatter
        self.unformatter = unformatter
        self.tags = tags or []
        self.separator = separator
        self.color_map = color_map
        self.placeholder = placeholder
        self.autofocus = autofocus
        self.autoscroll = autoscroll
        self.max_lines = max_lines
        self.submit_btn = submit_btn
        self.ui_mode = ui_mode
        # Gradio's rule: the hint about tags is for people who can type, so a display has none.
        super().__init__(value, label=label, info=info if interactive else None, interactive=interactive, buttons=buttons, **kwargs)

    def format(self, lines: list[Line] | str) -> str:
        """The dialogue as one string: what ``type="text"`` hands the function (and what is copied)."""
        if lines == "" or (isinstance(lines, list) and len(lines) == 1 and lines[0]["text"] == ""):
            return ""
        if isinstance(lines, str):
            return lines
        formatter = self.formatter or default_formatter
        return self.separator.join(formatter(line["speaker"], line["text"]) for line in lines)

    def preprocess(self, payload: Any) -> str | list[Line] | None:
        if payload is None:
            return None
        lines = dialogue_lines(payload)
        return lines if self.type == "list" else self.format(lines)

    def postprocess(self, value: Any) -> list[Line] | str | None:
        return None if value is None else dialogue_lines(value)
