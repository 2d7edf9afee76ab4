"""Run an app's entry file as ``__main__``, with top-level ``await`` allowed.

Browser apps commonly ``await`` at module level (loading a model, say);
CPython's ``runpy`` cannot, so the file is compiled with the flag that
allows it and awaited when it yields a coroutine.
"""

from __future__ import annotations

import ast
import inspect
import linecache
import os
import sys
import traceback
import types
from typing import Any


async def run_app_file(path: str) -> dict[str, Any]:
    """Execute ``path`` as the ``__main__`` module; return its globals."""
    with open(path, encoding="utf-8") as file:
        source = file.read()
    return await run_app_source(source, path)


async def run_app_code(source: str, name: str = "<code>") -> dict[str, Any]:
    """Execute code given as text as ``__main__``; tracebacks show ``name`` and its lines."""
    # Kept where the traceback module looks for the lines of a file that is not on disk.
    linecache.cache[name] = (len(source), None, source.splitlines(keepends=True), name)
    return await run_app_source(source, name)


async def run_app_source(source: str, path: str) -> dict[str, Any]:
    """Execute ``source`` as the ``__main__`` module, as if read from ``path``; return its globals."""
    module = types.ModuleType("__main__")
    module.__file__ = os.path.abspath(path)
    namespace = module.__dict__
    namespace["__builtins__"] = __builtins__
    # Dataclasses, pickling and friends look the module up by name.
    sys.modules["__main__"] = module
    code = compile(source, path, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, dont_inherit=True)
    result = eval(code, namespace)
    if inspect.isawaitable(result):
        await result
    return namespace


def format_app_error(exc: BaseException) -> str:
    """A traceback that starts at the app's own code, without runtime frames."""
    package_dir = os.path.dirname(os.path.abspath(__file__))
    summary = traceback.TracebackException.from_exception(exc)
    summary.stack = traceback.StackSummary.from_list(
        [frame for frame in summary.stack if not os.path.abspath(frame.filename).startswith(package_dir)]
    )
    return "".join(summary.format())


def forget_app_modules(directory: str) -> list[str]:
    """Drop the modules imported from ``directory`` so that the next run imports their new text.

    Returns their names. Modules from elsewhere (the standard library, requirements) stay loaded.
    """
    root = os.path.join(os.path.abspath(directory), "")
    names = [
        name
        for name, module in list(sys.modules.items())
        if name != "__main__" and os.path.abspath(getattr(module, "__file__", None) or "/").startswith(root)
    ]
    for name in names:
        del sys.modules[name]
    return names


def built_app(namespace: dict[str, Any]) -> Any:
    """The one app (a top-level ``gr.Blocks``) the file built without launching it, or None.

    Several names may hold the same app (``with demo.route("Up") as up:``): it is still one app.
    """
    from .blocks import Blocks

    apps = {id(value): value for value in namespace.values() if isinstance(value, Blocks) and value.parent is None}
    return next(iter(apps.values())) if len(apps) == 1 else None
