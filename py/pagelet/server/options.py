"""The launch options a server honours, checked once and named as Gradio names them."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..files import parse_size

AuthCheck = Callable[[str, str], bool]


def auth_check(auth: Any) -> AuthCheck | None:
    """One ``check(username, password)`` from Gradio's forms: a pair, a list of pairs, a callable."""
    if auth is None:
        return None
    if callable(auth):
        return lambda username, password: bool(auth(username, password))
    pairs = [auth] if isinstance(auth, tuple) else list(auth)
    credentials: dict[str, str] = {}
    for pair in pairs:
        if not (isinstance(pair, (tuple, list)) and len(pair) == 2 and all(isinstance(item, str) for item in pair)):
            raise ValueError("auth must be a (username, password) pair, a list of pairs, or a function")
        credentials[pair[0]] = pair[1]
    import hmac

    def check(username: str, password: str) -> bool:
        expected = credentials.get(username)
        # Compare even for unknown names, so timing does not tell which names exist.
        return hmac.compare_digest((expected or "\0").encode(), password.encode()) and expected is not None

    return check


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes")


def _resolved(paths: Sequence[str | os.PathLike[str]] | None) -> list[Path]:
    return [Path(path).resolve() for path in (paths or [])]


@dataclass
class ServerOptions:
    """What the Starlette app needs to know; built by ``launch()`` or ``mount_gradio_app``."""

    auth: AuthCheck | None = None
    auth_message: str | None = None
    allowed_paths: list[Path] = field(default_factory=list)
    blocked_paths: list[Path] = field(default_factory=list)
    max_file_size: int | None = None
    root_path: str = ""
    show_error: bool = False
    # Serve the app's endpoints as MCP tools under /gradio_api/mcp/ (needs the ``mcp`` extra).
    mcp_server: bool = False

    @classmethod
    def from_launch(
        cls,
        auth: Any = None,
        auth_message: str | None = None,
        allowed_paths: Sequence[str] | None = None,
        blocked_paths: Sequence[str] | None = None,
        max_file_size: int | str | None = None,
        root_path: str | None = None,
        show_error: bool = False,
        mcp_server: bool | None = None,
        **_ignored: Any,
    ) -> ServerOptions:
        return cls(
            auth=auth_check(auth),
            auth_message=auth_message,
            allowed_paths=_resolved(allowed_paths),
            blocked_paths=_resolved(blocked_paths),
            max_file_size=parse_size(max_file_size),
            root_path=(root_path if root_path is not None else os.environ.get("GRADIO_ROOT_PATH", "")).rstrip("/"),
            show_error=show_error,
            mcp_server=mcp_server if mcp_server is not None else _env_flag("GRADIO_MCP_SERVER"),
        )
