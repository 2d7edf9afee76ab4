"""``@gr.render``: part of the layout rebuilt by a function when its inputs change.

The decorated function runs inside an invisible column; whatever components
and listeners it creates become that column's content. As in Gradio, it
first runs when a page loads, with the inputs' values on that page (so it
may use components defined after it), not when it is defined; the config
carries the empty column. On each run the
previous content is replaced, its listeners retired (their ids stay taken so
that every other dependency keeps its id), and a ``render`` message tells the
host the new subtree. Components created with the same ``key`` as in the
previous run keep their id, so the page keeps what the person entered in them.

The rebuilt layout belongs to the app, not to a session: fine in the browser
(one visitor per app), a limitation for a shared server.
"""

from __future__ import annotations

import contextvars
import inspect
from collections.abc import Callable
from typing import Any

from .blocks import Block, BlockContext, Blocks, current_root, layout_of, walk
from .tree import in_config
from .events import Dependency, _as_component_list, _register, targets_of
from .protocol import RenderedSubtree

RenderSink = Callable[[RenderedSubtree, list[Block]], None]

# The session running the current event installs its sink (see Session).
current_sink: contextvars.ContextVar[RenderSink | None] = contextvars.ContextVar("pagelet_render_sink", default=None)


class RenderColumn(BlockContext):
    """The invisible column a ``@gr.render`` function fills."""

    TYPE = "column"
    SKIP_API = True

    def get_props(self) -> dict[str, Any]:
        return {**super().get_props(), "scale": None, "min_width": 0, "variant": "default", "render_block": True}


class Renderable:
    """One ``@gr.render`` function, its column, and what its last run created."""

    def __init__(self, root: Blocks, fn: Callable[..., Any], inputs: list[Any]) -> None:
        if inspect.iscoroutinefunction(fn) or inspect.isgeneratorfunction(fn) or inspect.isasyncgenfunction(fn):
            raise TypeError("A @gr.render function must be a plain function that builds components")
        self.root = root
        self.fn = fn
        self.inputs = inputs
        self.column = RenderColumn()
        self.dependencies: list[Dependency] = []
        self.keyed: dict[Any, int] = {}
        self.new_blocks: list[Block] = []

    def build(self, *values: Any) -> RenderedSubtree:
        """Run the function into a fresh column; return the column's part of the config."""
        for child in list(self.column.children):
            child.unrender()
        retired = [self.root.dependencies.index(dep) for dep in self.dependencies if dep in self.root.dependencies]
        for dependency in self.dependencies:
            dependency.targets = []
            dependency.trigger_after = None
        created_from = len(self.root.dependencies)
        with self.root, self.column:
            self.fn(*values)
        self.dependencies = self.root.dependencies[created_from:]
        blocks = [block for block in walk(self.column)[1:] if in_config(block)]
        for block in blocks:
            if block.key is not None and block.key in self.keyed:
                block.id = self.keyed[block.key]
        self.keyed = {block.key: block.id for block in blocks if block.key is not None}
        inputs = {block.id for dep in self.root.dependencies for block in dep.inputs}
        outputs = {block.id for dep in self.root.dependencies for block in dep.outputs}
        used = {block.id: block for dep in self.dependencies for block in [*dep.inputs, *dep.outputs]}
        extra = [block for block_id, block in used.items() if block_id not in {b.id for b in blocks}]
        self.new_blocks = blocks + [block for block in extra if block.parent is None]
        return {
            "id": self.column.id,
            "components": [Blocks.component_config(block, inputs, outputs) for block in self.new_blocks],
            "layout": layout_of(self.column),
            "dependencies": [dep.get_config(self.root) for dep in self.dependencies],
            "retired": retired,
        }

    def rerender(self, *values: Any) -> None:
        subtree = self.build(*values)
        sink = current_sink.get()
        if sink is not None:
            sink(subtree, self.new_blocks)


def render(
    inputs: Any = None,
    triggers: Any = None,
    *,
    queue: bool = True,
    trigger_mode: str | None = "always_last",
    concurrency_limit: int | None | str = None,
    **kwargs: Any,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorator: build the function's components whenever ``triggers`` fire
    (by default, when a page loads and when any input changes)."""
    root = current_root()
    if root is None:
        raise RuntimeError("@gr.render must be used inside a gr.Blocks() context")
    input_list, _ = _as_component_list(inputs, "inputs")

    def decorator(fn: Callable[..., Any]) -> Callable[..., Any]:
        renderable = Renderable(root, fn, input_list)
        if triggers is None:
            targets = [(root, "load"), *[(component, "change") for component in input_list if hasattr(component, "change")]]
        else:
            targets = targets_of(triggers, input_list)
        _register(
            root, targets, renderable.rerender, input_list, [], api_name=False, show_progress="hidden",
            queue=queue, trigger_mode=trigger_mode, concurrency_limit=concurrency_limit,
        )
        return fn

    return decorator
