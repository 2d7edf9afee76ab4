"""Textbox: one or more lines of text."""

from __future__ import annotations

from typing import Any, Literal

from .base import FormComponent


class Textbox(FormComponent):
    TYPE = "textbox"
    API_SCHEMA = {"type": "string"}
    EVENTS = ("change", "input", "select", "submit", "focus", "blur", "stop", "copy")
    PROPS = (
        "lines", "max_lines", "placeholder", "type", "max_length", "autofocus", "rtl", "text_align", "show_copy_button",
        "submit_btn", "stop_btn",
    )
    CLEARED_VALUE = ""

    def __init__(
        self,
        value: str | Any | None = None,
        *,
        lines: int = 1,
        max_lines: int | None = None,
        placeholder: str | None = None,
        label: str | None = None,
        type: Literal["text", "password", "email"] = "text",
        max_length: int | None = None,
        autofocus: bool = False,
        rtl: bool = False,
        text_align: Literal["left", "right"] | None = None,
        show_copy_button: bool = False,
        submit_btn: str | bool | None = False,
        stop_btn: str | bool | None = False,
        **kwargs: Any,
    ) -> None:
        # Gradio 6: True shows a Submit (Stop) button in the box, a string names it; it fires submit (stop).
        self.submit_btn = submit_btn
        self.stop_btn = stop_btn
        if type not in ("text", "password", "email"):
            raise ValueError(f"Textbox type must be 'text', 'password' or 'email', got {type!r}")
        self.lines = lines
        # Gradio's default: grow to 20 lines, or exactly one line for passwords.
        self.max_lines = max_lines if max_lines is not None else (1 if type != "text" else max(lines, 20))
        self.placeholder = placeholder
        self.type = type
        self.max_length = max_length
        self.autofocus = autofocus
        self.rtl = rtl
        self.text_align = text_align
        self.show_copy_button = show_copy_button
        if show_copy_button and kwargs.get("buttons") is None:
            kwargs["buttons"] = ["copy"]  # Gradio 5's flag, Gradio 6's buttons=["copy"]
        super().__init__(value, label=label, **kwargs)

    def preprocess(self, payload: Any) -> str | None:
        if payload is None:
            return None
        if isinstance(payload, (dict, list)):
            raise TypeError(f"Textbox expects text, got {type(payload).__name__}")
        return str(payload)

    def postprocess(self, value: Any) -> str | None:
        return None if value is None else str(value)


class TextArea(Textbox):
    """A Textbox that starts seven lines tall."""

    def __init__(self, value: str | Any | None = None, *, lines: int = 7, **kwargs: Any) -> None:
        super().__init__(value, lines=lines, **kwargs)
