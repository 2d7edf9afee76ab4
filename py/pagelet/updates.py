"""``gr.update(...)``: change a component's props (and value) from a function."""

from __future__ import annotations

from typing import Any

UPDATE_MARKER = "__type__"


def update(**props: Any) -> dict[str, Any]:
    """Return from a function to change props: ``gr.update(visible=False)``.

    ``value=`` replaces the value; any other keyword is a constructor argument
    of the target component (``label``, ``choices``, ``interactive`` ...).
    """
    return {UPDATE_MARKER: "update", **props}


def skip() -> dict[str, Any]:
    """Return from a function to leave an output as it is (Gradio's ``gr.skip()``): an update that changes nothing."""
    return update()


def is_update(value: Any) -> bool:
    return isinstance(value, dict) and value.get(UPDATE_MARKER) == "update"
