"""UploadButton and DownloadButton: buttons whose value is a file.

An UploadButton's text is its label (Gradio's first argument); choosing files
uploads them and fires ``upload``. A DownloadButton's value is the file a
click saves. Both values are ``FileData`` (a list of them for several files),
converted exactly as ``gr.File`` converts them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Literal

from .base import Component
from .file import FILE_DATA_SCHEMA, files_data, payload_path, to_file_data, uploaded_files

if TYPE_CHECKING:
    from ..protocol_types import FileData

ButtonVariant = Literal["primary", "secondary", "stop", "huggingface"]


class _FileButton(Component):
    """What both buttons share: Gradio's button props and a button that is a control by default."""

    PROPS: ClassVar[tuple[str, ...]] = ("variant", "size", "icon")
    API_SCHEMA = FILE_DATA_SCHEMA

    def __init__(
        self,
        label: str,
        value: Any = None,
        *,
        variant: ButtonVariant = "secondary",
        size: Literal["sm", "md", "lg"] = "lg",
        icon: str | None = None,
        interactive: bool = True,
        min_width: int | None = None,
        **kwargs: Any,
    ) -> None:
        self.variant = variant
        self.size = size
        self.icon = icon
        super().__init__(value, label=label, interactive=interactive, min_width=min_width or 160, **kwargs)


class UploadButton(_FileButton):
    TYPE = "uploadbutton"
    EVENTS = ("change", "click", "upload")
    PROPS = (*_FileButton.PROPS, "type", "file_count", "file_types")

    def api_info(self) -> dict[str, Any]:
        return FILE_DATA_SCHEMA if self.file_count == "single" else {"type": "array", "items": FILE_DATA_SCHEMA}

    def __init__(
        self,
        label: str = "Upload a File",
        value: Any = None,
        *,
        type: Literal["filepath", "binary"] = "filepath",
        file_count: Literal["single", "multiple", "directory"] = "single",
        file_types: list[str] | None = None,
        **kwargs: Any,
    ) -> None:
        if type not in ("filepath", "binary"):
            raise ValueError(f"Invalid value for parameter `type`: {type}. Please choose from one of: ['filepath', 'binary']")
        if file_count not in ("single", "multiple", "directory"):
            raise ValueError(f"file_count must be 'single', 'multiple' or 'directory', got {file_count!r}")
        if file_types is not None and not isinstance(file_types, list):
            raise ValueError(f"Parameter file_types must be a list. Received {file_types.__class__.__name__}")
        self.type = type
        self.file_count = file_count
        self.file_types = file_types
        super().__init__(label, value, **kwargs)

    def preprocess(self, payload: Any) -> Any:
        return uploaded_files(payload, self.file_count, self.file_types, self.type)

    def postprocess(self, value: Any) -> Any:
        return files_data(value)


class DownloadButton(_FileButton):
    TYPE = "downloadbutton"
    EVENTS = ("change", "click")

    def __init__(self, label: str = "Download", value: Any = None, **kwargs: Any) -> None:
        super().__init__(label, value, **kwargs)

    def preprocess(self, payload: Any) -> str | None:
        return None if payload is None else payload_path(payload)

    def postprocess(self, value: Any) -> FileData | None:
        return None if value is None else to_file_data(value)
