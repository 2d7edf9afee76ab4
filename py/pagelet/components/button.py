"""Button and ClearButton."""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from .base import Component


class Button(Component):
    # As in Gradio's config: a button written by an event is left out of API answers (its value is its text).
    SKIP_API = True
    TYPE = "button"
    API_SCHEMA = {"type": "string"}
    EVENTS = ("click", "change")
    PROPS: ClassVar[tuple[str, ...]] = ("variant", "size", "icon", "link", "link_target")

    def __init__(
        self,
        value: str | Any = "Run",
        *,
        variant: Literal["primary", "secondary", "stop", "huggingface"] = "secondary",
        size: Literal["sm", "md", "lg"] = "lg",
        icon: str | None = None,
        link: str | None = None,
        link_target: Literal["_self", "_blank", "_parent", "_top"] = "_self",
        **kwargs: Any,
    ) -> None:
        self.link_target = link_target
        self.variant = variant
        self.size = size
        self.icon = icon
        self.link = link
        super().__init__(value, **kwargs)

    def get_props(self) -> dict[str, Any]:
        props = super().get_props()
        # A button is a control unless the app says otherwise.
        if props["interactive"] is None:
            props["interactive"] = True
        return props

    def preprocess(self, payload: Any) -> str | None:
        return None if payload is None else str(payload)

    def postprocess(self, value: Any) -> str | None:
        return None if value is None else str(value)


class ClearButton(Button):
    """A button that resets the given components to their empty values."""

    def __init__(self, components: Any = None, value: str = "Clear", *, variant: Literal["primary", "secondary", "stop", "huggingface"] = "secondary", **kwargs: Any) -> None:
        super().__init__(value, variant=variant, **kwargs)
        self.cleared: list[Component] = []
        if components is not None:
            self.add(components)

    def add(self, components: Any) -> ClearButton:
        """Also reset ``components`` when clicked."""
        from ..events import listen

        items = components if isinstance(components, (list, tuple, set)) else [components]
        added = [component for component in items if isinstance(component, Component)]
        self.cleared.extend(added)
        listen(
            self,
            "click",
            lambda: [getattr(component, "CLEARED_VALUE", None) for component in added]
            if len(added) != 1
            else getattr(added[0], "CLEARED_VALUE", None),
            inputs=None,
            outputs=added,
            api_name=False,
            show_progress="hidden",
            queue=False,
        )
        return self
