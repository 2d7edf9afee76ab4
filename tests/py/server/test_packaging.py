"""The server's page ships inside the Python wheel; the browser's copy of the core leaves the server out."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]


def test_the_wheel_carries_the_built_page(tmp_path: Path) -> None:
    if not (REPO / "py/pagelet/server/static/index-page.js").exists():
        pytest.fail("py/pagelet/server/static/index-page.js is missing: run `make build` first")
    subprocess.run([sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)], cwd=REPO, check=True, capture_output=True)
    [wheel] = tmp_path.glob("pagelet-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "pagelet/server/static/index-page.js" in names
    assert "pagelet/server/static/page.css" in names
    assert any(name.startswith("pagelet/server/static/chunks/") for name in names)


def browser_core() -> dict[str, bytes]:
    """The files of dist/'s core archive, the one the worker unpacks, by name."""
    archives = list((REPO / "dist" / "pagelet").glob("pagelet-*.tar.gz"))
    if not archives:
        pytest.fail("dist/pagelet has no core archive: run `make build` first")
    with tarfile.open(archives[0]) as archive:
        return {member.name: archive.extractfile(member).read() for member in archive if member.isfile()}  # type: ignore[union-attr]


def test_the_browser_core_has_no_server() -> None:
    names = browser_core()
    assert "pagelet/session.py" in names
    assert not [name for name in names if name.startswith("pagelet/server/")]


def test_the_browser_core_leaves_out_the_command_line_and_the_export() -> None:
    names = browser_core()
    assert not [name for name in names if name.startswith(("pagelet/export/", "pagelet/cli.py", "pagelet/__main__.py"))]


def test_the_browser_core_metadata_leaves_out_the_readme() -> None:
    files = browser_core()
    metadata = next(content for name, content in files.items() if name.endswith(".dist-info/METADATA")).decode()
    assert "Name: pagelet" in metadata
    assert "# Pagelet" not in metadata


def test_the_browser_core_sources_keep_their_line_numbers() -> None:
    """Slimmed (no comments, no docstrings), yet each line of code at its number in the repository."""
    source = (REPO / "py" / "pagelet" / "session.py").read_text().splitlines()
    shipped = browser_core()["pagelet/session.py"].decode().splitlines()
    assert len(shipped) == len(source)
    assert not [line for line in shipped if line.lstrip().startswith("#")]
    code = [(number, line) for number, line in enumerate(shipped) if line.strip() and line.strip() != '""']
    assert code and all(source[number].startswith(line) for number, line in code)
