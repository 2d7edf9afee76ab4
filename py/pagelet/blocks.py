"""``Blocks``, the app: the root of the layout tree (``tree``), its listeners and its config.

The tree's names are re-exported here, where the rest of the core has always imported them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import launcher
from .tree import Block, BlockContext, current_context, current_root, in_config, layout_of, walk

__all__ = ["Block", "BlockContext", "Blocks", "current_context", "current_root", "layout_of", "walk"]

if TYPE_CHECKING:
    # Types only: the browser's core wheel leaves protocol_types out (scripts/build_assets.py).
    from .protocol_types import AppConfig, ComponentConfig, ThemeConfig
    from .events import Dependency
    from .pages import Page, Pages


def _joined(first: str | None, second: str) -> str:
    return second if not first else f"{first}\n{second}"


def _read_paths(paths: Any, option: str) -> list[str]:
    """The text of each file of ``paths`` (a path or a list of them); a missing file is named."""
    if paths is None:
        return []
    items = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    texts = []
    for item in items:
        try:
            texts.append(Path(item).read_text(encoding="utf-8"))
        except OSError as exc:
            raise FileNotFoundError(f"{option}: cannot read {item}: {exc.strerror or exc}") from None
    return texts


def with_files(app: Blocks, css_paths: Any, head_paths: Any) -> None:
    """Add the content of ``css_paths`` files to the app's CSS and of ``head_paths`` files to its head."""
    for text in _read_paths(css_paths, "css_paths"):
        app.css = _joined(app.css, text)
    for text in _read_paths(head_paths, "head_paths"):
        app.head = _joined(app.head, text)


class Blocks(BlockContext):
    """A whole app: ``with gr.Blocks() as demo: ...`` then ``demo.launch()``."""

    TYPE = "blocks"
    IS_APP = True

    # Set by launch(), with Gradio's names; absent until then. In the browser there is no
    # server: local_url is "" and server_port None (worker_bridge.py).
    local_url: str
    server_port: int | None
    server_name: str
    server_app: Any

    def __init__(
        self,
        theme: Any = None,
        analytics_enabled: bool | None = None,
        mode: str = "blocks",
        title: str = "Gradio",
        css: str | None = None,
        js: str | None = None,
        head: str | None = None,
        fill_height: bool = False,
        fill_width: bool = False,
        delete_cache: tuple[int, int] | None = None,
        **kwargs: Any,
    ) -> None:
        self.title = title
        self.css = css
        # Markup for the page's <head>; where it goes (and whether scripts run) is the page's policy.
        self.head = head
        with_files(self, kwargs.get("css_paths"), kwargs.get("head_paths"))
        self.theme = theme
        # launch(i18n=gr.I18n(...)): the app's own translations, which the page looks up by locale.
        self.i18n_translations: dict[str, dict[str, str]] | None = None
        self.mode = mode
        self.fill_height = fill_height
        self.dependencies: list[Dependency] = []
        # A multipage app's pages (``route``): None until the first ``demo.route(...)``.
        self.pages_block: Pages | None = None
        self.current_page: Page | None = None
        self.queue_settings: dict[str, Any] = {}
        # A Blocks built outside any context is an app, not a child. Other
        # Gradio keywords (analytics, deprecated options) are accepted and ignored.
        block_options = {key: kwargs[key] for key in ("visible", "elem_id", "elem_classes", "key") if key in kwargs}
        super().__init__(render=kwargs.get("render", current_context() is not None), **block_options)

    def render(self) -> Blocks:
        """Nest this app inside the open one, bringing its event listeners along."""
        root = current_root()
        super().render()
        if root is not None and root is not self:
            taken = {dependency.api_name for dependency in root.dependencies}
            for dependency in self.dependencies:
                if dependency in root.dependencies:
                    continue
                # This app leaves the config (``in_config``): its load events become the root's.
                dependency.targets = [(root if block is self else block, event) for block, event in dependency.targets]
                if dependency.api_name is not None and dependency.api_name in taken:
                    # Two nested apps may both name an endpoint alike ("predict", "greet").
                    base, suffix = dependency.api_name, 1
                    while f"{base}_{suffix}" in taken:
                        suffix += 1
                    dependency.api_name = f"{base}_{suffix}"
                taken.add(dependency.api_name)
                root.dependencies.append(dependency)
        return self

    def __enter__(self) -> Blocks:
        super().__enter__()
        return self

    def add_child(self, child: Block) -> None:
        # After ``demo.route(...)`` what is created under ``with demo`` belongs to that page.
        if self.current_page is not None and child is not self.pages_block:
            self.current_page.add_child(child)
        else:
            super().add_child(child)

    def route(self, name: str, path: str | None = None, show_in_navbar: bool = True) -> Blocks:
        """Open a new page of this app, at ``/<path>`` (by default the name in lower case, dashes for spaces).

        Use it as Gradio does, outside the app's context: ``with demo.route("Settings"):``.
        """
        from .pages import add_page

        add_page(self, name, path, show_in_navbar)
        return self

    def load(self, fn: Any = "decorator", inputs: Any = None, outputs: Any = None, **kwargs: Any) -> Any:
        """Run ``fn`` when a visitor opens the app."""
        from .events import listen

        return listen(self, "load", fn, inputs, outputs, **kwargs)

    def clear(self) -> Blocks:
        """Forget every block and listener, as Gradio's ``with demo.clear():`` does to build the app anew."""
        for child in list(self.children):
            child.parent = None
        self.children = []
        self.dependencies = []
        self.pages_block = None
        self.current_page = None
        return self

    def unload(self, fn: Callable[[], Any]) -> Any:
        """Run ``fn`` (no inputs, no outputs) when a visitor's page closes, as Gradio's ``demo.unload``."""
        from .events import listen

        if not callable(fn):
            raise TypeError(f"demo.unload takes a function, got {fn!r}")
        return listen(self, "unload", fn, None, None, show_progress="hidden", api_name=False)

    def queue(
        self,
        status_update_rate: Any = "auto",
        api_open: bool | None = None,
        max_size: int | None = None,
        default_concurrency_limit: int | None = 1,
        **kwargs: Any,
    ) -> Blocks:
        self.queue_settings = {"max_size": max_size, "default_concurrency_limit": default_concurrency_limit}
        return self

    def launch(self, **kwargs: Any) -> Any:
        """Start serving the app (in the browser: hand it to the page).

        As in Gradio 6, ``css=``, ``head=``, ``css_paths=`` and ``head_paths=``
        may be given here; they add to the ones given to ``Blocks()``.
        """
        for name in ("css", "head"):
            extra = kwargs.pop(name, None)
            if extra:
                setattr(self, name, _joined(getattr(self, name), str(extra)))
        with_files(self, kwargs.pop("css_paths", None), kwargs.pop("head_paths", None))
        i18n = kwargs.get("i18n")
        if i18n is not None:
            self.i18n_translations = getattr(i18n, "translations_dict", None)
        self.attach_load_events()
        return launcher.launch(self, **kwargs)

    def attach_load_events(self) -> None:
        """Components whose value is a function get it evaluated on each page load.

        As in Gradio, each is an endpoint named after its function (``/random_choice``,
        ``/lambda_1``), with the component's ``inputs=`` as its inputs; it runs
        again when one of those inputs changes and, with ``every=``, on a
        timer's ticks, then without a progress overlay.
        """
        from .events import listen

        for block in walk(self):
            value_fn = getattr(block, "value_fn", None)
            if value_fn is not None and not getattr(block, "_load_attached", False):
                block._load_attached = True
                every = getattr(block, "every", None)
                inputs = getattr(block, "value_inputs", None)
                listed = [inputs] if isinstance(inputs, Block) else list(inputs or [])
                changes: list[tuple[Block, str]] = [(source, "change") for source in listed if hasattr(source, "change")]
                quiet = every is not None or bool(changes)
                dependency = listen(
                    self, "load", value_fn, inputs, block,
                    show_progress="hidden" if quiet else "full",
                    # Gradio's mode for a listener led by a change: a later change runs once the current run ends.
                    trigger_mode="always_last" if changes else None,
                )
                dependency.targets.extend(changes)
                if every is not None:
                    with self:
                        dependency.targets.append((self.timer_for(every), "tick"))

    def timer_for(self, every: Any) -> Block:
        """The Timer behind ``every=`` on this app's listeners: the one given, or a new one ticking every ``every`` seconds."""
        # Here rather than in ``events``: the app may import components, the listener layer may not.
        from .components.timer import timer_for

        return timer_for(every)

    def close(self, verbose: bool = True) -> None:
        launcher.close(self)

    def blocks_in_app(self) -> list[Block]:
        """Blocks in the layout plus any that listeners use without rendering them."""
        found = walk(self)
        seen = {block.id for block in found}
        for dependency in self.dependencies:
            for block in [*dependency.inputs, *dependency.outputs]:
                if block.id not in seen:
                    seen.add(block.id)
                    found.append(block)
        return found

    def _theme_config(self) -> ThemeConfig | None:
        if self.theme is None:
            return None  # the stock look, without importing the themes
        from .themes import theme_config

        return theme_config(self.theme)

    @staticmethod
    def component_config(block: Block, inputs: set[int], outputs: set[int]) -> ComponentConfig:
        """One entry of the config's ``components``; ``inputs``/``outputs`` are ids events read and write."""
        props = block.get_props()
        if "interactive" in props and props["interactive"] is None:
            # Gradio's rule: a component only ever written by events is a display.
            props["interactive"] = not (block.id in outputs and block.id not in inputs)
        return {"id": block.id, "type": block.TYPE, "props": props}

    def get_config(self) -> AppConfig:
        """The config the host renders from (see ``protocol``)."""
        blocks = self.blocks_in_app()
        inputs = {block.id for dep in self.dependencies for block in dep.inputs}
        outputs = {block.id for dep in self.dependencies for block in dep.outputs}
        components = [
            self.component_config(block, inputs, outputs) for block in blocks if block is not self and in_config(block)
        ]
        config: AppConfig = {
            "title": self.title,
            "root": self.id,
            "css": self.css,
            "theme": self._theme_config(),
            "components": components,
            "layout": layout_of(self),
            "dependencies": [dep.get_config(self) for dep in self.dependencies],
        }
        if self.i18n_translations:
            config["i18n_translations"] = self.i18n_translations
        return config
