"""Reading the app to export: one Python file, or a folder of files with an optional requirements.txt."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import ExportError

REQUIREMENTS_FILE = "requirements.txt"
DEFAULT_ENTRYPOINT = "app.py"


@dataclass(frozen=True)
class AppSource:
    name: str
    """Shown as the page's title: the file's or folder's name."""
    files: dict[str, bytes]
    """The app's files by path relative to the app folder, with ``/`` separators."""
    entrypoint: str
    requirements: list[str]


def read_app(path: Path, entrypoint: str | None = None, leave_out: Path | None = None) -> AppSource:
    """Read the app at ``path``; ``leave_out``: a folder inside it that is not the app's (the export's own output)."""
    if not path.exists():
        raise ExportError(f"{path} does not exist: give the app's Python file or its folder")
    if path.is_file():
        if path.suffix != ".py":
            raise ExportError(f"{path} is not a Python file: give the app's .py file or its folder")
        requirements_file = path.parent / REQUIREMENTS_FILE
        requirements = read_requirements(requirements_file) if requirements_file.is_file() else []
        return AppSource(path.stem, {path.name: path.read_bytes()}, path.name, requirements)
    files = {
        file.relative_to(path).as_posix(): file.read_bytes()
        for file in sorted(path.rglob("*"))
        if file.is_file() and not _private(file.relative_to(path)) and file.relative_to(path).as_posix() != REQUIREMENTS_FILE
        and not (leave_out is not None and file.resolve().is_relative_to(leave_out.resolve()))
    }
    requirements_file = path / REQUIREMENTS_FILE
    requirements = read_requirements(requirements_file) if requirements_file.is_file() else []
    return AppSource(path.resolve().name, files, _entrypoint(path, files, entrypoint), requirements)


def _private(relative: Path) -> bool:
    """Dot-files, caches and compiled files are not the app's."""
    return any(part.startswith(".") or part == "__pycache__" for part in relative.parts) or relative.suffix == ".pyc"


def _entrypoint(folder: Path, files: dict[str, bytes], chosen: str | None) -> str:
    scripts = [name for name in files if name.endswith(".py")]
    if chosen is not None:
        if chosen not in files:
            raise ExportError(f"the entrypoint {chosen} is not a file of {folder}")
        return chosen
    if DEFAULT_ENTRYPOINT in files:
        return DEFAULT_ENTRYPOINT
    if len(scripts) == 1:
        return scripts[0]
    raise ExportError(f"which file of {folder} is the app? Name it app.py, or give --entrypoint (found: {', '.join(scripts) or 'no .py file'})")


def read_requirements(path: Path) -> list[str]:
    """Requirement lines of a requirements file: comments and blank lines dropped; pip options refused."""
    requirements = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.split(" #", 1)[0].strip()
        if line.startswith("#") or not line:
            continue
        if line.startswith("-"):
            raise ExportError(f"{path}, line {number}: {line!r}: pip options are not supported here; list one requirement per line")
        requirements.append(line)
    return requirements
