"""Pagelet: Gradio-style apps that run in the browser or on CPython.

Inside the browser runtime ``import gradio`` gives this package.
"""

from .alerts import Error, Info, Warning
from .blocks import Blocks
from .components.text import TextArea
from .components import (
    HTML,
    JSON,
    Button,
    Checkbox,
    CheckboxGroup,
    ClearButton,
    Dataset,
    Dropdown,
    Label,
    Markdown,
    Number,
    Radio,
    Slider,
    State,
    Textbox,
)
from .events import on
from .examples import Examples
from .interface import Interface, TabbedInterface
from .layouts import Accordion, Column, Group, Row, Tab, TabItem, Tabs
from .updates import update
from .launcher import mount_gradio_app

__version__ = "0.1.0"

# Gradio's aliases for the same classes.
Text = Textbox


__all__ = [
    "HTML", "JSON", "Accordion", "Blocks", "Button", "Checkbox", "CheckboxGroup", "ClearButton", "Column",
    "Dataset", "Dropdown", "Error", "Examples", "Group", "Info", "Interface", "Label", "Markdown", "Number",
    "Radio", "Row", "Slider", "State", "Tab", "TabItem", "TabbedInterface", "Tabs", "Text", "TextArea",
    "Textbox", "Warning", "on", "update",
    "mount_gradio_app",
]
