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
from .components import (
    AnnotatedImage, Audio, BarPlot, Code, ColorPicker, Dataframe, DateTime, File, Gallery, HighlightedText, Image,
    LinePlot, Plot, ScatterPlot, Video,
)
from .event_data import EventData, SelectData
from .events import on
from .examples import Examples
from .interface import Interface, TabbedInterface
from .layouts import Accordion, Column, Group, Row, Tab, TabItem, Tabs
from .progress import Progress
from .chat_interface import ChatInterface
from .components.chatbot import ChatMessage, Chatbot
from .components.multimodal_textbox import MultimodalTextbox
from .components.timer import Timer
from .request import Request
from .rendering import render
from . import themes
from .updates import update
from .launcher import mount_gradio_app

__version__ = "0.1.0"

# Gradio's aliases for the same classes.
Text = Textbox
DataFrame = Dataframe


__all__ = [
    "HTML", "JSON", "Accordion", "Blocks", "Button", "Checkbox", "CheckboxGroup", "ClearButton", "Column",
    "Dataset", "Dropdown", "Error", "Examples", "Group", "Info", "Interface", "Label", "Markdown", "Number",
    "Radio", "Row", "Slider", "State", "Tab", "TabItem", "TabbedInterface", "Tabs", "Text", "TextArea",
    "Textbox", "Warning", "on", "update",
    "Audio", "DataFrame", "Dataframe", "File", "Gallery", "Image", "Video",
    "AnnotatedImage", "BarPlot", "Code", "ColorPicker", "DateTime", "HighlightedText", "LinePlot", "Plot", "ScatterPlot",
    "EventData", "SelectData",
    "mount_gradio_app",
]
__all__ += ["ChatInterface", "ChatMessage", "Chatbot", "MultimodalTextbox", "Progress", "Request", "Timer", "render", "themes"]
