"""``gr.ChatInterface``: a chat app from one function ``fn(message, history)``.

``history`` is the messages format (a list of ``{"role", "content"}`` dicts);
``fn`` returns or yields the assistant's reply (a string, a message dict, a
``gr.ChatMessage`` or a list of them). A generator streams: each yield is the
reply so far. Retry, Undo and Clear sit on the chatbot; Stop replaces Submit
while a streaming reply runs.
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

from .alerts import Error
from .blocks import Blocks
from .components.base import Component
from .components.button import Button
from .components.chatbot import ChatMessage, Chatbot, Message
from .components.browser_state import BrowserState
from .i18n import I18nData
from .components.display import JSON, Markdown
from .components.multimodal_textbox import MultimodalTextbox
from .components.state import State
from .components.text import Textbox
from .components.file import to_file_data
from .event_data import EditData, SelectData
from .events import Dependency, on
from .examples import Examples
from .interface import _as_list
from .layouts import Accordion, Group, Row
from .updates import update
from .shortcuts import component_from

PLACEHOLDER = I18nData("chat_interface.message_placeholder")
_QUIET: dict[str, Any] = {"api_name": False, "show_progress": "hidden", "queue": False}


def _user_messages(message: Any) -> list[Any]:
    """The message a person sent, as Gradio 6 appends it: one message, its files first, then its text."""
    if isinstance(message, dict):
        files = [{"path": name.get("path") if isinstance(name, dict) else str(name)} for name in message.get("files") or []]
        text = str(message.get("text") or "")
        content = files + ([text] if text else [])
        return [{"role": "user", "content": content}] if content else []
    text = "" if message is None else str(message)
    return [{"role": "user", "content": text}] if text else []


def _reply_messages(reply: Any) -> list[Any]:
    """The function's reply as assistant messages; the chatbot's postprocess normalizes them."""
    if reply is None:
        return []
    replies = reply if isinstance(reply, list) else [reply]
    messages: list[Any] = []
    for item in replies:
        if isinstance(item, ChatMessage):
            messages.append({"role": "assistant", "content": item.content, "metadata": item.metadata, "options": item.options})
        elif isinstance(item, dict) and "content" in item:
            messages.append({**item, "role": "assistant"})
        else:
            messages.append({"role": "assistant", "content": item if isinstance(item, Component) else str(item)})
    return messages


def _as_json(reply: Any) -> Any:
    """The reply as the API answers it: a ``ChatMessage`` as its fields (Gradio serializes the dataclass)."""
    if isinstance(reply, list):
        return [_as_json(item) for item in reply]
    if isinstance(reply, ChatMessage):
        return {"content": reply.content, "role": reply.role, "metadata": reply.metadata, "options": reply.options}
    return reply


def _text_and_files(turn: list[Message]) -> tuple[str, list[Any]]:
    """The text and files of a turn's normalized user messages."""
    text, files = "", []
    for message in turn:
        for part in message.get("content") or []:
            if part.get("type") == "text":
                text += part["text"]
            elif part.get("type") == "file":
                files.append(part["file"])
    return text, files


def _example_message(example: Any) -> dict[str, Any]:
    """An example as Gradio's chatbot shows it: its text and its files."""
    if isinstance(example, dict):
        return {"text": str(example.get("text") or ""), "files": list(example.get("files") or [])}
    return {"text": str(example)}


class ChatInterface(Blocks):
    """A chatbot, a message box, and the wiring Gradio gives them."""

    def __init__(
        self,
        fn: Callable[..., Any],
        *,
        multimodal: bool = False,
        type: str | None = None,
        chatbot: Chatbot | None = None,
        textbox: Textbox | MultimodalTextbox | None = None,
        additional_inputs: Any = None,
        additional_inputs_accordion: str | Accordion | None = None,
        additional_outputs: Any = None,
        examples: list[Any] | None = None,
        run_examples_on_click: bool = True,
        title: str | None = None,
        description: str | None = None,
        theme: Any = None,
        css: str | None = None,
        submit_btn: str | bool | None = True,
        stop_btn: str | bool | None = True,
        api_name: str | bool | None = None,
        api_visibility: str = "public",
        show_progress: str = "minimal",
        fill_height: bool = True,
        editable: bool = False,
        validator: Callable[..., Any] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(title=title or "Gradio", css=css, theme=theme, mode="chat_interface", fill_height=fill_height)
        if not callable(fn):
            raise TypeError(f"ChatInterface needs a function, got {fn!r}")
        self.fn = fn
        self.validator = validator
        self.multimodal = multimodal
        extra_inputs = [component_from(spec) for spec in _as_list(additional_inputs)]
        self.additional_outputs = [component_from(spec) for spec in _as_list(additional_outputs)]
        with self:
            if title:
                Markdown(f"<h1 style='text-align: center; margin-bottom: 1rem'>{title}</h1>")
            if description:
                Markdown(description)
            # Gradio 6's hidden parts, in its order: saved conversations, the conversation's id,
            # the message being answered, and a sink for values the page does not need.
            self.saved_conversations = BrowserState([], storage_key=f"_saved_conversations_{self.id}")
            self.conversation_id = State(None)
            self.null_component = State()
            # Gradio names these texts by key; the page shows them in the browser's language.
            self.chatbot = chatbot.render() if chatbot is not None else Chatbot(label=I18nData("chat_interface.chatbot"), scale=1)
            self.chatbot._chat_actions = True
            if editable:
                # As Gradio: a person may edit their own messages, and the reply is made again.
                self.chatbot.editable = "user"
            # As Gradio 6: Submit and Stop are the box's own buttons; Stop shows only while a reply runs.
            with Group(), Row():
                if textbox is not None:
                    self.textbox = textbox.render()
                else:
                    kind = MultimodalTextbox if multimodal else Textbox
                    self.textbox = kind(show_label=False, label="", placeholder=PLACEHOLDER, scale=7, submit_btn=submit_btn)
            self._submit_label = getattr(self.textbox, "submit_btn", False)
            self._stop_label = getattr(self.textbox, "stop_btn", False) if textbox is not None else stop_btn
            self.textbox.stop_btn = False
            self.saved_input = State()
            self.examples = None
            if extra_inputs:
                accordion = additional_inputs_accordion
                if isinstance(accordion, Accordion):
                    accordion.render()
                else:
                    accordion = Accordion(label=accordion or I18nData("chat_interface.additional_inputs"), open=False)
                with accordion:
                    for component in extra_inputs:
                        component.render()
            for component in self.additional_outputs:
                component.render()
            # Gradio 6's API endpoint: a hidden button's listener, message in, the reply out as JSON.
            self.api_button = Button("Fake API", visible=False)
            self.api_response = JSON(label="Response", visible=False)
            self.api_history = State(list(self.chatbot.value or []))
            # Gradio 6's chatbot_value: an app sets it (radio.change(..., chat.chatbot_value)) to fill the chat.
            self.chatbot_value = State(list(self.chatbot.value or []))
            self._chat_examples: list[Any] = []
            with_extras = bool(examples and extra_inputs and all(isinstance(row, (list, tuple)) for row in examples))
            if examples and not with_extras:
                # As Gradio 6: the examples show in the empty chat, and a click sends one.
                self._chat_examples = [row[0] if isinstance(row, (list, tuple)) else row for row in examples]
                self.chatbot.examples = [_example_message(example) for example in self._chat_examples]
            elif examples:
                # With additional inputs an example may be [message, value, ...], as in Gradio.
                targets = [self.textbox, *extra_inputs] if with_extras else self.textbox
                rows = [list(row) + [None] * (1 + len(extra_inputs) - len(row)) for row in examples] if with_extras else examples
                # Gradio's ChatInterface builds its Examples class itself, whose label is "Examples".
                self.examples = Examples(rows, targets, label="Examples")
        self.additional_inputs = extra_inputs
        self._wire(show_progress, run_examples_on_click)
        # Named after the function unless told otherwise, as in Gradio 6.
        name = api_name if isinstance(api_name, str) else getattr(fn, "__name__", "chat")
        with self:
            if inspect.iscoroutinefunction(fn) or inspect.isasyncgenfunction(fn):
                api_fn: Callable[..., Any] = self._api_respond_async
            else:
                api_fn = self._api_stream if inspect.isgeneratorfunction(fn) else self._api_respond
            self.api_button.click(
                api_fn,
                [self.textbox, self.api_history, *self.additional_inputs],
                [self.api_response, self.api_history, *self.additional_outputs],
                api_name=False if api_name is False else name,
                api_visibility=api_visibility,
                postprocess=False,
            )

    # -- wiring ------------------------------------------------------------------
    def _wire(self, show_progress: str, run_examples_on_click: bool) -> None:
        with self:
            triggers = [self.textbox.submit]
            validator = self.validator
            # Gradio's validator sees the message alone; a refusal shows under the box and nothing is sent.
            checked: dict[str, Any] = {} if validator is None else {"validator": lambda message, _history: validator(message)}
            take = on(triggers, self._take_message, [self.textbox, self.chatbot], self._take_outputs(), **_QUIET, **checked)
            self._respond_after(take, show_progress)
            if self.examples is not None and run_examples_on_click:
                load = self.examples.load_event
                self._respond_after(load.then(self._take_message, [self.textbox, self.chatbot], self._take_outputs(), **_QUIET), show_progress)
            if self._chat_examples and run_examples_on_click:
                chosen = self.chatbot.example_select(self._example_turn, None, [self.chatbot, self.saved_input], **_QUIET)
                self._respond_after(chosen, show_progress)
            elif self._chat_examples:
                self.chatbot.example_select(self._fill_example, None, [self.textbox], **_QUIET)
            retry = self.chatbot.retry(self._retry_turn, [self.chatbot], [self.chatbot, self.saved_input], **_QUIET)
            self._respond_after(retry, show_progress)
            self.chatbot.undo(self._undo_turn, [self.chatbot], [self.chatbot, self.textbox], **_QUIET)
            self.chatbot.clear(lambda: ([], None), None, [self.chatbot, self.saved_input], **_QUIET)
            if self.chatbot.editable is not None:
                edit = self.chatbot.edit(self._edit_turn, [self.chatbot], [self.chatbot, self.saved_input], **_QUIET)
                self._respond_after(edit, show_progress)
            self.chatbot_value.change(lambda value: value, [self.chatbot_value], [self.chatbot], api_visibility="undocumented")

    def _take_outputs(self) -> list[Component]:
        return [self.textbox, self.saved_input, self.chatbot]

    def _respond_after(self, first: Dependency, show_progress: str) -> None:
        respond = self._respond_async if inspect.iscoroutinefunction(self.fn) or inspect.isasyncgenfunction(self.fn) else self._respond
        run = first.then(
            respond, [self.saved_input, self.chatbot, *self.additional_inputs], [self.chatbot, *self.additional_outputs],
            api_name=False, show_progress=show_progress,
        )
        if self._stop_label:
            run.then(lambda: update(submit_btn=self._submit_label, stop_btn=False), None, [self.textbox], **_QUIET)
            self.textbox.stop(None, None, None, cancels=[run], **_QUIET)

    # -- steps -------------------------------------------------------------------
    def _take_message(self, message: Any, history: list[Message] | None) -> tuple[Any, ...]:
        """Move the message from the box into the chat; remember it for the reply."""
        shown = list(history or []) + _user_messages(message)
        cleared: Any = {"text": "", "files": []} if isinstance(self.textbox, MultimodalTextbox) else ""
        if not _user_messages(message):
            return (message, None, list(history or []))
        box = update(value=cleared, submit_btn=False, stop_btn=self._stop_label) if self._stop_label else cleared
        return (box, message, shown)

    def _split(self, message: Any, history: list[Message]) -> list[Message]:
        """The history the function sees: everything before this turn's user messages."""
        return history[: len(history) - len(_user_messages(message))]

    def _with_reply(self, history: list[Message], reply: Any) -> Any:
        if self.additional_outputs:
            if not isinstance(reply, (tuple, list)) or len(reply) != 1 + len(self.additional_outputs):
                raise ValueError(f"With additional_outputs the function returns the reply and {len(self.additional_outputs)} more values")
            return (history + _reply_messages(reply[0]), *reply[1:])
        return history + _reply_messages(reply)

    def _respond(self, message: Any, history: list[Message] | None, *extra: Any) -> Iterator[Any]:
        history = list(history or [])
        if not _user_messages(message):
            return
        result = self.fn(self._message_for_fn(message), self._split(message, history), *extra)
        if inspect.isgenerator(result):
            for partial in result:
                yield self._with_reply(history, partial)
        else:
            yield self._with_reply(history, result)

    async def _respond_async(self, message: Any, history: list[Message] | None, *extra: Any) -> AsyncIterator[Any]:
        history = list(history or [])
        if not _user_messages(message):
            return
        result = self.fn(self._message_for_fn(message), self._split(message, history), *extra)
        if inspect.isasyncgen(result):
            async for partial in result:
                yield self._with_reply(history, partial)
        else:
            yield self._with_reply(history, await result if inspect.isawaitable(result) else result)

    # -- the API endpoint ------------------------------------------------------------
    def _api_turn(self, message: Any, history: list[Message], reply: Any) -> tuple[Any, ...]:
        """(the reply as the function gave it, the history with this turn, additional outputs)."""
        if message is None:
            # Gradio cannot add a missing message to the history and fails the call; so does Pagelet, saying why.
            raise Error("The chat endpoint needs a message: got none")
        extra: tuple[Any, ...] = ()
        if self.additional_outputs and isinstance(reply, (tuple, list)) and len(reply) == 1 + len(self.additional_outputs):
            reply, extra = reply[0], tuple(reply[1:])
        return (_as_json(reply), history + _user_messages(message) + _reply_messages(reply), *extra)

    def _api_respond(self, message: Any, history: list[Message] | None, *extra: Any) -> tuple[Any, ...]:
        history = list(history or [])
        return self._api_turn(message, history, self.fn(self._message_for_fn(message), list(history), *extra))

    def _api_stream(self, message: Any, history: list[Message] | None, *extra: Any) -> Iterator[tuple[Any, ...]]:
        history = list(history or [])
        for partial in self.fn(self._message_for_fn(message), list(history), *extra):
            yield self._api_turn(message, history, partial)

    async def _api_respond_async(self, message: Any, history: list[Message] | None, *extra: Any) -> AsyncIterator[Any]:
        history = list(history or [])
        result = self.fn(self._message_for_fn(message), list(history), *extra)
        if inspect.isasyncgen(result):
            async for partial in result:
                yield self._api_turn(message, history, partial)
        else:
            yield self._api_turn(message, history, await result if inspect.isawaitable(result) else result)

    def _message_for_fn(self, message: Any) -> Any:
        if self.multimodal and isinstance(message, str):
            return {"text": message, "files": []}
        return message

    @staticmethod
    def _last_turn(history: list[Message]) -> tuple[list[Message], list[Message]]:
        """Split off the last turn: (before it, its user messages)."""
        end = len(history)
        while end > 0 and history[end - 1]["role"] != "user":
            end -= 1
        start = end
        while start > 0 and history[start - 1]["role"] == "user":
            start -= 1
        return history[:start], history[start:end]

    def _retry_turn(self, history: list[Message] | None) -> tuple[list[Message], Any]:
        before, turn = self._last_turn(list(history or []))
        return before + turn, self._as_message(turn)

    def _chosen_example(self, chosen: SelectData) -> Any:
        """The example a person clicked, as the message box's value. Read from the app's own list by
        index, never from the page: a page could name any file on the machine as an example's."""
        index = chosen.index if isinstance(chosen.index, int) else -1
        if not 0 <= index < len(self._chat_examples):
            raise Error(f"There is no example {chosen.index!r}")
        example = self._chat_examples[index]
        if isinstance(self.textbox, MultimodalTextbox):
            if isinstance(example, dict):
                files = [to_file_data(file)["path"] for file in example.get("files") or []]
                return {"text": str(example.get("text") or ""), "files": files}
            return {"text": str(example), "files": []}
        return str(example.get("text") or "") if isinstance(example, dict) else str(example)

    def _example_turn(self, chosen: SelectData) -> tuple[list[Message], Any]:
        """A clicked example starts the conversation afresh with it, as in Gradio."""
        message = self._chosen_example(chosen)
        return _user_messages(message), message

    def _fill_example(self, chosen: SelectData) -> Any:
        """With run_examples_on_click=False a clicked example only fills the box."""
        return self._chosen_example(chosen)

    def _edit_turn(self, history: list[Message] | None, edit: EditData) -> tuple[list[Message], Any]:
        """An edited message: the conversation up to it, then the new text as the message to answer."""
        index = edit.index[0] if isinstance(edit.index, (list, tuple)) else edit.index
        text = str(edit.value or "")
        message = {"text": text, "files": []} if isinstance(self.textbox, MultimodalTextbox) else text
        return list(history or [])[:index] + _user_messages(message), message

    def _undo_turn(self, history: list[Message] | None) -> tuple[list[Message], Any]:
        before, turn = self._last_turn(list(history or []))
        return before, self._as_message(turn)

    def _as_message(self, turn: list[Message]) -> Any:
        """The user messages of a turn as the message box's value."""
        text, files = _text_and_files(turn)
        if isinstance(self.textbox, MultimodalTextbox):
            return {"text": text, "files": files}
        return text
