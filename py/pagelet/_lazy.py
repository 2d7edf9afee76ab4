"""Package attributes imported on first use.

In the browser every module is compiled from source at start-up, so a
package imports only what an app touches: ``gr.Interface`` and a Textbox do
not pay for plots, chat or themes.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_attributes(package: str, exports: Mapping[str, str], unsupported: Mapping[str, str] | None = None,
                    ) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package``.

    ``exports`` maps a public name to ``"module"`` (the attribute of that
    name in the submodule), ``"module:attribute"``, or ``"module:"`` for the
    submodule itself. Module paths are relative to ``package``. A name of
    ``unsupported`` (a Gradio feature not implemented here) raises an
    ``AttributeError`` that says so, with its note.
    """

    def __getattr__(name: str) -> Any:
        target = exports.get(name)
        if target is None:
            note = (unsupported or {}).get(name)
            if note is not None:
                raise AttributeError(f"gr.{name} is not supported by Pagelet yet: {note}")
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module_name, _, attribute = target.partition(":")
        module = importlib.import_module(f"{package}.{module_name}")
        value = module if target.endswith(":") else getattr(module, attribute or name)
        # Cache it on the package, so the next access is a plain attribute.
        setattr(importlib.import_module(package), name, value)
        return value

    def __dir__() -> list[str]:
        return sorted(exports)

    return __getattr__, __dir__
