"""The wheels of an app's requirements, fetched with pip for the browser's Python.

Only pure-Python wheels (``py3-none-any``) can run in Pyodide without being
built for it, so pip is asked for exactly those, for the Python version of the
build's Pyodide. Each requirement is fetched on its own, so that a failure
names the requirement at fault.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import ExportError

# Provided by Pagelet itself in the browser: installing them would only shadow it.
PROVIDED = frozenset({"gradio", "pagelet", "transformers-js-py"})


@dataclass(frozen=True)
class WheelSource:
    wheels: Path | None = None
    """Take wheels from this folder only, never from an index (offline)."""
    find_links: Path | None = None
    """Look in this folder first, then PyPI."""


@dataclass(frozen=True)
class Wheel:
    path: Path
    sha256: str


def project_name(requirement: str) -> str:
    name = ""
    for char in requirement.strip():
        if not (char.isalnum() or char in "-_."):
            break
        name += char
    return name.lower().replace("_", "-").replace(".", "-")


def is_provided(requirement: str) -> bool:
    return project_name(requirement) in PROVIDED


def download_wheels(requirements: list[str], python_version: str, source: WheelSource, target: Path) -> list[Wheel]:
    """Download the wheels of ``requirements`` and their dependencies into ``target``."""
    if not requirements:
        return []
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for requirement in requirements:
            _pip_download(requirement, python_version, source, folder)
        wheels = []
        for downloaded in sorted(folder.glob("*")):
            if not downloaded.name.endswith("-none-any.whl"):
                raise ExportError(f"{downloaded.name} is not a pure-Python wheel; Pyodide cannot install it from the export")
            copy = target / downloaded.name
            copy.write_bytes(downloaded.read_bytes())
            wheels.append(Wheel(copy, hashlib.sha256(copy.read_bytes()).hexdigest()))
    return wheels


def _pip_download(requirement: str, python_version: str, source: WheelSource, folder: Path) -> None:
    command = [
        sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
        "--only-binary=:all:", "--platform", "any", "--implementation", "py", "--abi", "none",
        "--python-version", python_version, "--dest", str(folder),
    ]
    if source.wheels is not None:
        if not source.wheels.is_dir():
            raise ExportError(f"the wheel folder {source.wheels} does not exist")
        command += ["--no-index", "--find-links", str(source.wheels)]
    elif source.find_links is not None:
        command += ["--find-links", str(source.find_links)]
    command.append(requirement)
    try:
        result = subprocess.run(command, capture_output=True, text=True)
    except OSError as error:
        raise ExportError(f"could not run pip to fetch the requirement {requirement!r}: {error}") from error
    if result.returncode != 0:
        errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR:")] or result.stderr.strip().splitlines()[-3:]
        where = f"in {source.wheels}" if source.wheels is not None else "on the package index"
        reason = "\n  ".join(line.removeprefix("ERROR: ") for line in errors) or "pip failed"
        raise ExportError(
            f"the requirement {requirement!r} has no pure-Python wheel for Python {python_version} {where}:\n  {reason}"
        )
