"""Gradio's string shortcuts: ``Interface(fn, "textbox", "label")``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import components
from .components.base import Component
from .components.chatbot import Chatbot
from .components.multimodal_textbox import MultimodalTextbox

_SHORTCUTS: dict[str, Callable[[], Component]] = {
    "textbox": components.Textbox,
    "text": components.Textbox,
    "textarea": lambda: components.Textbox(lines=7),
    "password": lambda: components.Textbox(type="password"),
    "number": components.Number,
    "slider": components.Slider,
    "checkbox": components.Checkbox,
    "checkboxgroup": components.CheckboxGroup,
    "radio": components.Radio,
    "dropdown": components.Dropdown,
    "label": components.Label,
    "json": components.JSON,
    "markdown": components.Markdown,
    "html": components.HTML,
    "state": components.State,
    "button": components.Button,
    "image": components.Image,
    "file": components.File,
    "files": lambda: components.File(file_count="multiple"),
    "audio": components.Audio,
    "video": components.Video,
    "gallery": components.Gallery,
    "dataframe": components.Dataframe,
    "numpy": lambda: components.Dataframe(type="numpy"),
    "list": lambda: components.Dataframe(type="array"),
    "matrix": lambda: components.Dataframe(type="array"),
    "colorpicker": components.ColorPicker,
    "datetime": components.DateTime,
    "highlightedtext": components.HighlightedText,
    "highlight": components.HighlightedText,
    "annotatedimage": components.AnnotatedImage,
    "code": components.Code,
    "plot": components.Plot,
    "lineplot": components.LinePlot,
    "scatterplot": components.ScatterPlot,
    "barplot": components.BarPlot,
}
_SHORTCUTS["chatbot"] = Chatbot
_SHORTCUTS["multimodaltextbox"] = MultimodalTextbox


def component_from(spec: Any, *, render: bool = False) -> Component:
    """A component from a shortcut string, or the component itself."""
    if isinstance(spec, Component):
        return spec
    if isinstance(spec, str):
        factory = _SHORTCUTS.get(spec.lower())
        if factory is None:
            known = ", ".join(sorted(_SHORTCUTS))
            raise ValueError(f"No component is named {spec!r} in this version of Pagelet. Known names: {known}")
        component = factory()
        if not render:
            component.unrender()
        return component
    raise TypeError(f"Expected a component or a component name, got {spec!r}")
