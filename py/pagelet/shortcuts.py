"""Gradio's string shortcuts: ``Interface(fn, "textbox", "label")``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import components
from .components.base import Component

# A name is a component class of ``pagelet.components`` (imported only when
# used), or a factory for a preset of one.
_SHORTCUTS: dict[str, str | Callable[[], Component]] = {
    "textbox": "Textbox",
    "text": "Textbox",
    "textarea": lambda: components.Textbox(lines=7),
    "password": lambda: components.Textbox(type="password"),
    "number": "Number",
    "slider": "Slider",
    "checkbox": "Checkbox",
    "checkboxgroup": "CheckboxGroup",
    "radio": "Radio",
    "dropdown": "Dropdown",
    "label": "Label",
    "json": "JSON",
    "markdown": "Markdown",
    "html": "HTML",
    "state": "State",
    "button": "Button",
    "image": "Image",
    "file": "File",
    "files": lambda: components.File(file_count="multiple"),
    "audio": "Audio",
    "video": "Video",
    "gallery": "Gallery",
    "dataframe": "Dataframe",
    "numpy": lambda: components.Dataframe(type="numpy"),
    "list": lambda: components.Dataframe(type="array"),
    "matrix": lambda: components.Dataframe(type="array"),
    "colorpicker": "ColorPicker",
    "datetime": "DateTime",
    "highlightedtext": "HighlightedText",
    "highlight": "HighlightedText",
    "annotatedimage": "AnnotatedImage",
    "code": "Code",
    "plot": "Plot",
    "lineplot": "LinePlot",
    "scatterplot": "ScatterPlot",
    "barplot": "BarPlot",
    "chatbot": "Chatbot",
    "microphone": "Microphone",
    "mic": "Microphone",
    "playable_video": "PlayableVideo",
    "playablevideo": "PlayableVideo",
    "multimodaltextbox": "MultimodalTextbox",
    "imageeditor": "ImageEditor",
    "sketchpad": "Sketchpad",
    "paint": "Paint",
    "imagemask": "ImageMask",
    "model3d": "Model3D",
    "fileexplorer": "FileExplorer",
}


def component_from(spec: Any, *, render: bool = False) -> Component:
    """A component from a shortcut string, or the component itself."""
    if isinstance(spec, Component):
        return spec
    if isinstance(spec, str):
        shortcut = _SHORTCUTS.get(spec.lower())
        factory = getattr(components, shortcut) if isinstance(shortcut, str) else shortcut
        if factory is None:
            known = ", ".join(sorted(_SHORTCUTS))
            raise ValueError(f"No component is named {spec!r} in this version of Pagelet. Known names: {known}")
        component = factory()
        if not render:
            component.unrender()
        return component
    raise TypeError(f"Expected a component or a component name, got {spec!r}")
