"""The layout tree: blocks and the ``with`` contexts that nest them.

A block created inside a ``with`` context joins that context's children. A
block created outside any context stays unrendered until ``.render()`` puts it
into the current one (this is how ``Interface`` places components built from
string shortcuts). The lowest layer of the core: listeners (``events``),
components and the app (``blocks.Blocks``) all build on it, so it imports none of them.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any, ClassVar, Self

if TYPE_CHECKING:
    # Types only: the browser's core wheel leaves protocol_types out (scripts/build_assets.py).
    from .protocol_types import LayoutNode

_ids = itertools.count(1)

# The stack of open ``with`` contexts; the first entry is the root Blocks.
_context_stack: list[BlockContext] = []


def current_context() -> BlockContext | None:
    return _context_stack[-1] if _context_stack else None


def current_root() -> Any:
    """The outermost open ``Blocks`` (or None): where event listeners are registered."""
    for context in _context_stack:
        if context.IS_APP:
            return context
    return None


class Block:
    """Anything with a place in the layout tree."""

    # The type name the JS host keys its renderer registry with.
    TYPE: ClassVar[str] = "block"
    # True for ``Blocks``, the app: this layer finds the root without importing the class.
    IS_APP: ClassVar[bool] = False
    # True for blocks that carry no value in the API (Gradio's ``skip_api``): layouts, State.
    SKIP_API: ClassVar[bool] = False
    # Whether attach_load_events already made this block's value function a load listener.
    _load_attached = False

    def __init__(
        self,
        *,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: int | str | None = None,
    ) -> None:
        self.id: int = next(_ids)
        self.visible = visible
        self.elem_id = elem_id
        self.elem_classes = [elem_classes] if isinstance(elem_classes, str) else list(elem_classes or [])
        self.key = key
        self.parent: BlockContext | None = None
        if render:
            self.render()

    def render(self) -> Self:
        """Place this block in the innermost open context (no-op outside one)."""
        context = current_context()
        if context is not None and self.parent is not context:
            context.add_child(self)
        return self

    def unrender(self) -> Self:
        if self.parent is not None:
            self.parent.children.remove(self)
            self.parent = None
        return self

    def get_props(self) -> dict[str, Any]:
        """Props sent to the host; subclasses extend."""
        return {"visible": self.visible, "elem_id": self.elem_id, "elem_classes": self.elem_classes}

    def __repr__(self) -> str:
        return f"<{type(self).__name__} id={self.id}>"


class BlockContext(Block):
    """A block that holds children: layouts and ``Blocks`` itself."""

    def __init__(self, **kwargs: Any) -> None:
        self.children: list[Block] = []
        super().__init__(**kwargs)

    def add_child(self, child: Block) -> None:
        if child.parent is not None:
            child.parent.children.remove(child)
        child.parent = self
        self.children.append(child)

    def __enter__(self) -> Any:
        _context_stack.append(self)
        return self

    def __exit__(self, *exc_info: object) -> None:
        _context_stack.remove(self)


def walk(block: Block) -> list[Block]:
    """Every block under ``block`` (itself included), depth first."""
    found = [block]
    if isinstance(block, BlockContext):
        for child in block.children:
            found.extend(walk(child))
    return found


def in_config(block: Block) -> bool:
    """Whether ``block`` has an entry of its own in the config.

    A ``Blocks`` rendered inside another (``iface.render()``, ``TabbedInterface``)
    has none: as in Gradio, its children stand in its place in the parent.
    """
    return not (block.IS_APP and block.parent is not None)


def layout_of(block: Block) -> LayoutNode:
    node: LayoutNode = {"id": block.id}
    if isinstance(block, BlockContext):
        children: list[LayoutNode] = []
        for child in block.children:
            child_node = layout_of(child)
            children.extend(child_node.get("children", []) if not in_config(child) else [child_node])
        node["children"] = children
    return node
