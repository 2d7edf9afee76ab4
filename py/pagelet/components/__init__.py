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
    "HTML": "html",
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
    "Microphone": "templates",
    "PlayableVideo": "templates",
    "Files": "templates",
    "Numpy": "templates",
    "Matrix": "templates",
    "List": "templates",
    "ChatMessage": "chatbot",
    "Chatbot": "chatbot",
    "MultimodalTextbox": "multimodal_textbox",
    "Timer": "timer",
    "UploadButton": "file_buttons",
    "DownloadButton": "file_buttons",
    "DuplicateButton": "special_buttons",
    "DeepLinkButton": "special_buttons",
    "LoginButton": "special_buttons",
    "BrowserState": "browser_state",
    "Dialogue": "dialogue",
    "Navbar": "navbar",
    "ImageEditor": "image_editor",
    "Sketchpad": "image_editor",
    "Paint": "image_editor",
    "ImageMask": "image_editor",
    "Brush": "image_editor",
    "Eraser": "image_editor",
    "LayerOptions": "image_editor",
    "Model3D": "model3d",
    "FileExplorer": "file_explorer",
}
# Gradio's other spellings of the same classes (``gr.components.Json``).
_EXPORTS.update(Json="display:JSON", Highlightedtext="annotation:HighlightedText", Highlight="annotation:HighlightedText",
                Annotatedimage="annotation:AnnotatedImage", Checkboxgroup="choices:CheckboxGroup")

# Gradio's module for each component (``gradio.components.textbox``) -> the module here
# that holds it, for apps that import a component from its module.
GRADIO_MODULES = {
    "annotated_image": "annotation", "audio": "media", "chatbot": "chatbot", "checkbox": "choices",
    "checkboxgroup": "choices", "clear_button": "button", "color_picker": "pickers", "datetime": "pickers",
    "dropdown": "choices", "gallery": "image", "highlighted_text": "annotation", "html": "display",
    "json_component": "display", "label": "display", "markdown": "display", "native_plot": "plots",
    "number": "numeric", "plot": "plots", "radio": "choices", "slider": "numeric", "textbox": "text",
    "video": "media", "dialogue": "dialogue", "navbar": "navbar",
    "image_editor": "image_editor", "model3d": "model3d", "file_explorer": "file_explorer",
}

__getattr__, __dir__ = lazy_attributes(__name__, _EXPORTS)
__all__ = sorted(_EXPORTS)
