"""HTML: markup from the app, or Gradio 6's component-in-a-string.

With only a value, the value is HTML, shown sanitized. With ``html_template``
the host renders the template (a JS template string, ``${value}`` and
``${any_prop}``, with Handlebars' ``{{value}}`` and ``{{#each}}`` first),
styles it with ``css_template`` scoped to the component, and runs the author's
``js_on_load`` with ``element``, ``trigger``, ``props``, ``upload`` and
``watch``. Extra keyword arguments are props the templates read and events
may update. Strings from values and props are escaped before they reach the
template (see SECURITY.md); the template, styles, ``js_on_load`` and
``head`` are the author's and run as written.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from functools import partial
from typing import Any

from ..blocks import BlockContext
from ..events import make_listener
from .base import Component

# Gradio 6 gives gr.HTML every event name; custom names come from js_on_load.
_EVENTS = (
    # Every event Gradio's HTML offers: a template's own script may fire any of them.
    "change", "input", "click", "double_click", "submit", "stop", "edit", "clear", "play", "pause", "end",
    "start_recording", "pause_recording", "stop_recording", "focus", "blur", "upload", "release", "select",
    "stream", "like", "example_select", "option_select", "load", "key_up", "apply", "delete", "tick", "undo",
    "retry", "expand", "collapse", "download", "copy",
)
_DEFAULT_JS_ON_LOAD = "element.addEventListener('click', function() { trigger('click') });"
_SCRIPT_TAG = re.compile(r"<script[\s>]", re.IGNORECASE)


def _warn_if_script(content: Any) -> None:
    if isinstance(content, str) and _SCRIPT_TAG.search(content):
        warnings.warn(
            "gr.HTML does not run <script> tags in its content: load libraries with head= and "
            "put code in js_on_load=.",
            UserWarning,
            stacklevel=3,
        )


class HTML(Component, BlockContext):
    TYPE = "html"
    API_SCHEMA = {"type": "string"}
    EVENTS = _EVENTS
    PROPS = (
        "min_height", "max_height", "html_template", "css_template", "js_on_load", "apply_default_css",
        "head", "padding", "autoscroll", "props", "component_class_name", "server_fns",
    )
    CLEARED_VALUE = ""

    def __init__(
        self,
        value: Any = None,
        *,
        label: str | None = None,
        html_template: str = "${value}",
        css_template: str = "",
        js_on_load: str | None = _DEFAULT_JS_ON_LOAD,
        apply_default_css: bool = True,
        show_label: bool = False,
        min_height: int | None = None,
        max_height: int | None = None,
        container: bool = False,
        padding: bool = False,
        autoscroll: bool = False,
        head: str | None = None,
        server_functions: list[Callable[..., Any]] | None = None,
        **props: Any,
    ) -> None:
        _warn_if_script(html_template)
        base_names = ("every", "inputs", "scale", "min_width", "visible", "elem_id", "elem_classes", "render", "key", "preserved_by_key", "buttons", "interactive", "info")
        base = {name: props.pop(name) for name in base_names if name in props}
        # js_on_load calls each as ``server.<name>(...)``: the host sends a ``call`` message (session.run_call).
        self.server_functions: dict[str, Callable[..., Any]] = {
            getattr(fn, "__name__", str(fn)): fn for fn in server_functions or []
        }
        self.server_fns = list(self.server_functions)
        self.html_template = html_template
        self.css_template = css_template
        self.js_on_load = js_on_load
        self.apply_default_css = apply_default_css
        self.head = head
        self.min_height = min_height
        self.max_height = max_height
        self.padding = padding
        self.autoscroll = autoscroll
        self.props = props
        self.component_class_name = type(self).__name__
        super().__init__(value, label=label, show_label=show_label, container=container, **base)

    def postprocess(self, value: Any) -> Any:
        _warn_if_script(value)
        if value is None or isinstance(value, (str, int, float, bool, list, dict)):
            return value
        return str(value)

    def normalize_props(self, props: dict[str, Any]) -> dict[str, Any]:
        # gr.update(color=...) names a template prop: it travels inside "props", as in
        # Gradio's config; the host merges it into the props the template reads.
        known = {name: value for name, value in props.items() if name in self.__dict__ or name == "value"}
        extra = {name: value for name, value in props.items() if name not in known}
        # Gradio's update carries its own "__type__" into these props (it is no constructor
        # parameter of HTML), so each of its answers that updates props has it there: ours too.
        known["props"] = {**(known.get("props") or {}), **extra, "__type__": "update"}
        return super().normalize_props(known)

    def __getattr__(self, name: str) -> Any:
        # A custom event fired from js_on_load (trigger('my_event')) gets a listener, as in Gradio.
        script = self.__dict__.get("js_on_load") or ""
        if not name.startswith("_") and re.search(rf"""['"`]{re.escape(name)}['"`]""", script):
            return partial(make_listener(name), self)
        raise AttributeError(
            f"'{type(self).__name__}' object has no attribute '{name}'. If '{name}' is a custom event, "
            f"name it in quotes in the js_on_load string."
        )
