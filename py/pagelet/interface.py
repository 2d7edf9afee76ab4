"""``gr.Interface``: a whole app from one function and its inputs and outputs."""

from __future__ import annotations

import functools
import inspect
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from . import downloads
from .alerts import Info
from .blocks import Blocks
from .components.base import Component
from .components.button import Button, ClearButton
from .components.display import Markdown
from .components.state import State
from .events import Dependency, on
from .examples import Examples
from .layouts import Column, Row
from .shortcuts import component_from

if TYPE_CHECKING:
    from .flagging import CSVLogger


def _as_list(spec: Any) -> list[Any]:
    if spec is None:
        return []
    return list(spec) if isinstance(spec, (list, tuple)) else [spec]


def _parameter_names(fn: Callable[..., Any]) -> list[str]:
    try:
        parameters = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return []
    return [
        parameter.name
        for parameter in parameters
        if parameter.kind in (parameter.POSITIONAL_ONLY, parameter.POSITIONAL_OR_KEYWORD, parameter.VAR_POSITIONAL)
    ]


class Interface(Blocks):
    """Inputs on the left, outputs on the right, Submit and Clear below the inputs.

    Components are labelled as Gradio labels them: inputs by the function's
    parameter names, outputs ``output`` (or ``output 0``, ``output 1`` ...).
    """

    def __init__(
        self,
        fn: Callable[..., Any],
        inputs: Any,
        outputs: Any,
        examples: list[Any] | None = None,
        *,
        title: str | None = None,
        description: str | None = None,
        article: str | None = None,
        live: bool = False,
        submit_btn: str | Button = "Submit",
        clear_btn: str | Button | None = "Clear",
        stop_btn: str | Button | None = "Stop",
        api_name: str | None = None,
        examples_per_page: int = 10,
        css: str | None = None,
        theme: Any = None,
        flagging_mode: str | None = None,
        flagging_options: list[Any] | None = None,
        flagging_dir: str = ".gradio/flagged",
        flagging_callback: CSVLogger | None = None,
        batch: bool = False,
        max_batch_size: int = 4,
        cache_examples: bool | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(title=title or "Gradio", css=css, theme=theme, mode="interface")
        # Gradio 4 called it allow_flagging. Gradio 6's default: GRADIO_FLAGGING_MODE, else a Flag button.
        mode = flagging_mode or kwargs.get("allow_flagging") or os.environ.get("GRADIO_FLAGGING_MODE", "manual")
        if mode not in ("never", "manual", "auto"):
            raise ValueError(f"flagging_mode must be 'never', 'manual' or 'auto', got {mode!r}")
        self.flagging_mode = mode
        self.flagging_options = [tuple(o) if isinstance(o, (list, tuple)) else (str(o), str(o)) for o in flagging_options or []]
        if flagging_callback is None and mode != "never":
            from .flagging import CSVLogger

            flagging_callback = CSVLogger()
        self.flagging_callback = flagging_callback
        self.batch = batch
        self.max_batch_size = max_batch_size
        # Gradio 6: checks the inputs before fn runs (gr.validate per input).
        self.validator = kwargs.get("validator")
        # Of the prediction endpoint only; the Interface's own helpers keep theirs.
        self.api_visibility = kwargs.get("api_visibility", "public")
        if not callable(fn):
            raise TypeError(f"Interface needs a function, got {fn!r}")
        self.fn = fn
        self.input_components = [component_from(spec) for spec in _as_list(inputs)]
        if not self.input_components and submit_btn == "Submit":
            # An output-only demo (an unconditional generator): Gradio names its button Generate.
            submit_btn = "Generate"
        self.output_components = [component_from(spec) for spec in _as_list(outputs)]
        self._label_components()
        self.interface_title = title
        self.description = description
        self.article = article
        self.live = live
        # A live Interface streams its streaming inputs (Gradio's defaults: 30 s, every half second).
        self.stream_options = {"time_limit": kwargs.get("time_limit", 30), "stream_every": kwargs.get("stream_every", 0.5)}

        with self:
            if title:
                Markdown(f"<h1 style='text-align: center; margin-bottom: 1rem'>{title}</h1>")
            if description:
                Markdown(description)
            with Row():
                with Column(variant="panel"):
                    for component in self.input_components:
                        component.render()
                    with Row():
                        clear = self._button(clear_btn, "secondary") if clear_btn is not None else None
                        submit = None if live else self._button(submit_btn, "primary")
                        # Gradio shows Stop in place of Submit while a generator runs.
                        stop = (
                            self._button(stop_btn, "stop", visible=False)
                            if stop_btn is not None and _is_generator(fn) and submit is not None
                            else None
                        )
                with Column(variant="panel"):
                    for component in self.output_components:
                        component.render()
                    flag_buttons = self._flag_buttons(flagging_dir)
                    _deep_link_button(kwargs.get("deep_link"))
            # Wired before the examples so that the main function is dependency 0, as in Gradio.
            predict = self._wire(submit, clear, api_name, stop)
            self._wire_flagging(predict, flag_buttons)
            # Gradio's name for the examples, which apps reach into (interface.examples_handler.dataset).
            self.examples_handler: Examples | None = None
            if examples:
                self.examples_handler = Examples(
                    examples, self.input_components, self.output_components, fn,
                    examples_per_page=examples_per_page, cache_examples=cache_examples,
                    preload=kwargs.get("preload_example", 0),
                )
            if article:
                Markdown(article)

    @classmethod
    def from_pipeline(cls, pipe: Any, **kwargs: Any) -> Interface:
        """An Interface for a pipeline (``pagelet.transformers.pipeline``), chosen by its task.

        Other arguments are the Interface's (``title=``, ``examples=`` ...).
        """
        from .pipeline_interfaces import interface_parts

        fn, inputs, outputs = interface_parts(pipe)
        return cls(fn, inputs, outputs, **kwargs)

    @staticmethod
    def _button(spec: str | Button, variant: Literal["primary", "secondary", "stop"], visible: bool = True) -> Button:
        if isinstance(spec, Button):
            spec.render()
            return spec
        return Button(spec, variant=variant, visible=visible)

    def _label_components(self) -> None:
        names = _parameter_names(self.fn)
        for component, name in zip(self.input_components, names):
            if component.label is None:
                component.label = name
        shown_outputs = [c for c in self.output_components if not isinstance(c, State)]
        for component in shown_outputs:
            # Gradio makes outputs displays here, so that the Flag button reading them does not make them editable.
            if component.interactive is None and component not in self.input_components:
                component.interactive = False
        for index, component in enumerate(shown_outputs):
            if component.label is None:
                component.label = "output" if len(shown_outputs) == 1 else f"output {index}"

    @property
    def _flagging(self) -> CSVLogger:
        # Set in __init__ whenever flagging_mode is not "never", the only mode that reaches the flagging code.
        assert self.flagging_callback is not None
        return self.flagging_callback

    def _flag_buttons(self, flagging_dir: str) -> list[tuple[Button, str]]:
        if self.flagging_mode == "never":
            return []
        self._flagging.setup(self.input_components + self.output_components, flagging_dir)
        with Row():
            buttons = []
            if self.flagging_mode == "manual":
                options = self.flagging_options or [("Flag", "")]
                buttons = [(Button(label), value) for label, value in options]
            # In the browser the flags live in the page's storage: a button hands them out.
            self.download_flagged = Button("Download flagged", size="sm") if sys.platform == "emscripten" else None
        return buttons

    def _wire_flagging(self, predict: Dependency, buttons: list[tuple[Button, str]]) -> None:
        if self.flagging_mode == "never":
            return
        logged = self.input_components + self.output_components
        for button, option in buttons:
            # A lambda, undocumented rather than private: Gradio gives each Flag button a lambda of
            # its own, so the app's own lambdas count on from them (/lambda_3 after three options).
            button.click(lambda *values, option=option: self._flag(option, *values), logged, None,
                         api_visibility="undocumented", show_progress="hidden", queue=False)
        if self.flagging_mode == "auto":
            predict.success(functools.partial(self._flag, ""), logged, None, api_name=False, show_progress="hidden", queue=False)
        if self.download_flagged is not None:
            self.download_flagged.click(
                lambda: downloads.offer(self._flagging.dataset_file_name, self._flagging.read_csv(), "text/csv"),
                None, None, api_name=False, show_progress="hidden", queue=False,
            )

    def _flag(self, option: str, *values: Any) -> None:
        count = self._flagging.flag(list(values), option)
        Info(f"Saved as flagged sample {count}.", duration=3, title="Flagged")

    def _wire(self, submit: Button | None, clear: Button | None, api_name: str | None, stop: Button | None = None) -> Dependency:
        if submit is not None:
            triggers = [submit.click] + [
                getattr(component, "submit") for component in self.input_components if "submit" in component.EVENTS
            ]
        else:
            triggers = [
                getattr(component, "stream" if getattr(component, "streaming", False) else "change")
                for component in self.input_components if "change" in component.EVENTS
            ]
        streaming = submit is None and any(getattr(component, "streaming", False) for component in self.input_components)
        if stop is not None and submit is not None:
            # As in Gradio: swap the buttons first, then run, then swap back; Stop cancels the run.
            swap = on(triggers, lambda: (Button(visible=False), Button(visible=True)), None, [submit, stop], api_name=False, show_progress="hidden", queue=False)
            predict = swap.then(
                self.fn, self.input_components, self.output_components, api_name=api_name, validator=self.validator,
                api_visibility=self.api_visibility, **self._batching()
            )
            predict.then(lambda: (Button(visible=True), Button(visible=False)), None, [submit, stop], api_name=False, show_progress="hidden", queue=False)
            stop.click(None, None, None, cancels=[predict], api_name=False, queue=False)
        else:
            predict = on(
                triggers, self.fn, self.input_components, self.output_components, api_name=api_name, validator=self.validator,
                api_visibility=self.api_visibility, **self._batching(), **(self.stream_options if streaming else {}),
            )
        if clear is not None and not isinstance(clear, ClearButton):
            resettable = [c for c in self.input_components + self.output_components if not isinstance(c, State)]
            clear.click(
                lambda: tuple(_cleared(component) for component in resettable) if len(resettable) != 1 else _cleared(resettable[0]),
                None,
                resettable,
                api_name=False,  # Gradio clears in the page (a private js_fn), naming no lambda
                show_progress="hidden",
                queue=False,
            )
        return predict

    def _batching(self) -> dict[str, Any]:
        return {"batch": True, "max_batch_size": self.max_batch_size} if self.batch else {}


def _is_generator(fn: Callable[..., Any]) -> bool:
    return inspect.isgeneratorfunction(fn) or inspect.isasyncgenfunction(fn)


def _cleared(component: Component) -> Any:
    return getattr(component, "CLEARED_VALUE", None)


class TabbedInterface(Blocks):
    """Several apps, one per tab."""

    def __init__(self, interface_list: list[Blocks], tab_names: list[str] | None = None, title: str | None = None, **kwargs: Any) -> None:
        from .layouts import Tab, Tabs

        super().__init__(title=title or "Gradio", **{k: v for k, v in kwargs.items() if k in ("css", "theme")})
        names = tab_names or [f"Tab {index}" for index in range(len(interface_list))]
        with self:
            if title:
                Markdown(f"<h1 style='text-align: center; margin-bottom: 1rem'>{title}</h1>")
            with Tabs():
                for interface, name in zip(interface_list, names):
                    with Tab(label=name):
                        interface.render()


def _deep_link_button(deep_link: Any) -> None:
    """Gradio's ``Interface(deep_link=)``: True, a button text, or a DeepLinkButton, under the outputs."""
    if deep_link is None or deep_link is False:
        return
    from .components.special_buttons import DeepLinkButton

    if isinstance(deep_link, DeepLinkButton):
        deep_link.render()
    else:
        DeepLinkButton(deep_link) if isinstance(deep_link, str) else DeepLinkButton()
