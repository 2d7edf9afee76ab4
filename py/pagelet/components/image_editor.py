"""ImageEditor and its presets (Sketchpad, Paint, ImageMask), with Gradio's tool options.

The value is Gradio's ``EditorValue``: ``{"background", "layers", "composite"}``.
The page draws the layers and flattens them itself (canvas to PNG), so the core
receives finished files and needs no PIL: with ``type="filepath"`` every image
is a path. ``"pil"`` and ``"numpy"`` import those libraries lazily, as Image does.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any, Literal

from .base import Component
from .capture import WebcamOptions, media_sources
from .file import payload_path
from .image import ImageType, _check_type, _ImagePackages, load_image, save_image
from .schemas import FILE_DATA_SCHEMA, optional_schema

# Gradio's default palette for the brush.
_DEFAULT_COLORS = ["rgb(204, 50, 50)", "rgb(173, 204, 50)", "rgb(50, 204, 112)", "rgb(50, 112, 204)", "rgb(173, 50, 204)"]


@dataclasses.dataclass
class Eraser:
    """``gr.Eraser``: the eraser's radius in pixels, or "auto" (the page picks one from the image size)."""

    default_size: int | Literal["auto"] = "auto"


@dataclasses.dataclass
class Brush(Eraser):
    """``gr.Brush``: the palette, the first colour, and whether other colours may be picked ("defaults") or not ("fixed")."""

    colors: list[str | tuple[str, float]] | str | tuple[str, float] | None = None
    default_color: str | tuple[str, float] | None = None
    color_mode: Literal["fixed", "defaults"] = "defaults"

    def __post_init__(self) -> None:
        if self.colors is None:
            self.colors = list(_DEFAULT_COLORS)
        if self.default_color is None:
            self.default_color = self.colors[0] if isinstance(self.colors, list) else self.colors


@dataclasses.dataclass
class LayerOptions:
    """``gr.LayerOptions``: the layers the editor starts with, and whether more may be added."""

    allow_additional_layers: bool = True
    layers: list[str] | None = None
    disabled: bool = False

    def __post_init__(self) -> None:
        if not self.layers:
            self.layers = ["Layer 1"]


def _tool_props(tool: Eraser | Literal[False]) -> dict[str, Any] | Literal[False]:
    return False if tool is False else dataclasses.asdict(tool)


def _layer_options(layers: bool | LayerOptions) -> LayerOptions:
    if isinstance(layers, LayerOptions):
        return layers
    return LayerOptions() if layers else LayerOptions(disabled=True)


class ImageEditor(_ImagePackages, Component):
    """Upload a background, paint on layers, crop; returns every part and their composite."""

    TYPE = "imageeditor"
    API_PYTHON_TYPE = "dict(background: filepath | None, layers: list[filepath], composite: filepath | None, id: str | None)"
    DEFAULT_BUTTONS = ("download", "share", "fullscreen")
    EVENTS = ("clear", "change", "input", "select", "upload", "apply")
    PROPS = (
        "image_mode", "sources", "type", "height", "width", "placeholder", "transforms", "format",
        "canvas_size", "fixed_canvas", "_selectable", "changeable",
    )

    def __init__(
        self,
        value: Any = None,
        *,
        height: int | str | None = None,
        width: int | str | None = None,
        image_mode: str = "RGBA",
        sources: Iterable[str] | str | None = ("upload", "webcam", "clipboard"),
        type: ImageType = "numpy",
        label: str | None = None,
        placeholder: str | None = None,
        _selectable: bool = False,
        transforms: Iterable[str] | None = ("crop", "resize"),
        eraser: Eraser | None | Literal[False] = None,
        brush: Brush | None | Literal[False] = None,
        format: str = "webp",
        layers: bool | LayerOptions = True,
        canvas_size: tuple[int, int] = (800, 800),
        fixed_canvas: bool = False,
        webcam_options: WebcamOptions | None = None,
        **kwargs: Any,
    ) -> None:
        _check_type(type)
        self.type = type
        self.height = height
        self.width = width
        self.image_mode = image_mode
        # Gradio: None means no source at all (a blank canvas), unlike Image.
        self.sources = [] if sources is None else media_sources(
            sources if isinstance(sources, str) else list(sources), ("upload", "webcam", "clipboard"), []
        )
        self.placeholder = placeholder
        self._selectable = _selectable
        self.transforms = None if transforms is None else list(transforms)
        self.eraser: Eraser | Literal[False] = Eraser() if eraser is None else eraser
        self.brush: Brush | Literal[False] = Brush() if brush is None else brush
        self.format = format
        self.layers = _layer_options(layers)
        self.canvas_size = list(canvas_size)
        self.fixed_canvas = fixed_canvas
        self.webcam_options = webcam_options if webcam_options is not None else WebcamOptions()
        # Set when the app listens to ``apply``, as Gradio does: the page then shows "Save changes".
        self.changeable = False
        super().__init__(value, label=label, **kwargs)

    def listened(self, event: str, **options: Any) -> None:
        if event == "apply":
            self.changeable = True

    def get_props(self) -> dict[str, Any]:
        return {
            **super().get_props(),
            "eraser": _tool_props(self.eraser),
            "brush": _tool_props(self.brush),
            "layers": dataclasses.asdict(self.layers),
            "webcam_options": self.webcam_options.to_props(),
        }

    def normalize_prop(self, name: str, value: Any) -> Any:
        # gr.update(brush=gr.Brush(...)) and friends reach the page as the config has them.
        if name in ("brush", "eraser") and isinstance(value, Eraser):
            return dataclasses.asdict(value)
        if name == "layers" and isinstance(value, (bool, LayerOptions)):
            return dataclasses.asdict(_layer_options(value))
        if name == "webcam_options" and isinstance(value, WebcamOptions):
            return value.to_props()
        return value

    def _load(self, payload: Any) -> Any:
        if payload is None:
            return None
        return load_image(payload_path(payload), self.type, self.image_mode)

    def preprocess(self, payload: Any) -> dict[str, Any] | None:
        if payload is None:
            return None
        if not isinstance(payload, dict):
            raise TypeError(f"An ImageEditor value is a dict of background, layers and composite, got {payload.__class__.__name__}")
        layers = [self._load(layer) for layer in payload.get("layers") or [] if layer is not None]
        return {
            "background": self._load(payload.get("background")),
            "layers": layers,
            "composite": self._load(payload.get("composite")),
        }

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            # Gradio: a single image is the background and, with nothing drawn, the composite too.
            value = {"background": value, "layers": [], "composite": value}
        return {
            "background": self._save(value.get("background")),
            "layers": [self._save(layer) for layer in value.get("layers") or [] if layer is not None],
            "composite": self._save(value.get("composite")),
            "id": None,
        }

    def _save(self, image: Any) -> Any:
        return None if image is None else save_image(image, self.format)

    def api_info(self) -> dict[str, Any]:
        """Gradio's EditorData schema, as /gradio_api/info shows it."""
        return {
            "title": "EditorData",
            "type": "object",
            "properties": {
                "background": optional_schema(FILE_DATA_SCHEMA),
                "layers": {"type": "array", "items": FILE_DATA_SCHEMA, "default": []},
                "composite": optional_schema(FILE_DATA_SCHEMA),
                "id": optional_schema({"type": "string"}),
            },
        }



def _black_brush() -> Brush:
    return Brush(colors=["#000000"], color_mode="fixed")


class Sketchpad(ImageEditor):
    """Gradio's preset: a blank canvas (no sources), a black brush, crop only."""

    def __init__(
        self,
        value: Any = None,
        *,
        sources: Iterable[str] | str | None = (),
        transforms: Iterable[str] | None = ("crop",),
        brush: Brush | None | Literal[False] = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(value, sources=sources, transforms=transforms, brush=brush or _black_brush(), **kwargs)


class Paint(ImageEditor):
    """Gradio's preset: a blank canvas (no sources), crop only, the default palette."""

    def __init__(
        self,
        value: Any = None,
        *,
        sources: Iterable[str] | str | None = (),
        transforms: Iterable[str] | None = ("crop",),
        **kwargs: Any,
    ) -> None:
        super().__init__(value, sources=sources, transforms=transforms, **kwargs)


class ImageMask(ImageEditor):
    """Gradio's preset for masks: upload a picture, paint over it in black on one layer."""

    def __init__(
        self,
        value: Any = None,
        *,
        transforms: Iterable[str] | None = ("crop",),
        brush: Brush | None | Literal[False] = None,
        layers: bool | LayerOptions = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(value, transforms=transforms, brush=brush or _black_brush(), layers=layers, **kwargs)
