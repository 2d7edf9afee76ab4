"""Gradio 6's validators: ``btn.click(fn, inputs, outputs, validator=check)``.

The validator is called with the same inputs as ``fn`` and returns
``gr.validate(is_valid, message)`` for each input (a list), one of them, or
``None`` (all valid). When any is invalid, ``fn`` does not run: each input
shows its own message (its ``validation_error`` prop) and the run ends.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

VALIDATE_TYPE = "validate"


def validate(is_valid: bool, message: str) -> dict[str, Any]:
    """One input's verdict, as Gradio's ``gr.validate``: the message shows under the input when not valid."""
    return {"__type__": VALIDATE_TYPE, "is_valid": bool(is_valid), "message": str(message)}


class ValidationFailed(Exception):
    """At least one input was refused by the listener's validator."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


def verdicts(result: Any, input_ids: Sequence[int]) -> dict[int, str | None]:
    """Each input's message (``None``: valid) from what a validator returned, by input id.

    Raises ``TypeError`` for a result that is not ``gr.validate(...)``, a list of them, or None.
    """
    if result is None:
        return {input_id: None for input_id in input_ids}
    items = list(result) if isinstance(result, (list, tuple)) else [result]
    found: dict[int, str | None] = {}
    for input_id, item in zip(input_ids, items):
        if item is None:
            found[input_id] = None
            continue
        if not isinstance(item, dict) or item.get("__type__") != VALIDATE_TYPE:
            raise TypeError(f"A validator returns gr.validate(is_valid, message) for each input, got {item!r}")
        found[input_id] = None if item.get("is_valid") else str(item.get("message", ""))
    return found
