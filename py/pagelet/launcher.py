"""Where ``launch()`` goes: a registry the runtime hosting this process fills.

The browser bridge registers a launcher that hands the app to the page. On
CPython the server adapter registers itself through the ``pagelet.launchers``
entry point (``pyproject.toml``), which is looked up on the first ``launch()``
when no launcher is set. The core never imports a launcher: the server's
Starlette and uvicorn stay out of reach of the modules the browser runs.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from .blocks import Blocks

# The entry point group a runtime's launcher is registered under; its objects are launcher factories.
ENTRY_POINT_GROUP = "pagelet.launchers"


class Launcher(Protocol):
    def launch(self, app: Blocks, **options: Any) -> Any: ...

    def close(self, app: Blocks) -> None: ...


_launcher: Launcher | None = None


def set_launcher(launcher: Launcher | None) -> None:
    """Install the runtime's launcher (``None`` removes it; the next launch looks again)."""
    global _launcher
    _launcher = launcher


def current_launcher() -> Launcher | None:
    """The installed launcher, else the one registered under the entry point (installed then)."""
    global _launcher
    if _launcher is None:
        _launcher = _registered_launcher()
    return _launcher


def _registered_launcher() -> Launcher | None:
    # In the browser the bridge has installed its launcher before any app runs; nothing to look up.
    if sys.platform == "emscripten":
        return None
    from importlib.metadata import entry_points

    # Sorted, so that two registered runtimes give the same answer every time.
    for entry in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda entry: entry.name):
        try:
            factory = entry.load()
        except ImportError as exc:  # the package is there, its extra's dependencies are not
            raise RuntimeError(f"The {entry.name} launcher cannot load ({exc}): pip install 'pagelet[server]'.") from exc
        launcher: Launcher = factory()
        return launcher
    return None


def launch(app: Blocks, **options: Any) -> Any:
    launcher = current_launcher()
    if launcher is None:
        raise RuntimeError(
            "No runtime is available to launch this app. In the browser, run it inside "
            "<gradio-lite>; on CPython install the server adapter: pip install 'pagelet[server]'."
        )
    return launcher.launch(app, **options)


def close(app: Blocks) -> None:
    if _launcher is not None:
        _launcher.close(app)


def mount_gradio_app(app: Any, blocks: Blocks, path: str, **options: Any) -> Any:
    """Serve ``blocks`` under ``path`` of an existing Starlette or FastAPI ``app``; returns ``app``."""
    # Only the server's launcher has ``mount``: the page's cannot serve inside another app.
    mount = getattr(current_launcher(), "mount", None)
    if mount is None:
        raise RuntimeError("mount_gradio_app needs the CPython server adapter: pip install 'pagelet[server]'.")
    return mount(app, blocks, path, **options)
