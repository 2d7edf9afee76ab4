"""Chatbot: a conversation shown as user and assistant bubbles.

The value is Gradio 6's messages format. What the app gives is a list of
``{"role", "content"}`` dicts (or ``gr.ChatMessage``), where ``content`` is a
string, a file (``{"path": ...}``), a component, or a list of those. What the
host shows and what a function receives back is the normalized form, the same
JSON Gradio 6 sends::

    {"role": "assistant", "metadata": None | {...}, "options": None | [...],
     "content": [{"text": "...", "type": "text"},
                 {"file": FileData, "alt_text": None, "type": "file"},
                 {"component": "image", "value": ..., "constructor_args": {...},
                  "props": {...}, "type": "component"}]}

``metadata.title`` makes a message a foldable thought; ``options`` are
buttons that fire ``option_select``. The older tuples format
(``[[user, bot], ...]``) is still accepted on output and converted.
"""

from __future__ import annotations

import inspect
import mimetypes
import os
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, TypedDict

from ..files import FILE_DATA_TYPE
from .base import Component
from .display import LatexDelimiters, latex_delimiters_or_default
from .file import payload_path, static_file_data, to_file_data

Message = dict[str, Any]
Part = dict[str, Any]

# Gradio's MetadataDict and OptionDict keys; others are dropped, as its models do.
_METADATA_KEYS = ("title", "id", "parent_id", "log", "duration", "status")
_OPTION_KEYS = ("value", "label")
_FILE_KEYS = ("path", "url", "size", "orig_name", "mime_type", "is_stream")


class MetadataDict(TypedDict, total=False):
    """Gradio's ``gr.MetadataDict``: what makes a message a (nested) thought."""

    title: str
    id: int | str
    parent_id: int | str
    log: str
    duration: float
    status: Literal["pending", "done"]


class OptionDict(TypedDict, total=False):
    """Gradio's ``gr.OptionDict``: a button under a message."""

    value: str
    label: str


class MessageDict(TypedDict, total=False):
    """A message as a dict (Gradio's ``gr.MessageDict``), for type hints."""

    role: str
    content: Any
    metadata: MetadataDict
    options: list[OptionDict]


@dataclass
class ChatMessage:
    """Gradio's ``gr.ChatMessage``: one message with a role and content."""

    content: Any
    role: Literal["user", "assistant", "system"] = "assistant"
    metadata: dict[str, Any] = field(default_factory=dict)
    options: list[dict[str, Any]] = field(default_factory=list)


def _invalid(item: Any) -> ValueError:
    return ValueError(f"Invalid message for Chatbot component: {item!r}")


def text_part(text: str) -> Part:
    # Gradio dedents a returned string (inspect.cleandoc), so indented triple-quoted replies read well.
    return {"text": inspect.cleandoc(text), "type": "text"}


def _file(given: dict[str, Any]) -> dict[str, Any]:
    """A FileData with every field Gradio's model has, in its order."""
    path = given.get("path")
    if not isinstance(path, str):
        raise _invalid(given)
    file: dict[str, Any] = {key: given.get(key) for key in _FILE_KEYS}
    file["is_stream"] = bool(file["is_stream"])
    file["meta"] = {"_type": FILE_DATA_TYPE}
    return file


def file_part(path: str, alt_text: str | None = None) -> Part:
    """A file a function returned by path: Gradio guesses its type from the name, nothing more."""
    file = _file({"path": path, "mime_type": mimetypes.guess_type(path)[0]})
    return {"file": file, "alt_text": alt_text, "type": "file"}


def _component_part(component: Component) -> Part:
    """A component in a message: its type, value and props, as Gradio's ComponentMessage."""
    component.unrender()
    props = component.get_props()
    value = props.get("value")
    name = type(component).__name__.lower()
    if name == "file" and value is not None and not isinstance(value, list):
        value = [value]
    arguments = {key: item for key, item in component.explicit_props().items() if key != "value"}
    return {
        "component": name,
        "value": value,
        "constructor_args": {**arguments, "render": False},
        "props": {**props, "name": name},
        "type": "component",
    }


def content_part(item: Any) -> Part:
    """One piece of a message's content, normalized; raises ValueError on what Gradio refuses."""
    if isinstance(item, str):
        return text_part(item)
    if isinstance(item, Component):
        return _component_part(item)
    if isinstance(item, dict):
        kind = item.get("type")
        if kind == "text" and isinstance(item.get("text"), str):
            return {"text": item["text"], "type": "text"}
        if kind == "component" and isinstance(item.get("component"), str):
            return {"component": item["component"], "value": item.get("value"),
                    "constructor_args": dict(item.get("constructor_args") or {}),
                    "props": dict(item.get("props") or {}), "type": "component"}
        if isinstance(item.get("file"), dict):
            return {"file": _file(item["file"]), "alt_text": item.get("alt_text"), "type": "file"}
        if "path" in item and isinstance(item["path"], str):
            return file_part(item["path"], item.get("alt_text"))
    raise _invalid(item)


def _metadata(given: Any) -> dict[str, Any] | None:
    if not isinstance(given, dict):
        return None
    metadata = {key: given[key] for key in _METADATA_KEYS if key in given}
    if isinstance(metadata.get("duration"), int) and not isinstance(metadata["duration"], bool):
        metadata["duration"] = float(metadata["duration"])
    return metadata


def _options(given: Any) -> list[dict[str, Any]] | None:
    if not isinstance(given, list):
        return None
    return [{key: option[key] for key in _OPTION_KEYS if key in option} for option in given if isinstance(option, dict)]


def _fields(message: Any) -> tuple[str, Any, Any, Any]:
    """(role, content, metadata, options) of a dict or a ``ChatMessage``."""
    if isinstance(message, ChatMessage):
        return message.role, message.content, message.metadata, message.options
    if not isinstance(message, dict) or "role" not in message or "content" not in message:
        raise ValueError(
            "Data incompatible with messages format. Each message should be a dictionary "
            f"with 'role' and 'content' keys or a ChatMessage object, got {message!r}"
        )
    return str(message["role"]), message["content"], message.get("metadata"), message.get("options")


def normalize_message(message: Any) -> Message | None:
    """A message in Gradio 6's normalized form; None when it has no content (Gradio drops it)."""
    role, content, metadata, options = _fields(message)
    parts = [content_part(item) for item in content] if isinstance(content, list) else [content_part(content)]
    if not parts:
        return None
    return {"role": role, "metadata": _metadata(metadata), "content": parts, "options": _options(options)}


def _thinking_segments(text: str, tags: list[tuple[str, str]]) -> list[tuple[str, bool, str]]:
    """(text, is_thinking, status) in order: Gradio's ``reasoning_tags``, an unclosed tag still pending."""
    pattern = "|".join(f"({re.escape(start)})(.*?)(?:{re.escape(end)}|$)" for start, end in tags)
    segments: list[tuple[str, bool, str]] = []
    last = 0
    for match in re.finditer(pattern, text, re.DOTALL):
        prose = text[last:match.start()].strip()
        if prose:
            segments.append((prose, False, "done"))
        inner = next((group for group in match.groups()[1::2] if group is not None), None)
        thinking = inner.strip() if inner else ""
        if thinking:
            closed = any(match.group(0).endswith(end) for _, end in tags)
            segments.append((thinking, True, "done" if closed else "pending"))
        last = match.end()
    prose = text[last:].strip()
    if prose:
        segments.append((prose, False, "done"))
    return segments


def _split_reasoning(message: Message, tags: list[tuple[str, str]]) -> list[Message]:
    """A message whose text holds reasoning tags, as Gradio shows it: a "Reasoning" thought per block."""
    split: list[Message] = []
    role, metadata, options = message["role"], message["metadata"], message["options"]
    for part in message["content"]:
        if part["type"] != "text":
            continue
        for text, thinking, status in _thinking_segments(part["text"], tags):
            if thinking:
                split.append({"role": role, "metadata": {"title": "Reasoning", "status": status},
                              "content": [{"text": text, "type": "text"}], "options": None})
            else:
                split.append({"role": role, "metadata": metadata, "content": [{"text": text, "type": "text"}], "options": options})
    others = [part for part in message["content"] if part["type"] != "text"]
    if others:
        split.append({"role": role, "metadata": metadata, "content": others, "options": options})
    return split


def _pairs_to_messages(pairs: list[Any]) -> list[Any]:
    """Gradio 4's tuples format, [[user, bot], ...], as messages (Gradio 6 refuses it; Pagelet converts)."""
    messages: list[Any] = []
    for pair in pairs:
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            raise ValueError(f"A chat in the tuples format is a list of [user, bot] pairs, got {pair!r}")
        for role, content in zip(("user", "assistant"), pair):
            if content is not None:
                messages.append({"role": role, "content": content})
    return messages


def _check_files(message: Message) -> None:
    """A file a message names must be one the app may read (a server refuses others)."""
    for part in message["content"]:
        if part["type"] == "file":
            part["file"]["path"] = payload_path(part["file"])


class Chatbot(Component):
    TYPE = "chatbot"
    DEFAULT_BUTTONS = ("share", "copy", "copy_all")
    EVENTS = ("change", "select", "like", "retry", "undo", "example_select", "option_select", "clear", "copy", "edit")
    PROPS = (
        "height", "placeholder", "rtl", "layout", "examples", "reasoning_tags",
        "group_consecutive_messages", "render_markdown", "editable", "autoscroll", "latex_delimiters",
    )
    CLEARED_VALUE: ClassVar[Any] = []

    def __init__(
        self,
        value: Any = None,
        *,
        label: str | None = None,
        height: int | str | None = 400,
        placeholder: str | None = None,
        rtl: bool = False,
        layout: Literal["panel", "bubble"] | None = None,
        examples: list[dict[str, Any]] | None = None,
        reasoning_tags: list[tuple[str, str]] | None = None,
        group_consecutive_messages: bool = True,
        render_markdown: bool = True,
        editable: Literal["user", "all"] | None = None,
        autoscroll: bool = True,
        feedback_options: list[str] | tuple[str, ...] | None = ("Like", "Dislike"),
        like_user_message: bool = False,
        latex_delimiters: LatexDelimiters | None = None,
        **kwargs: Any,
    ) -> None:
        self.height = height
        self.latex_delimiters = latex_delimiters_or_default(latex_delimiters)
        self.placeholder = placeholder
        self.rtl = rtl
        self.layout = layout
        self.examples = examples
        self.reasoning_tags = [(str(start), str(end)) for start, end in reasoning_tags] if reasoning_tags else None
        self.group_consecutive_messages = group_consecutive_messages
        self.render_markdown = render_markdown
        self.editable = editable
        self.autoscroll = autoscroll
        # Gradio 4's type= and Gradio 5's show_copy_button= are gone from Gradio 6; accepted here and ignored.
        kwargs.pop("type", None)
        if kwargs.pop("show_copy_button", False) and "buttons" not in kwargs:
            kwargs["buttons"] = ["copy"]
        # Other Gradio options (avatar_images ...) are accepted, not drawn.
        known = {key: kwargs[key] for key in (
            "info", "show_label", "container", "scale", "min_width", "interactive", "visible",
            "elem_id", "elem_classes", "render", "key", "every", "inputs", "buttons",
        ) if key in kwargs}
        # Set by ChatInterface: the host then shows Retry and Undo under the last reply.
        self._chat_actions = False
        # Set when the app listens for them, as Gradio does: the host then shows the buttons.
        self.likeable = False
        self._retryable = False
        self._undoable = False
        self.feedback_options = list(feedback_options or [])
        self.like_user_message = bool(like_user_message)
        super().__init__(value, label=label, **known)

    def listened(self, event: str, **options: Any) -> None:
        """A listener was registered for ``event`` on this chat."""
        if event == "like":
            self.likeable = True
        elif event == "retry":
            self._retryable = True
        elif event == "undo":
            self._undoable = True

    def get_props(self) -> dict[str, Any]:
        props = super().get_props()
        props["_retryable"] = self._retryable or self._chat_actions
        props["_undoable"] = self._undoable or self._chat_actions
        props["likeable"] = self.likeable
        props["feedback_options"] = self.feedback_options
        props["like_user_message"] = self.like_user_message
        props["examples"] = _example_messages(self.examples)
        return props

    def postprocess(self, value: Any) -> list[Message]:
        if value is None:
            return []
        if not isinstance(value, (list, tuple)):
            raise ValueError(f"A Chatbot's value is a list of messages, got {type(value).__name__}")
        items = list(value)
        if items and all(isinstance(item, (list, tuple)) for item in items):
            items = _pairs_to_messages(items)
        messages: list[Message] = []
        for item in items:
            message = normalize_message(item)
            if message is None:
                continue
            messages.extend(_split_reasoning(message, self.reasoning_tags) if self.reasoning_tags else [message])
        return messages

    def preprocess(self, payload: Any) -> list[Message]:
        """What a function receives: the normalized messages, their files readable by path."""
        if payload is None:
            return []
        if not isinstance(payload, list):
            raise ValueError("Data incompatible with the messages format")
        messages = [message for message in (normalize_message(item) for item in payload) if message is not None]
        for message in messages:
            _check_files(message)
        return messages


def _example_messages(examples: list[dict[str, Any]] | None) -> list[dict[str, Any]] | None:
    """Gradio's chatbot examples as the page shows them: their files (paths or URLs) as ``FileData``."""
    if examples is None:
        return None
    shown: list[dict[str, Any]] = []
    for example in examples:
        if not isinstance(example, dict):
            raise ValueError(f"A chatbot example is a dict with 'text' and 'files', got {type(example).__name__}")
        files = example.get("files")
        if files is not None and not isinstance(files, list):
            raise ValueError("A chatbot example's 'files' is a list of file paths or URLs")
        item = dict(example)
        if files is not None:
            item["files"] = [static_file_data(file) if isinstance(file, (str, os.PathLike)) else to_file_data(file)
                             for file in files]
        icon = example.get("icon")
        if isinstance(icon, str):
            item["icon"] = static_file_data(icon)
        shown.append(item)
    return shown
