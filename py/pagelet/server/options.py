"""The launch options a server honours, checked once and named as Gradio names them."""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..files import parse_size

AuthCheck = Callable[[str, str], bool]

# Gradio's default for ``max_threads``: threads for blocking functions, and events running at once.
DEFAULT_MAX_THREADS = 40

# Gradio 6's launch() options that this server accepts and does not act on, with
# Gradio's defaults: given another value, one warning names them all.
NOT_ACTED_ON: dict[str, Any] = {
    "share": None, "inline": None, "height": 500, "width": "100%", "favicon_path": None,
    "ssl_keyfile": None, "ssl_certfile": None, "ssl_keyfile_password": None, "ssl_verify": True,
    "footer_links": None, "run_history": None, "app_kwargs": None, "state_session_capacity": 10000,
    "share_server_address": None, "share_server_protocol": None, "share_server_tls_certificate": None,
    "auth_dependency": None, "enable_monitoring": None, "strict_cors": True, "node_server_name": None,
    "node_port": None, "ssr_mode": None, "pwa": None, "num_workers": None,
    "i18n": None, "theme": None, "css": None, "css_paths": None, "js": None, "head": None, "head_paths": None,
}


def warn_not_acted_on(options: dict[str, Any]) -> None:
    """One warning naming the launch() options given that this server does not act on."""
    if options.get("share") is None and _env_flag("GRADIO_SHARE"):
        options = {**options, "share": True}  # GRADIO_SHARE=True asks for what share=True asks
    ignored = sorted(name for name, value in options.items() if name not in NOT_ACTED_ON or value != NOT_ACTED_ON[name])
    if not ignored:
        return
    message = f"Pagelet's server does not act on these launch() options, so they have no effect: {', '.join(ignored)}."
    if "share" in ignored:
        message += " No share link is made: the app is served on its local URL only."
    warnings.warn(message, UserWarning, stacklevel=_callers_level())


def _callers_level() -> int:
    """The stack level of the first frame outside Pagelet: the app's launch() line."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    frame, level = sys._getframe(1), 1
    while frame is not None and os.path.abspath(frame.f_code.co_filename).startswith(package + os.sep):
        frame, level = frame.f_back, level + 1  # type: ignore[assignment]
    return level


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


def _resolved(paths: Sequence[Any] | None) -> list[Path]:
    """The paths, resolved; a nested list counts as its items (``allowed_paths=[gr.media.MEDIA_PATHS]``, as Gradio takes)."""
    found: list[Path] = []
    for path in paths or []:
        found.extend(_resolved(path) if isinstance(path, (list, tuple)) else [Path(path).resolve()])
    return found


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
    max_threads: int = DEFAULT_MAX_THREADS
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
        max_threads: int = DEFAULT_MAX_THREADS,
        debug: bool = False,  # launch() keeps the main thread anyway, as debug=True asks
        mcp_server: bool | None = None,
        **not_acted_on: Any,
    ) -> ServerOptions:
        warn_not_acted_on(not_acted_on)
        if not isinstance(max_threads, int) or isinstance(max_threads, bool) or max_threads < 1:
            raise ValueError(f"max_threads must be a whole number of at least 1, got {max_threads!r}")
        return cls(
            auth=auth_check(auth),
            auth_message=auth_message,
            allowed_paths=_resolved(allowed_paths),
            blocked_paths=_resolved(blocked_paths),
            max_file_size=parse_size(max_file_size),
            root_path=(root_path if root_path is not None else os.environ.get("GRADIO_ROOT_PATH", "")).rstrip("/"),
            show_error=show_error,
            max_threads=max_threads,
            mcp_server=mcp_server if mcp_server is not None else _env_flag("GRADIO_MCP_SERVER"),
        )
