"""Chatbot: a conversation shown as user and assistant bubbles.

The value is Gradio's messages format, a list of ``{"role", "content"}``
dicts. The older tuples format (``[[user, bot], ...]``, ``type="tuples"``) is
accepted and converted, so Gradio 4 apps keep working.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, TypedDict

from .base import Component
from .file import payload_path

Message = dict[str, Any]


class MessageDict(TypedDict, total=False):
    """A message as a dict (Gradio's ``gr.MessageDict``), for type hints."""

    role: str
    content: Any
    metadata: dict[str, Any]
    options: list[dict[str, Any]]


@dataclass
class ChatMessage:
    """Gradio's ``gr.ChatMessage``: one message with a role and content."""

    content: Any
    role: Literal["user", "assistant", "system"] = "assistant"
    metadata: dict[str, Any] = field(default_factory=dict)
    options: list[dict[str, Any]] = field(default_factory=list)


def _content_text(content: Any) -> str:
    """Content as the Markdown a bubble shows; files become their names (no media here yet)."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, dict) and ("path" in content or "file" in content):
        path = content.get("path") or content.get("file")
        return str(path.get("path") if isinstance(path, dict) else path)
    if isinstance(content, (tuple, list)) and content:
        return " ".join(_content_text(item) for item in content)
    return str(content)


def _check_files(content: Any) -> None:
    """A file a message names must be one the app may read (a server refuses others)."""
    if isinstance(content, dict) and ("path" in content or "file" in content):
        file = content.get("path") or content.get("file")
        payload_path(file)
    elif isinstance(content, (tuple, list)):
        for item in content:
            _check_files(item)


def normalize_message(message: Any) -> Message:
    """A message dict from a dict or a ``ChatMessage``; raises ValueError on anything else."""
    if isinstance(message, ChatMessage):
        message = {"role": message.role, "content": message.content, "metadata": message.metadata}
    if not isinstance(message, dict) or "role" not in message:
        raise ValueError(
            f"Chatbot messages must be dicts with 'role' and 'content' keys (type='messages'), got {message!r}"
        )
    role = str(message["role"])
    normalized: Message = {"role": role, "content": _content_text(message.get("content"))}
    metadata = message.get("metadata")
    if isinstance(metadata, dict) and metadata:
        normalized["metadata"] = {str(key): value for key, value in metadata.items()}
    return normalized


def _pairs_to_messages(pairs: list[Any]) -> list[Message]:
    messages: list[Message] = []
    for pair in pairs:
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            raise ValueError(f"A chat in the tuples format is a list of [user, bot] pairs, got {pair!r}")
        for role, content in zip(("user", "assistant"), pair):
            if content is not None:
                messages.append({"role": role, "content": _content_text(content)})
    return messages


def _messages_to_pairs(messages: list[Message]) -> list[list[str | None]]:
    pairs: list[list[str | None]] = []
    for message in messages:
        if message["role"] == "user" or not pairs or pairs[-1][1] is not None:
            pairs.append([None, None])
        pairs[-1][0 if message["role"] == "user" else 1] = message["content"]
    return pairs


class Chatbot(Component):
    TYPE = "chatbot"
    DEFAULT_BUTTONS = ("share", "copy", "copy_all")
    EVENTS = ("change", "select", "like", "retry", "undo", "example_select", "option_select", "clear", "copy", "edit")
    PROPS = ("type", "height", "placeholder", "show_copy_button", "rtl", "layout", "bubble_full_width")
    CLEARED_VALUE: ClassVar[Any] = []

    def __init__(
        self,
        value: Any = None,
        *,
        type: Literal["messages", "tuples"] | None = None,
        label: str | None = "Chatbot",
        height: int | str | None = 400,
        placeholder: str | None = None,
        show_copy_button: bool = False,
        rtl: bool = False,
        layout: Literal["panel", "bubble"] | None = None,
        bubble_full_width: Any = None,
        **kwargs: Any,
    ) -> None:
        # Gradio 4 defaulted to tuples; both are understood on output either way.
        self.type = type or "messages"
        self.height = height
        self.placeholder = placeholder
        self.show_copy_button = show_copy_button
        self.rtl = rtl
        self.layout = layout
        self.bubble_full_width = bubble_full_width
        # Extra kwargs Gradio has (avatar_images, latex_delimiters ...) are accepted, not drawn.
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
        self.feedback_options = list(kwargs.get("feedback_options", ("Like", "Dislike")) or [])
        self.like_user_message = bool(kwargs.get("like_user_message", False))
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
        return props

    def postprocess(self, value: Any) -> list[Message]:
        if value is None:
            return []
        if not isinstance(value, (list, tuple)):
            raise ValueError(f"A Chatbot's value is a list of messages, got {type(value).__name__}")
        items = list(value)
        if items and all(isinstance(item, (list, tuple)) for item in items):
            return _pairs_to_messages(items)
        return [normalize_message(item) for item in items]

    def preprocess(self, payload: Any) -> list[Any]:
        for item in payload or []:
            _check_files(item.get("content") if isinstance(item, dict) else item)
        messages = [normalize_message(item) for item in payload or []]
        return _messages_to_pairs(messages) if self.type == "tuples" else messages
