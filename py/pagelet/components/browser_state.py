"""BrowserState: a value kept in the visitor's browser (localStorage), across reloads.

The host stores the value under ``storage_key`` whenever it changes and reads
it back when the page loads; the app's functions see it like any input.
Gradio encrypts the stored text with ``secret``; Pagelet's host does too
(AES-GCM with a key derived from the secret), so another app on the same
origin cannot read it without the secret. Both default to random strings, as
in Gradio: then on a server the value lasts only until the app is restarted.
In the browser the app starts again on every page load, so random defaults
would lose the value on each reload; there the defaults are fixed per
component instead (``browserstate-<id>``), and the value survives reloads.
"""

from __future__ import annotations

import json
import secrets
import string
import sys
from typing import Any

from .base import Component


def _random_text() -> str:
    return "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(16))


class BrowserState(Component):
    TYPE = "browserstate"
    EVENTS = ("change",)
    PROPS = ("default_value", "storage_key", "secret")

    def __init__(self, default_value: Any = None, *, storage_key: str | None = None, secret: str | None = None, render: bool = True) -> None:
        self.default_value = _plain(default_value)
        super().__init__(None, render=render, visible=True)
        in_browser = sys.platform == "emscripten"
        self.storage_key = storage_key or (f"browserstate-{self.id}" if in_browser else _random_text())
        self.secret = secret or (self.storage_key if in_browser else _random_text())

    def preprocess(self, payload: Any) -> Any:
        return self.default_value if payload is None else payload

    def postprocess(self, value: Any) -> Any:
        return _plain(value)


def _plain(value: Any) -> Any:
    """A JSON value: what localStorage can keep. Pydantic models are dumped, as Gradio does."""
    if hasattr(value, "model_dump"):
        value = value.model_dump()
    try:
        json.dumps(value)
    except (TypeError, ValueError) as error:
        raise TypeError(f"BrowserState keeps JSON values; {type(value).__name__} is not one: {error}") from None
    return value
