"""Pagelet: Gradio-style apps that run in the browser or on CPython.

Inside the browser runtime (and under ``pagelet run``) ``import gradio``
gives this package, so these names are Gradio's. Each is imported when first
used (see ``_lazy``): an app pays at start-up only for what it touches.
"""

from ._lazy import lazy_attributes

__version__ = "0.1.0"

_COMPONENTS = [
    "HTML", "JSON", "AnnotatedImage", "Audio", "BarPlot", "Button", "ChatMessage", "Chatbot", "Checkbox",
    "CheckboxGroup", "ClearButton", "Code", "ColorPicker", "Dataframe", "Dataset", "DateTime", "Dropdown", "File",
    "Gallery", "HighlightedText", "Image", "ImageSlider", "Label", "ParamViewer", "LinePlot", "Markdown", "MultimodalTextbox", "Number", "Plot",
    "Radio", "ScatterPlot", "Slider", "State", "TextArea", "Textbox", "Timer", "Video",
    "Microphone", "PlayableVideo", "Files", "Numpy", "Matrix", "List",
    "UploadButton", "DownloadButton", "DuplicateButton", "DeepLinkButton", "LoginButton", "BrowserState",
    "Dialogue", "Navbar",
    "ImageEditor", "Sketchpad", "Paint", "ImageMask", "Brush", "Eraser", "LayerOptions", "Model3D", "FileExplorer",
]

_EXPORTS = {
    **{name: f"components:{name}" for name in _COMPONENTS},
    # Gradio's other names for the same classes.
    "Text": "components:Textbox",
    "DataFrame": "components:Dataframe",
    "Json": "components:JSON",
    "Mic": "components:Microphone",
    "Highlightedtext": "components:HighlightedText",
    "Highlight": "components:HighlightedText",
    "Annotatedimage": "components:AnnotatedImage",
    "Checkboxgroup": "components:CheckboxGroup",
    "Error": "alerts",
    "Info": "alerts",
    "Warning": "alerts",
    "Blocks": "blocks",
    "ChatInterface": "chat_interface",
    "EventData": "event_data",
    "SelectData": "event_data",
    "KeyUpData": "event_data",
    "LikeData": "event_data",
    "RetryData": "event_data",
    "UndoData": "event_data",
    "EditData": "event_data",
    "CopyData": "event_data",
    "DeletedFileData": "event_data",
    "DownloadData": "event_data",
    "on": "events",
    "api": "api_endpoint",
    "Examples": "examples",
    "Interface": "interface",
    "TabbedInterface": "interface",
    "mount_gradio_app": "launcher",
    "Accordion": "layouts",
    "Column": "layouts",
    "Group": "layouts",
    "Row": "layouts",
    "Tab": "layouts",
    "TabItem": "layouts",
    "Tabs": "layouts",
    "Sidebar": "layouts",
    "Walkthrough": "layouts",
    "Step": "layouts",
    "Draggable": "layouts",
    "mcp": "mcp:",
    "Progress": "progress",
    "render": "rendering",
    "Request": "request",
    "OAuthProfile": "oauth",
    "OAuthToken": "oauth",
    "themes": "themes:",
    "update": "updates",
    "skip": "updates",
    "WebcamOptions": "components.capture",
    "WaveformOptions": "components.capture",
    "CSVLogger": "flagging",
    "cache": "caching",
    "Cache": "caching",
    "I18n": "i18n",
    "validate": "validation",
    "NO_RELOAD": "utils",
    "set_static_paths": "utils",
    "get_image": "media",
    "get_video": "media",
    "get_audio": "media",
    "get_file": "media",
    "get_model3d": "media",
}

# Gradio names an app may use that Pagelet does not implement: the error says so rather than "no attribute".
_UNSUPPORTED = {
    "Workflow": "Gradio's workflow graphs (gradio/workflow.py) have no Pagelet counterpart; build the app with gr.Blocks.",
    "WorkflowCanvas": "Gradio's workflow graphs (gradio/workflow.py) have no Pagelet counterpart; build the app with gr.Blocks.",
}

__getattr__, __dir__ = lazy_attributes(__name__, _EXPORTS, _UNSUPPORTED)
__all__ = sorted(_EXPORTS)
