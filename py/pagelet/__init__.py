"""Pagelet: Gradio-style apps that run in the browser or on CPython.

Inside the browser runtime (and under ``pagelet run``) ``import gradio``
gives this package, so these names are Gradio's.
"""

from . import themes
from .alerts import Error, Info, Warning
from .blocks import Blocks
from .chat_interface import ChatInterface
from .components import (
    HTML,
    JSON,
    AnnotatedImage,
    Audio,
    BarPlot,
    Button,
    Checkbox,
    CheckboxGroup,
    ClearButton,
    Code,
    ColorPicker,
    Dataframe,
    Dataset,
    DateTime,
    Dropdown,
    File,
    Gallery,
    HighlightedText,
    Image,
    Label,
    LinePlot,
    Markdown,
    Number,
    Plot,
    Radio,
    ScatterPlot,
    Slider,
    State,
    Textbox,
    Video,
)
from .components.chatbot import ChatMessage, Chatbot
from .components.multimodal_textbox import MultimodalTextbox
from .components.text import TextArea
from .components.timer import Timer
from .event_data import EventData, SelectData
from .events import on
from .examples import Examples
from .interface import Interface, TabbedInterface
from .launcher import mount_gradio_app
from .layouts import Accordion, Column, Group, Row, Tab, TabItem, Tabs
from .progress import Progress
from .rendering import render
from .request import Request
from .updates import update

__version__ = "0.1.0"

# Gradio's other names for the same classes.
Text = Textbox
DataFrame = Dataframe

__all__ = [
    "HTML", "JSON", "Accordion", "AnnotatedImage", "Audio", "BarPlot", "Blocks", "Button", "ChatInterface",
    "ChatMessage", "Chatbot", "Checkbox", "CheckboxGroup", "ClearButton", "Code", "ColorPicker", "Column",
    "DataFrame", "Dataframe", "Dataset", "DateTime", "Dropdown", "Error", "EventData", "Examples", "File",
    "Gallery", "Group", "HighlightedText", "Image", "Info", "Interface", "Label", "LinePlot", "Markdown",
    "MultimodalTextbox", "Number", "Plot", "Progress", "Radio", "Request", "Row", "ScatterPlot", "SelectData",
    "Slider", "State", "Tab", "TabItem", "TabbedInterface", "Tabs", "Text", "TextArea", "Textbox", "Timer",
    "Video", "Warning", "mount_gradio_app", "on", "render", "themes", "update",
]
