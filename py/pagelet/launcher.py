"""Where ``launch()`` goes: the runtime that hosts this process decides.

The browser bridge installs a launcher that hands the app to the page; on
CPython the server adapter is the launcher. The core itself never serves.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from .blocks import Blocks


class Launcher(Protocol):
    def launch(self, app: Blocks, **options: Any) -> Any: ...

    def close(self, app: Blocks) -> None: ...


_launcher: Launcher | None = None


def set_launcher(launcher: Launcher | None) -> None:
    """Install the runtime's launcher (``None`` removes it)."""
    global _launcher
    _launcher = launcher


def _default_launcher() -> Launcher | None:
    """On CPython, the server adapter; imported only now, so the core stays light."""
    if sys.platform == "emscripten":
        return None
    from .server import ServerLauncher

    return ServerLauncher()


def launch(app: Blocks, **options: Any) -> Any:
    global _launcher
    if _launcher is None:
        _launcher = _default_launcher()
    if _launcher is None:
        raise RuntimeError(
            "No runtime is available to launch this app. In the browser, run it inside "
            "<gradio-lite>; on CPython a server adapter must be installed as the launcher."
        )
    return _launcher.launch(app, **options)


def close(app: Blocks) -> None:
    if _launcher is not None:
        _launcher.close(app)


def mount_gradio_app(app: Any, blocks: Blocks, path: str, **options: Any) -> Any:
    """Serve ``blocks`` under ``path`` of an existing Starlette or FastAPI ``app``; returns ``app``."""
    from .server import mount_gradio_app as mount

    return mount(app, blocks, path, **options)
