"""``gr.Interface``: a whole app from one function and its inputs and outputs."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from .blocks import Blocks
from .components.base import Component
from .components.button import Button, ClearButton
from .components.display import Markdown
from .components.state import State
from .events import on
from .examples import Examples
from .layouts import Column, Row
from .shortcuts import component_from


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
        api_name: str | None = None,
        examples_per_page: int = 10,
        css: str | None = None,
        theme: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(title=title or "Gradio", css=css, theme=theme, mode="interface")
        if not callable(fn):
            raise TypeError(f"Interface needs a function, got {fn!r}")
        self.fn = fn
        self.input_components = [component_from(spec) for spec in _as_list(inputs)]
        self.output_components = [component_from(spec) for spec in _as_list(outputs)]
        self._label_components()
        self.interface_title = title
        self.description = description
        self.article = article
        self.live = live

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
                with Column(variant="panel"):
                    for component in self.output_components:
                        component.render()
            # Wired before the examples so that the main function is dependency 0, as in Gradio.
            self._wire(submit, clear, api_name)
            if examples:
                Examples(examples, self.input_components, self.output_components, fn, examples_per_page=examples_per_page)
            if article:
                Markdown(article)

    @staticmethod
    def _button(spec: str | Button, variant: str) -> Button:
        if isinstance(spec, Button):
            spec.render()
            return spec
        return Button(spec, variant=variant)  # type: ignore[arg-type]

    def _label_components(self) -> None:
        names = _parameter_names(self.fn)
        for component, name in zip(self.input_components, names):
            if component.label is None:
                component.label = name
        shown_outputs = [c for c in self.output_components if not isinstance(c, State)]
        for index, component in enumerate(shown_outputs):
            if component.label is None:
                component.label = "output" if len(shown_outputs) == 1 else f"output {index}"

    def _wire(self, submit: Button | None, clear: Button | None, api_name: str | None) -> None:
        if submit is not None:
            triggers = [submit.click] + [
                getattr(component, "submit") for component in self.input_components if "submit" in component.EVENTS
            ]
        else:
            triggers = [getattr(component, "change") for component in self.input_components if "change" in component.EVENTS]
        on(triggers, self.fn, self.input_components, self.output_components, api_name=api_name)
        if isinstance(clear, ClearButton):
            return
        if clear is not None:
            resettable = [c for c in self.input_components + self.output_components if not isinstance(c, State)]
            clear.click(
                lambda: tuple(_cleared(component) for component in resettable) if len(resettable) != 1 else _cleared(resettable[0]),
                None,
                resettable,
                api_name=False,
                show_progress="hidden",
                queue=False,
            )


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
