"""Navbar: how a multipage app's navigation bar looks (it draws nothing where it is placed)."""

from __future__ import annotations

from typing import Any, Literal

from .base import Component


class Navbar(Component):
    """``value`` adds links ``(label, url)`` after the pages; ``main_page_name`` renames "Home" (False hides it)."""

    TYPE = "navbar"
    EVENTS = ("change",)
    PROPS = ("main_page_name",)

    def __init__(
        self,
        value: list[tuple[str, str]] | None = None,
        *,
        visible: bool = True,
        main_page_name: str | Literal[False] = "Home",
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: int | str | None = None,
    ) -> None:
        self.main_page_name = main_page_name
        super().__init__(value, visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)

    def postprocess(self, value: Any) -> list[list[str]] | None:
        if value is None:
            return None
        try:
            links = [[str(label), str(url)] for label, url in value]
        except (TypeError, ValueError):
            raise ValueError(f"Navbar value must be a list of (label, url) pairs, got {value!r}") from None
        return links

    def preprocess(self, payload: Any) -> Any:
        # Gradio hands the links over as they came: lists of two strings.
        return payload
