"""The Python side of a Plotly app in the browser: plotly's wheel and its pure-Python dependencies.

Downloaded once from PyPI with pip, pinned as in pyproject's ``test`` extra,
into ``build/test-wheels/`` (git-ignored), and served to the page from
loopback, so that ``<gradio-requirements>`` installs them without an index.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import Page, Route

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


def answer_simple_index(page: Page, wheels: list[Path], wheel_url: str) -> None:
    """Answer the page's questions to PyPI's simple index (PEP 691 JSON) from ``wheels``,
    served at ``wheel_url`` + name: what micropip asks for ``plotly==7.1.0``, kept on loopback."""
    by_project = {wheel.name.split("-")[0].lower(): wheel for wheel in wheels}

    def answer(route: Route) -> None:
        project = route.request.url.rstrip("/").rsplit("/", 1)[-1].lower().replace("_", "-")
        wheel = by_project.get(project)
        if wheel is None:
            route.fulfill(status=404, body="not in this test's index")
            return
        listing = {
            "meta": {"api-version": "1.0"},
            "name": project,
            "files": [{"filename": wheel.name, "url": wheel_url + wheel.name,
                       "hashes": {"sha256": hashlib.sha256(wheel.read_bytes()).hexdigest()}}],
        }
        route.fulfill(status=200, content_type="application/vnd.pypi.simple.v1+json", body=json.dumps(listing))

    page.route("https://pypi.org/simple/**", answer)
