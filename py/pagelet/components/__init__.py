"""Components, one module per family, each imported when first used."""

from .._lazy import lazy_attributes

_EXPORTS = {
    "Component": "base",
    "FormComponent": "base",
    "Button": "button",
    "ClearButton": "button",
    "Checkbox": "choices",
    "CheckboxGroup": "choices",
    "Dropdown": "choices",
    "Radio": "choices",
    "Dataset": "dataset",
    "HTML": "display",
    "JSON": "display",
    "Label": "display",
    "Markdown": "display",
    "Number": "numeric",
    "Slider": "numeric",
    "State": "state",
    "TextArea": "text",
    "Textbox": "text",
    "File": "file",
    "Gallery": "image",
    "Image": "image",
    "Audio": "media",
    "Video": "media",
    "Dataframe": "dataframe",
    "ColorPicker": "pickers",
    "DateTime": "pickers",
    "AnnotatedImage": "annotation",
    "HighlightedText": "annotation",
    "Code": "code",
    "BarPlot": "plots",
    "LinePlot": "plots",
    "Plot": "plots",
    "ScatterPlot": "plots",
    "ChatMessage": "chatbot",
    "Chatbot": "chatbot",
    "MultimodalTextbox": "multimodal_textbox",
    "Timer": "timer",
}

__getattr__, __dir__ = lazy_attributes(__name__, _EXPORTS)
__all__ = sorted(_EXPORTS)
