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

__all__ = [
    "HTML", "JSON", "Button", "Checkbox", "CheckboxGroup", "ClearButton", "Component", "Dataset",
    "Dropdown", "FormComponent", "Label", "Markdown", "Number", "Radio", "Slider", "State", "Textbox",
    "Audio", "Dataframe", "File", "Gallery", "Image", "Video",
]
