"""``gr.Request``: who is calling, for a parameter annotated ``request: gr.Request``.

In the browser there are no HTTP headers: ``headers`` is empty and only
``session_hash`` (one per page visit) identifies the visitor.
"""

from __future__ import annotations

import contextvars
from typing import Any


class Request:
    """The request behind an event, as far as this runtime knows it."""

    def __init__(self, session_hash: str | None = None, headers: dict[str, str] | None = None, **extra: Any) -> None:
        self.session_hash = session_hash
        self.headers: dict[str, str] = dict(headers or {})
        self.query_params: dict[str, str] = dict(extra.get("query_params") or {})
        self.path_params: dict[str, str] = {}
        self.cookies: dict[str, str] = {}
        self.client = extra.get("client")
        self.username: str | None = extra.get("username")

    def __getattr__(self, name: str) -> Any:
        # Gradio's Request forwards unknown names to Starlette's; here they are simply absent.
        raise AttributeError(f"gr.Request has no {name!r} in this runtime")

    def __repr__(self) -> str:
        return f"<gr.Request session_hash={self.session_hash!r}>"


# The session the running event belongs to (set by the session for each run): what
# per-session features (``gr.cache(per_session=True)``) key on without a gr.Request.
current_session_hash: contextvars.ContextVar[str | None] = contextvars.ContextVar("current_session_hash", default=None)
