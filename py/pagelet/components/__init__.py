"""Components, one module per family."""

from .base import Component, FormComponent
from .button import Button, ClearButton
from .choices import Checkbox, CheckboxGroup, Dropdown, Radio
from .dataset import Dataset
from .display import HTML, JSON, Label, Markdown
from .numeric import Number, Slider
from .state import State
from .text import Textbox

__all__ = [
    "HTML", "JSON", "Button", "Checkbox", "CheckboxGroup", "ClearButton", "Component", "Dataset",
    "Dropdown", "FormComponent", "Label", "Markdown", "Number", "Radio", "Slider", "State", "Textbox",
]
