"""What every component shares: props, value conversion, listeners, updates.

``preprocess`` turns what the host sends into what the app's function receives;
``postprocess`` turns what the function returns into what the host shows. Both
follow Gradio's documented behaviour per component.
"""

from __future__ import annotations

import copy
import functools
import inspect
import warnings
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from ..tree import Block
from ..events import make_listener

if TYPE_CHECKING:
    from ..events import Dependency


class Component(Block):
    """A block with a value."""

    # Event names this component fires; each becomes a listener method.
    EVENTS: ClassVar[tuple[str, ...]] = ()
    # Extra constructor arguments sent to the host as props.
    PROPS: ClassVar[tuple[str, ...]] = ()
    # Value the Clear button resets this component to.
    CLEARED_VALUE: ClassVar[Any] = None
    # Gradio 6's default ``buttons=`` of this component (the corner toolbar).
    DEFAULT_BUTTONS: ClassVar[tuple[str, ...]] = ()
    # The JSON schema of the value in the API ({} is any value), which ``api_info`` answers.
    API_SCHEMA: ClassVar[dict[str, Any]] = {}
    # The API page's Python type of the value, where the schema alone does not say it.
    API_PYTHON_TYPE: ClassVar[str | None] = None

    _explicit_args: dict[str, Any]

    if TYPE_CHECKING:
        # The listeners (``click``, ``change`` ...) are set per class from EVENTS in
        # __init_subclass__, so a type checker cannot list them: any other name is one.
        def __getattr__(self, event: str) -> Callable[..., Dependency]: ...

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for event in cls.EVENTS:
            if event not in cls.__dict__:
                setattr(cls, event, make_listener(event))
        init = cls.__dict__.get("__init__")
        if init is not None:
            # Wrapping each subclass's own __init__ at class creation: mypy refuses method assignment as a rule.
            cls.__init__ = record_explicit_args(init)  # type: ignore[method-assign]

    def __init__(
        self,
        value: Any = None,
        *,
        label: str | None = None,
        info: str | None = None,
        show_label: bool | None = None,
        container: bool = True,
        scale: int | None = None,
        min_width: int = 160,
        interactive: bool | None = None,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: int | str | None = None,
        every: Any = None,
        inputs: Any = None,
        buttons: Sequence[str | Component] | None = None,
        preserved_by_key: Any = "value",
    ) -> None:
        self.label = label
        self.info = info
        self.show_label = True if show_label is None else show_label
        self.container = container
        self.scale = scale
        self.min_width = min_width
        self.interactive = interactive
        # A callable value is evaluated when a visitor loads the app (Gradio).
        self.value_fn: Callable[[], Any] | None = value if callable(value) else None
        # With a callable value: re-evaluate every this many seconds (or on this gr.Timer's ticks),
        # calling it with these components' values.
        self.every = every
        self.value_inputs = inputs
        self.buttons = toolbar_buttons(buttons, self.DEFAULT_BUTTONS)
        if buttons is not None and "download" not in buttons and hasattr(self, "show_download_button"):
            # Media components draw their own download link; Gradio 6 names it in buttons=.
            self.show_download_button = False
        # preserved_by_key is Gradio's gr.render option; keys already keep values here.
        del preserved_by_key
        try:
            self.value = self.postprocess(None if callable(value) else value)
        except FileNotFoundError as exc:
            # Gradio starts an app whose starting file is missing (it fails only where the
            # file is shown); so does Pagelet, with the component empty and a warning that says why.
            warnings.warn(f"{type(self).__name__} starts empty: {exc}", stacklevel=2)
            self.value = self.postprocess(None)
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)

    # -- value conversion -------------------------------------------------
    def preprocess(self, payload: Any) -> Any:
        """Host value -> the value the app's function receives."""
        return payload

    def postprocess(self, value: Any) -> Any:
        """The function's return value -> the value the host shows."""
        return value

    def api_info(self) -> dict[str, Any]:
        """The JSON schema of this component's value in the API (Gradio's ``api_info``):
        the class's ``API_SCHEMA``, overridden where the instance decides the shape."""
        return self.API_SCHEMA

    # -- props --------------------------------------------------------------
    def get_props(self) -> dict[str, Any]:
        props = super().get_props()
        props.update(
            value=self.value,
            label=self.label,
            info=self.info,
            show_label=self.show_label,
            container=self.container,
            scale=self.scale,
            min_width=self.min_width,
            interactive=self.interactive,
        )
        if self.buttons:
            props["buttons"] = [button_prop(button) for button in self.buttons]
        for name in self.PROPS:
            props[name] = getattr(self, name)
        return props

    def normalize_prop(self, name: str, value: Any) -> Any:
        """Bring a prop given in an update to the form the config uses."""
        return value

    def normalize_props(self, props: dict[str, Any]) -> dict[str, Any]:
        """The props of an update, each brought to the form the config uses."""
        return {name: self.normalize_prop(name, value) for name, value in props.items()}

    def with_props(self, props: dict[str, Any]) -> Component:
        """A copy of this component with ``props`` applied (per-session updates)."""
        clone = copy.copy(self)
        for name, value in props.items():
            if name != "value":
                setattr(clone, name, value)
        return clone

    def explicit_props(self) -> dict[str, Any]:
        """The constructor arguments given explicitly: what a returned instance updates."""
        return {name: value for name, value in self._explicit_args.items() if name not in ("render", "key")}


def toolbar_buttons(buttons: Sequence[str | Component] | None, default: tuple[str, ...]) -> list[str | Component]:
    """Gradio 6's ``buttons=``: names of built-in buttons ("copy", "download", ...) or
    ``gr.Button`` instances, which move from the layout into the component's toolbar."""
    if buttons is None:
        return list(default)
    if isinstance(buttons, (str, Component)):
        raise TypeError("buttons= takes a list, e.g. buttons=['copy']")
    chosen: list[str | Component] = []
    for button in buttons:
        if isinstance(button, Component):
            button.unrender()
        elif not isinstance(button, str):
            raise TypeError(f"buttons= takes names and gr.Button instances, got {type(button).__name__}")
        chosen.append(button)
    return chosen


def button_prop(button: str | Component) -> str | dict[str, Any]:
    """A toolbar button as the host reads it: a name, or a Button's id, text and icon."""
    if isinstance(button, str):
        return button
    return {"id": button.id, "value": button.value, "icon": getattr(button, "icon", None)}


def record_explicit_args(init: Callable[..., None]) -> Callable[..., None]:
    """Wrap ``__init__`` to remember which arguments the caller gave (in ``_explicit_args``)."""
    signature = inspect.signature(init)

    @functools.wraps(init)
    def recording_init(self: Any, *args: Any, **kwargs: Any) -> None:
        if "_explicit_args" not in self.__dict__:
            bound = signature.bind(self, *args, **kwargs)
            arguments = dict(bound.arguments)
            arguments.pop("self", None)
            extra = arguments.pop("kwargs", None)
            if isinstance(extra, dict):
                arguments.update(extra)
            self._explicit_args = arguments
        init(self, *args, **kwargs)

    return recording_init


class FormComponent(Component):
    """A component a person edits (Gradio groups these in forms)."""


def normalize_choices(choices: Any) -> list[list[Any]]:
    """Gradio's choices: values, or (display, value) pairs -> [[display, value]]."""
    if choices is None:
        return []
    normalized: list[list[Any]] = []
    for choice in choices:
        if isinstance(choice, (tuple, list)):
            if len(choice) != 2:
                raise ValueError(f"A choice must be a value or a (label, value) pair, got {choice!r}")
            normalized.append([str(choice[0]), choice[1]])
        else:
            normalized.append([str(choice), choice])
    return normalized
