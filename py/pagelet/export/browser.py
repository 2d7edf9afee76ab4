"""Finding the browser build (``make build``'s ``dist/``) that an export copies.

The CPython wheel does not carry it (the Pyodide core alone is over ten
megabytes). It is looked for, in order: the ``--dist`` option, the
``PAGELET_DIST`` environment variable, then the ``dist/`` of the repository
this package was installed from (an editable install, ``pip install -e .``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .errors import ExportError

ENVIRONMENT_VARIABLE = "PAGELET_DIST"
# What a usable build has; the export refuses one without them rather than write a broken site.
REQUIRED = ("lite.js", "lite.css", "worker.js", "sw.js", "pyodide/pyodide.mjs", "pyodide/pyodide.asm.wasm")
REPOSITORY_DIST = Path(__file__).resolve().parents[3] / "dist"


def find_build(explicit: Path | None = None) -> Path:
    environment = os.environ.get(ENVIRONMENT_VARIABLE)
    build = explicit or (Path(environment) if environment else REPOSITORY_DIST)
    missing = [name for name in REQUIRED if not (build / name).is_file()]
    if not list((build / "pagelet").glob("pagelet-*.tar.gz")):
        missing.append("pagelet/pagelet-*.tar.gz")
    if missing:
        raise ExportError(
            f"the browser build in {build} is incomplete or missing (no {', '.join(missing)}): "
            f"run `make build` in the Pagelet repository, or give --dist DIR (or set {ENVIRONMENT_VARIABLE})"
        )
    return build


def pyodide_python_version(build: Path) -> str:
    """``3.14``: the Python of the build's Pyodide, which the requirements' wheels must suit."""
    lock = json.loads((build / "pyodide" / "pyodide-lock.json").read_text())
    major, minor, *_ = str(lock["info"]["python"]).split(".")
    return f"{major}.{minor}"
