"""The server's page ships inside the Python wheel; the browser's copy of the core leaves the server out."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]


def test_the_wheel_carries_the_built_page(tmp_path: Path) -> None:
    if not (REPO / "py/pagelet/server/static/page.js").exists():
        pytest.fail("py/pagelet/server/static/page.js is missing: run `make build` first")
    subprocess.run([sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)], cwd=REPO, check=True, capture_output=True)
    [wheel] = tmp_path.glob("pagelet-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "pagelet/server/static/page.js" in names
    assert "pagelet/server/static/page.css" in names
    assert any(name.startswith("pagelet/server/static/chunks/") for name in names)


def test_the_browser_wheel_has_no_server() -> None:
    wheels = list((REPO / "dist" / "pagelet").glob("pagelet-*.whl"))
    if not wheels:
        pytest.fail("dist/pagelet has no wheel: run `make build` first")
    with zipfile.ZipFile(wheels[0]) as archive:
        names = archive.namelist()
        record = next(name for name in names if name.endswith(".dist-info/RECORD"))
        assert "pagelet/server/" not in archive.read(record).decode()
    assert "pagelet/session.py" in names
    assert not [name for name in names if name.startswith("pagelet/server/")]


def test_the_browser_wheel_leaves_out_the_command_line_and_the_export() -> None:
    wheels = list((REPO / "dist" / "pagelet").glob("pagelet-*.whl"))
    if not wheels:
        pytest.fail("dist/pagelet has no wheel: run `make build` first")
    names = zipfile.ZipFile(wheels[0]).namelist()
    assert not [name for name in names if name.startswith(("pagelet/export/", "pagelet/cli.py", "pagelet/__main__.py"))]


def test_the_browser_wheel_metadata_leaves_out_the_readme() -> None:
    wheels = list((REPO / "dist" / "pagelet").glob("pagelet-*.whl"))
    if not wheels:
        pytest.fail("dist/pagelet has no wheel: run `make build` first")
    with zipfile.ZipFile(wheels[0]) as archive:
        metadata = archive.read(next(name for name in archive.namelist() if name.endswith(".dist-info/METADATA"))).decode()
    assert "Name: pagelet" in metadata
    assert "# Pagelet" not in metadata
