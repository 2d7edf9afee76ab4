"""Components, one module per family."""

from .base import Component, FormComponent
from .button import Button, ClearButton
from .choices import Checkbox, CheckboxGroup, Dropdown, Radio
from .dataset import Dataset
from .display import HTML, JSON, Label, Markdown
from .numeric import Number, Slider
from .state import State
from .text import Textbox
from .file import File
from .image import Gallery, Image
from .media import Audio, Video
from .dataframe import Dataframe
from .pickers import ColorPicker, DateTime
from .annotation import AnnotatedImage, HighlightedText
from .code import Code
from .plots import BarPlot, LinePlot, Plot, ScatterPlot

__all__ = [
    "HTML", "JSON", "Button", "Checkbox", "CheckboxGroup", "ClearButton", "Component", "Dataset",
    "Dropdown", "FormComponent", "Label", "Markdown", "Number", "Radio", "Slider", "State", "Textbox",
    "Audio", "Dataframe", "File", "Gallery", "Image", "Video",
    "AnnotatedImage", "BarPlot", "Code", "ColorPicker", "DateTime", "HighlightedText", "LinePlot", "Plot", "ScatterPlot",
]
