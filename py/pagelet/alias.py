"""Make ``import gradio`` (and ``gradio.x.y``) give Pagelet's modules.

``transformers_js_py`` (and its older name ``transformers_js``), which Gradio
Lite pages import to run transformers.js, give ``pagelet.transformers``.

Installed by the browser bridge and the ``pagelet run`` command, never on
import of ``pagelet`` itself: a CPython process with real Gradio installed
keeps it unless it asks for the alias.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
from importlib.machinery import ModuleSpec
from types import ModuleType

ALIAS = "gradio"
TARGET = "pagelet"
# Other packages whose API Pagelet provides, by import name.
PROVIDED = {"transformers_js_py": "pagelet.transformers", "transformers_js": "pagelet.transformers"}


class _AliasLoader(importlib.abc.Loader):
    def __init__(self, target: str) -> None:
        self._target = target

    def create_module(self, spec: ModuleSpec) -> ModuleType:
        return importlib.import_module(self._target)

    def exec_module(self, module: ModuleType) -> None:
        # The target module is already executed; nothing more to run.
        return None


class _AliasFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname: str, path: object = None, target: object = None) -> ModuleSpec | None:
        if fullname in PROVIDED:
            return importlib.util.spec_from_loader(fullname, _AliasLoader(PROVIDED[fullname]))
        if fullname != ALIAS and not fullname.startswith(ALIAS + "."):
            return None
        real_name = TARGET + fullname[len(ALIAS):]
        if importlib.util.find_spec(real_name) is None:
            real_name = _renamed(real_name) or ""
            if not real_name:
                return None
        return importlib.util.spec_from_loader(fullname, _AliasLoader(real_name))


def _renamed(real_name: str) -> str | None:
    """``pagelet.components.textbox`` -> ``pagelet.components.text``: Gradio's module names for component modules."""
    package, _, module = real_name.rpartition(".")
    if package != f"{TARGET}.components":
        return None
    from .components import GRADIO_MODULES

    target = GRADIO_MODULES.get(module)
    return f"{package}.{target}" if target else None


def install() -> None:
    """Alias ``gradio`` to ``pagelet`` for the rest of this process."""
    if not any(isinstance(finder, _AliasFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _AliasFinder())
    sys.modules.pop(ALIAS, None)
    sys.modules[ALIAS] = importlib.import_module(TARGET)
