"""Optional libraries (numpy, PIL, pandas): imported only when an app uses them.

A component that converts uploads to one of them names it in
``optional_packages()``; one that may have to encode what a function returns
names what that takes in ``output_packages()``.
In the browser the worker bridge loads the missing ones once the app is on
the page; when one cannot be loaded, ``mark_unavailable`` records why, and
every conversion that needs it raises ``gr.Error`` with that reason instead
of an ``ImportError``, so the rest of the app keeps working.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Iterable
from types import ModuleType
from typing import TYPE_CHECKING, Any

from .alerts import Error

if TYPE_CHECKING:
    from .blocks import Blocks

# Import name -> the package name a person would install.
PACKAGE_NAMES = {"numpy": "numpy", "PIL": "pillow", "pandas": "pandas", "matplotlib": "matplotlib"}

_unavailable: dict[str, str] = {}


def wanted_by(app: Blocks) -> list[str]:
    """The optional modules the app's events will convert with, in a stable order.

    Only inputs convert uploads: an output-only ``gr.Audio()`` needs no numpy.
    """
    wanted: list[str] = []
    for dependency in app.dependencies:
        names = [name for block in dependency.inputs for name in getattr(block, "optional_packages", tuple)()]
        names += [name for block in dependency.outputs for name in getattr(block, "output_packages", tuple)()]
        wanted += [name for name in names if name not in wanted]
    return wanted


def importable(name: str) -> bool:
    importlib.invalidate_caches()
    return importlib.util.find_spec(name) is not None


def missing(names: Iterable[str]) -> list[str]:
    return [name for name in names if not importable(name)]


def mark_unavailable(name: str, reason: str) -> None:
    _unavailable[name] = reason


def unavailable_message(name: str) -> str:
    package = PACKAGE_NAMES.get(name, name)
    reason = _unavailable.get(name)
    if reason:
        return f"Could not load {package}: {reason}"
    return f"This needs {package}, which is not installed."


def require(name: str) -> ModuleType:
    """Import ``name``, or raise ``gr.Error`` saying why it is not there."""
    try:
        return importlib.import_module(name)
    except ImportError:
        # "PIL.Image" is missing because "PIL" is: name the package a person knows.
        raise Error(unavailable_message(name.split(".")[0]), title="Package not loaded") from None


def loaded(name: str) -> Any:
    """The module if the app has already imported it (so a value may be one of its types), else None."""
    import sys

    return sys.modules.get(name)
