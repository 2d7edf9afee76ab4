"""The Python side of a Plotly app in the browser: plotly's wheel and its pure-Python dependencies.

Downloaded once from PyPI with pip, pinned as in pyproject's ``test`` extra,
into ``build/test-wheels/`` (git-ignored), and served to the page from
loopback, so that ``<gradio-requirements>`` installs them without an index.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pages import REPO

# Dependencies first: micropip then finds them installed when it reads plotly's.
PINNED = ["packaging==26.3", "narwhals==2.29.0", "plotly==7.1.0"]
FOLDER = REPO / "build" / "test-wheels"


def plotly_wheels() -> list[Path]:
    """The wheels, in install order; downloaded when missing."""
    found = [next(iter(FOLDER.glob(f"{name.split('==')[0]}-{name.split('==')[1]}-*.whl")), None) for name in PINNED]
    if any(path is None for path in found):
        FOLDER.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
             "--python-version", "3.14", "--dest", str(FOLDER), *PINNED],
            check=True,
        )
        return plotly_wheels()
    return [path for path in found if path is not None]
