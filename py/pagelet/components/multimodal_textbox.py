"""MultimodalTextbox: a message box with text and attached files.

The page sends ``{"text": str, "files": [FileData]}`` (each file uploaded when
it is attached); the function receives ``{"text": str, "files": [path]}``; a
returned value's files (paths, URLs or ``FileData``) are shown as thumbnails.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from .base import FormComponent
from .file import payload_path, to_file_data


class MultimodalTextbox(FormComponent):
    TYPE = "multimodaltextbox"
    EVENTS = ("change", "input", "select", "submit", "focus", "blur", "stop")
    PROPS = ("placeholder", "lines", "max_lines", "file_types", "file_count", "submit_btn", "stop_btn", "autofocus", "rtl")
    CLEARED_VALUE: ClassVar[Any] = {"text": "", "files": []}

    def __init__(
        self,
        value: str | dict[str, Any] | None = None,
        *,
        file_types: list[str] | None = None,
        file_count: Literal["single", "multiple", "directory"] = "single",
        lines: int = 1,
        max_lines: int = 20,
        placeholder: str | None = None,
        label: str | None = None,
        autofocus: bool = False,
        rtl: bool = False,
        submit_btn: str | bool | None = True,
        stop_btn: str | bool | None = False,
        sources: Any = None,
        **kwargs: Any,
    ) -> None:
        self.file_types = file_types
        self.file_count = file_count
        self.lines = lines
        self.max_lines = max_lines
        self.placeholder = placeholder
        self.autofocus = autofocus
        self.rtl = rtl
        self.submit_btn = submit_btn
        self.stop_btn = stop_btn
        super().__init__(value, label=label, **kwargs)

    def postprocess(self, value: Any) -> dict[str, Any]:
        if value is None:
            return {"text": "", "files": []}
        if isinstance(value, str):
            return {"text": value, "files": []}
        if not isinstance(value, dict):
            raise ValueError(f"A MultimodalTextbox value is text or {{'text', 'files'}}, got {type(value).__name__}")
        files = value.get("files") or []
        return {"text": str(value.get("text") or ""), "files": [to_file_data(item) for item in files]}

    def preprocess(self, payload: Any) -> dict[str, Any] | None:
        if payload is None:
            return None
        if isinstance(payload, str):
            return {"text": payload, "files": []}
        if not isinstance(payload, dict):
            raise TypeError(f"MultimodalTextbox expects {{'text', 'files'}}, got {type(payload).__name__}")
        return {"text": str(payload.get("text") or ""), "files": [payload_path(item) for item in payload.get("files") or []]}

