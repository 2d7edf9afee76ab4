"""Layout blocks: Row, Column, Group, Tabs, Tab, Accordion, Sidebar, Walkthrough and Step, Draggable."""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from .tree import BlockContext
from .components.base import record_explicit_args
from .events import make_listener


class Layout(BlockContext):
    """A layout block; it may be an event's output, to change its props."""

    PROPS: ClassVar[tuple[str, ...]] = ()
    EVENTS: ClassVar[tuple[str, ...]] = ()
    # What events.py checks to take this block as an output (it cannot import this module).
    LAYOUT_OUTPUT: ClassVar[bool] = True
    SKIP_API = True

    _explicit_args: dict[str, Any]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for event in cls.EVENTS:
            if event not in cls.__dict__:
                setattr(cls, event, make_listener(event))
        init = cls.__dict__.get("__init__")
        if init is not None:
            cls.__init__ = record_explicit_args(init)  # type: ignore[method-assign]

    def explicit_props(self) -> dict[str, Any]:
        """The constructor arguments given explicitly: what a returned instance updates."""
        return {name: value for name, value in self._explicit_args.items() if name not in ("render", "key")}

    def get_props(self) -> dict[str, Any]:
        props = super().get_props()
        for name in self.PROPS:
            props[name] = getattr(self, name)
        return props


class Row(Layout):
    """Children side by side; they wrap when the page is narrow."""

    TYPE = "row"
    PROPS = ("variant", "equal_height", "height", "show_progress")

    def __init__(
        self,
        *,
        variant: Literal["default", "panel", "compact"] = "default",
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        equal_height: bool = False,
        height: int | str | None = None,
        show_progress: bool = False,
        key: int | str | None = None,
    ) -> None:
        self.variant = variant
        self.equal_height = equal_height
        self.height = height
        self.show_progress = show_progress
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)


class Column(Layout):
    """Children stacked; ``scale`` and ``min_width`` size it inside a Row."""

    TYPE = "column"
    PROPS = ("scale", "min_width", "variant", "show_progress")

    def __init__(
        self,
        scale: int = 1,
        min_width: int = 320,
        *,
        variant: Literal["default", "panel", "compact"] = "default",
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        show_progress: bool = False,
        key: int | str | None = None,
    ) -> None:
        self.scale = scale
        self.min_width = min_width
        self.variant = variant
        self.show_progress = show_progress
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)


class Group(Layout):
    """Children joined with no gap between them."""

    TYPE = "group"


class Tabs(Layout):
    """A set of ``Tab`` children, one shown at a time."""

    TYPE = "tabs"
    PROPS = ("selected",)
    EVENTS = ("change", "select")
    # True for the Tabs a bare Tab made (see Tab): the next bare Tab joins it.
    implicit = False

    def __init__(
        self,
        *,
        selected: int | str | None = None,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: int | str | None = None,
        preserved_by_key: Any = None,
    ) -> None:
        self.selected = selected
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)


class Tab(Layout):
    """One page of a ``Tabs``; opening a Tab outside Tabs makes the Tabs for it."""

    TYPE = "tab"
    PROPS: ClassVar[tuple[str, ...]] = ("label", "id", "interactive", "render_children", "scale")
    EVENTS = ("select",)

    def __init__(
        self,
        label: str | None = None,
        visible: bool = True,
        interactive: bool = True,
        *,
        id: int | str | None = None,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: int | str | None = None,
        preserved_by_key: Any = None,
        scale: int | None = None,
        render_children: bool = False,
    ) -> None:
        from .tree import current_context

        # As in Gradio, the tab's panel grows by `scale` in a Tabs that is given room (fill_height).
        self.scale = scale
        self.label = label
        # As in Gradio, a tab's children are put on the page when it is first shown, unless this is set.
        self.render_children = render_children
        self.interactive = interactive
        self._tab_id = id
        context = current_context()
        if render and context is not None and not isinstance(context, Tabs):
            # Gradio groups consecutive Tabs in one implicit Tabs block.
            previous = context.children[-1] if context.children else None
            tabs = previous if isinstance(previous, Tabs) and previous.implicit else None
            if tabs is None:
                tabs = Tabs()
                tabs.implicit = True
            self._implicit_parent: Tabs | None = tabs
        else:
            self._implicit_parent = None
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=False, key=key)
        if render:
            if self._implicit_parent is not None:
                self._implicit_parent.add_child(self)
            else:
                self.render()

    def get_props(self) -> dict[str, Any]:
        props = super().get_props()
        props["id"] = self._tab_id
        return props


TabItem = Tab


class Accordion(Layout):
    """A collapsible section with a label."""

    TYPE = "accordion"
    PROPS = ("label", "open")
    EVENTS = ("expand", "collapse")

    def __init__(
        self,
        label: str | None = None,
        *,
        open: bool = True,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: int | str | None = None,
    ) -> None:
        self.label = label
        self.open = open
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)


class Sidebar(Layout):
    """A panel at the side of the page that a toggle button opens and closes."""

    TYPE = "sidebar"
    PROPS = ("label", "open", "width", "position")
    EVENTS = ("expand", "collapse")

    def __init__(
        self,
        label: str | None = None,
        *,
        open: bool = True,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        width: int | str = 320,
        position: Literal["left", "right"] = "left",
        key: int | str | None = None,
        preserved_by_key: Any = None,
    ) -> None:
        if position not in ("left", "right"):
            raise ValueError(f"Sidebar position must be 'left' or 'right', got {position!r}")
        self.label = label
        self.open = open
        self.width = width
        self.position = position
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)


class Walkthrough(Tabs):
    """A stepper over ``Step`` children: Tabs drawn as numbered steps, one shown at a time.

    ``selected`` names a step's ``id``; ``gr.Walkthrough(selected=2)`` returned by an event moves there.
    """

    TYPE = "walkthrough"


class Step(Tab):
    """One step of a ``Walkthrough``; ``id`` is what ``Walkthrough(selected=...)`` names."""

    # Gradio's config name for a Step.
    TYPE = "walkthroughstep"
    PROPS = ("label", "id", "interactive", "scale")

    def __init__(
        self,
        label: str | None = None,
        visible: bool = True,
        interactive: bool = True,
        *,
        id: int | None = None,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        scale: int | None = None,
        render: bool = True,
        key: int | str | None = None,
        preserved_by_key: Any = None,
    ) -> None:
        self.scale = scale
        super().__init__(label, visible, interactive, id=id, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)


class Draggable(Layout):
    """Children in a row or a column that a person reorders by dragging (only what is shown moves: no event, no value)."""

    TYPE = "draggable"
    PROPS = ("orientation",)

    def __init__(
        self,
        *,
        orientation: Literal["row", "column"] = "column",
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: int | str | None = None,
        preserved_by_key: Any = None,
    ) -> None:
        if orientation not in ("row", "column"):
            raise ValueError(f"Draggable orientation must be 'row' or 'column', got {orientation!r}")
        self.orientation = orientation
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)
