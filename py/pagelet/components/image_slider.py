"""``gr.ImageSlider``: two pictures of the same size, one over the other, with a
handle that shows the first to its left and the second to its right (a before
and after). Its value is a pair of images; either may be missing.
"""

from __future__ import annotations

from typing import Any

from .base import Component
from .file import FILE_DATA_SCHEMA, payload_path
from .image import ImageType, _check_type, _ImagePackages, load_image, save_image

_ONE_IMAGE = {"anyOf": [FILE_DATA_SCHEMA, {"type": "null"}]}


class ImageSlider(_ImagePackages, Component):
    TYPE = "imageslider"
    # Gradio's SliderData: a pair of images (each may be null), or null.
    API_SCHEMA = {
        "anyOf": [
            {"type": "array", "prefixItems": [_ONE_IMAGE, _ONE_IMAGE], "minItems": 2, "maxItems": 2},
            {"type": "null"},
        ],
        "title": "SliderData",
    }
    API_PYTHON_TYPE = "tuple[filepath | None, filepath | None] | None"
    DEFAULT_BUTTONS = ("download", "fullscreen")
    EVENTS = ("clear", "change", "stream", "select", "upload", "input")
    PROPS = ("type", "format", "height", "width", "image_mode", "slider_position", "max_height")

    def __init__(
        self,
        value: Any = None,
        *,
        format: str = "webp",
        height: int | str | None = None,
        width: int | str | None = None,
        image_mode: str | None = "RGB",
        type: ImageType = "numpy",
        label: str | None = None,
        slider_position: float = 50,
        max_height: int = 500,
        **kwargs: Any,
    ) -> None:
        _check_type(type)
        self.format = format
        self.height = height
        self.width = width
        self.image_mode = image_mode
        self.type = type
        # Where the handle starts, in percent of the width from the left.
        self.slider_position = slider_position
        self.max_height = max_height
        super().__init__(value, label=label, **kwargs)

    def preprocess(self, payload: Any) -> tuple[Any, Any] | None:
        if payload is None:
            return None
        if not isinstance(payload, (list, tuple)) or len(payload) != 2:
            raise ValueError("An ImageSlider's value is a pair of images")
        first, second = (None if item is None else load_image(payload_path(item), self.type, self.image_mode) for item in payload)
        return first, second

    def postprocess(self, value: Any) -> list[Any] | None:
        if value is None:
            return None
        if not isinstance(value, (list, tuple)) or len(value) != 2:
            raise ValueError("An ImageSlider shows a pair of images: return (before, after)")
        return [None if item is None else save_image(item, self.format) for item in value]
