"""Image and Gallery.

Without numpy or PIL an image is a file: ``type="filepath"`` and returned
paths or URLs need neither. ``type="numpy"`` / ``"pil"`` and returned arrays or
PIL images import them lazily (see ``pagelet.optional``).
"""

from __future__ import annotations

import mimetypes
import os
from typing import TYPE_CHECKING, Any, Literal

from .. import optional
from ..files import output_path
from .base import Component
from .capture import StreamingSource, WebcamOptions, choose_webcam_options, media_sources
from .file import FILE_DATA_SCHEMA, payload_path, to_file_data

if TYPE_CHECKING:
    # Types only: the browser's core wheel leaves protocol_types out (scripts/build_assets.py).
    from ..protocol_types import FileData

ImageType = Literal["numpy", "pil", "filepath"]


def _check_type(kind: str) -> None:
    if kind not in ("numpy", "pil", "filepath"):
        raise ValueError(f"Image type must be 'numpy', 'pil' or 'filepath', got {kind!r}")


def packages_for(kind: str) -> tuple[str, ...]:
    """What converting an upload to ``kind`` imports (and what encoding one back needs)."""
    return {"numpy": ("numpy", "PIL"), "pil": ("PIL",)}.get(kind, ())


def packages_to_encode() -> tuple[str, ...]:
    """An app that imported numpy may return arrays, which take PIL to encode."""
    return ("PIL",) if optional.loaded("numpy") is not None else ()


def load_image(path: str, kind: str, image_mode: str | None) -> Any:
    """An uploaded image as the function's ``type`` asks for it."""
    if kind == "filepath":
        return path
    pil = optional.require("PIL.Image")
    try:
        with pil.open(path) as opened:
            image = opened.convert(image_mode) if image_mode else opened.copy()
    except (OSError, SyntaxError, ValueError) as exc:
        # Pillow's errors for an empty, truncated or non-image upload name the
        # temp path; the person needs to hear which of their files it was.
        raise ValueError(f"{os.path.basename(path)} is not an image this app can read") from exc
    if kind == "pil":
        return image
    numpy = optional.require("numpy")
    return numpy.array(image)


def save_image(value: Any, image_format: str = "webp") -> FileData:
    """What a function returned for an image, as a ``FileData``."""
    if isinstance(value, (str, os.PathLike, dict)):
        return to_file_data(value)
    numpy = optional.loaded("numpy")
    pil_image = optional.loaded("PIL.Image")
    if numpy is not None and isinstance(value, numpy.ndarray):
        pil = optional.require("PIL.Image")
        array = value
        if array.dtype != numpy.uint8:
            # Gradio's rule: floats in [0, 1] are scaled, everything else clipped to bytes.
            if numpy.issubdtype(array.dtype, numpy.floating) and array.size and array.max() <= 1.0:
                array = array * 255
            array = numpy.clip(array, 0, 255).astype(numpy.uint8)
        value = pil.fromarray(array)
        pil_image = pil
    if pil_image is not None and isinstance(value, pil_image.Image):
        path = output_path(f".{image_format}")
        value.save(path, format=image_format.upper())
        return to_file_data(path)
    raise TypeError(f"Cannot show a {type(value).__name__} as an image: return a path, URL, numpy array or PIL image")


def _is_video_path(value: Any) -> bool:
    """Whether a gallery item is a video file (Gradio tells them by their MIME type)."""
    if not isinstance(value, (str, os.PathLike)):
        return False
    mime = mimetypes.guess_type(os.fspath(value))[0] or ""
    return mime.startswith("video/")


class _ImagePackages:
    """Which optional libraries an image-valued component needs: by ``type`` in, to encode out."""

    type: ImageType

    def optional_packages(self) -> tuple[str, ...]:
        return packages_for(self.type)

    def output_packages(self) -> tuple[str, ...]:
        return packages_to_encode()


class Image(StreamingSource, _ImagePackages, Component):
    TYPE = "image"
    API_SCHEMA = FILE_DATA_SCHEMA
    DEFAULT_BUTTONS = ("download", "share", "fullscreen")
    EVENTS = ("clear", "change", "stream", "select", "upload", "input")
    PROPS = ("type", "height", "width", "image_mode", "sources", "format", "show_download_button", "placeholder", "_selectable", *StreamingSource.STREAM_PROPS)

    def __init__(
        self,
        value: Any = None,
        *,
        format: str = "webp",
        height: int | str | None = None,
        width: int | str | None = None,
        image_mode: str | None = "RGB",
        sources: list[str] | str | None = None,
        type: ImageType = "numpy",
        label: str | None = None,
        show_download_button: bool = True,
        mirror_webcam: bool | None = None,
        webcam_options: WebcamOptions | None = None,
        webcam_constraints: dict[str, Any] | None = None,
        placeholder: str | None = None,
        streaming: bool = False,
        **kwargs: Any,
    ) -> None:
        _check_type(type)
        self.streaming = streaming
        # Gradio 6: Markdown shown in the empty upload area (sent to the host; not drawn yet).
        self.placeholder = placeholder
        self.format = format
        self.height = height
        self.width = width
        self.image_mode = image_mode
        self.sources = media_sources(sources, ("upload", "webcam", "clipboard"), ["upload", "webcam", "clipboard"])
        self.webcam_options = choose_webcam_options(webcam_options, mirror_webcam, webcam_constraints)
        self.type = type
        self.show_download_button = show_download_button
        self._selectable = False
        super().__init__(value, label=label, **kwargs)

    def listened(self, event: str, **options: Any) -> None:
        super().listened(event, **options)
        if event == "select":
            # Gradio's `_selectable`: the picture takes clicks only when someone listens to them.
            self._selectable = True

    def get_props(self) -> dict[str, Any]:
        return {**super().get_props(), "webcam_options": self.webcam_options.to_props()}

    def preprocess(self, payload: Any) -> Any:
        if payload is None:
            return None
        return load_image(payload_path(payload), self.type, self.image_mode)

    def postprocess(self, value: Any) -> Any:
        if value is None:
            return None
        return save_image(value, self.format)


class Gallery(_ImagePackages, Component):
    """Images with captions; the value is ``[{"image": FileData, "caption": str | None}]``."""

    TYPE = "gallery"
    DEFAULT_BUTTONS = ("share", "download", "download_all", "fullscreen")
    EVENTS = ("select", "change", "delete", "preview_close", "preview_open", "upload")
    PROPS = (
        "columns", "rows", "height", "allow_preview", "object_fit", "type", "format", "show_download_button",
        "sources", "file_types", "preview", "selected_index", "fit_columns",
    )

    def __init__(
        self,
        value: Any = None,
        *,
        format: str = "webp",
        label: str | None = None,
        columns: int | None = 2,
        rows: int | None = None,
        height: int | str | None = None,
        allow_preview: bool = True,
        object_fit: str | None = None,
        type: ImageType = "filepath",
        show_download_button: bool = True,
        file_types: list[str] | None = None,
        preview: bool | None = None,
        selected_index: int | None = None,
        fit_columns: bool = True,
        sources: list[str] | str | None = None,
        **kwargs: Any,
    ) -> None:
        _check_type(type)
        # Gradio 6: an interactive gallery takes pictures from these (only "upload" is drawn here).
        self.sources = media_sources(sources, ("upload", "webcam", "clipboard"), ["upload"])
        self.file_types = file_types
        self.preview = preview
        self.selected_index = selected_index
        self.fit_columns = fit_columns
        self.format = format
        self.columns = columns
        self.rows = rows
        self.height = height
        self.allow_preview = allow_preview
        self.object_fit = object_fit
        self.type = type
        self.show_download_button = show_download_button
        super().__init__(value, label=label, **kwargs)

    def preprocess(self, payload: Any) -> list[tuple[Any, str | None]] | None:
        if not payload:
            return None  # as Gradio: an empty gallery is None
        # A video is always its path; an image is what ``type`` asks for.
        return [
            (payload_path(item["video"]), item.get("caption")) if "video" in item
            else (load_image(payload_path(item["image"]), self.type, None), item.get("caption"))
            for item in payload
        ]

    def postprocess(self, value: Any) -> list[dict[str, Any]]:
        if value is None:
            return []  # as Gradio: nothing to show is an empty gallery
        items = []
        for entry in value:
            media, caption = entry if isinstance(entry, (tuple, list)) else (entry, None)
            text = None if caption is None else str(caption)
            if _is_video_path(media):
                items.append({"video": to_file_data(media), "caption": text})
            else:
                items.append({"image": save_image(media, self.format), "caption": text})
        return items
