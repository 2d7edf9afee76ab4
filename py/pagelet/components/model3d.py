"""Model3D: a 3D model file (.obj, .glb, .gltf, .stl, .splat, .ply) shown by the page's viewer.

The core only moves the file: the value is a ``FileData`` and the function
receives its path. Drawing is the page's (a WebGL chunk fetched only when a
Model3D is shown), so nothing here needs a 3D library.
"""

from __future__ import annotations

import os
from typing import Any, Literal

from .base import Component
from .file import payload_path, to_file_data
from .schemas import FILE_DATA_SCHEMA

# Gradio 6's config writes a missing clear colour as transparent black.
_TRANSPARENT = [0, 0, 0, 0]


class Model3D(Component):
    TYPE = "model3d"
    API_SCHEMA = FILE_DATA_SCHEMA
    EVENTS = ("change", "upload", "edit", "clear")
    PROPS = ("display_mode", "clear_color", "camera_position", "zoom_speed", "pan_speed", "height", "_selectable")

    def __init__(
        self,
        value: Any = None,
        *,
        display_mode: Literal["solid", "point_cloud", "wireframe"] | None = None,
        clear_color: tuple[float, float, float, float] | None = None,
        camera_position: tuple[float | None, float | None, float | None] = (None, None, None),
        zoom_speed: float = 1,
        pan_speed: float = 1,
        height: int | str | None = None,
        label: str | None = None,
        **kwargs: Any,
    ) -> None:
        if display_mode not in (None, "solid", "point_cloud", "wireframe"):
            raise ValueError(f"Model3D display_mode must be 'solid', 'point_cloud' or 'wireframe', got {display_mode!r}")
        self.display_mode = display_mode
        self.clear_color = list(clear_color) if clear_color is not None else list(_TRANSPARENT)
        self.camera_position = list(camera_position)
        self.zoom_speed = zoom_speed
        self.pan_speed = pan_speed
        self.height = height
        self._selectable = False
        super().__init__(value, label=label, **kwargs)

    def preprocess(self, payload: Any) -> str | None:
        return None if payload is None else payload_path(payload)

    def postprocess(self, value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, (str, os.PathLike)):
            return to_file_data(value, orig_name=os.path.basename(os.fspath(value)))
        return to_file_data(value)

