"""The browser's core archive: what build_assets.py leaves out of it, and how it slims what it keeps."""

from __future__ import annotations

import importlib.util
import io
import sys
import tarfile
import zipfile
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
sys.path.insert(0, str(SCRIPTS))
spec = importlib.util.spec_from_file_location("build_assets", SCRIPTS / "build_assets.py")
assert spec is not None and spec.loader is not None
build_assets = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_assets)
from slim_python import slim  # noqa: E402

METADATA = b"Metadata-Version: 2.4\nName: pagelet\nVersion: 0.1.0\n\n# Pagelet\n\nThe whole README...\n"


def write_wheel(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("pagelet/__init__.py", '"""The package."""\nVERSION = "1"  # why\n')
        archive.writestr("pagelet/server/app.py", "import starlette\n")
        archive.writestr("pagelet/cli.py", "import argparse\n")
        archive.writestr("pagelet-0.1.0.dist-info/METADATA", METADATA)
        archive.writestr("pagelet-0.1.0.dist-info/RECORD", "pagelet/__init__.py,sha256=x,0\n")
        archive.writestr("pagelet-0.1.0.dist-info/WHEEL", "Wheel-Version: 1.0\n")
    return path


def test_the_browser_files_leave_out_the_server_the_readme_and_the_record(tmp_path: Path) -> None:
    files = dict(build_assets.browser_files(write_wheel(tmp_path / "pagelet-0.1.0-py3-none-any.whl")))
    assert sorted(files) == ["pagelet-0.1.0.dist-info/METADATA", "pagelet-0.1.0.dist-info/WHEEL", "pagelet/__init__.py"]
    assert files["pagelet-0.1.0.dist-info/METADATA"] == b"Metadata-Version: 2.4\nName: pagelet\nVersion: 0.1.0\n"
    assert files["pagelet/__init__.py"] == b'""\nVERSION = "1"\n'


def test_the_archive_is_the_same_bytes_for_the_same_files(tmp_path: Path) -> None:
    files = [("pagelet/__init__.py", b"x = 1\n"), ("pagelet/a.py", b"y = 2\n")]
    build_assets.write_tar_gz(files, tmp_path / "one.tar.gz")
    build_assets.write_tar_gz(files, tmp_path / "two.tar.gz")
    assert (tmp_path / "one.tar.gz").read_bytes() == (tmp_path / "two.tar.gz").read_bytes()
    with tarfile.open(tmp_path / "one.tar.gz") as archive:
        assert [(m.name, archive.extractfile(m).read()) for m in archive] == files  # type: ignore[union-attr]


SOURCE = '''"""Module docstring,
over two lines."""

from __future__ import annotations

import os  # a comment after code


class Shape:
    """Only a docstring in a body still needs a statement."""


class Box:
    """A class docstring."""

    label = "# not a comment"  # a comment

    def area(self) -> int:  # a comment on the def line
        """A method docstring."""
        return 4


def same_line(): "a docstring on the def line stays"


def then_code():
    """a docstring followed by code on its line stays"""; return 1
'''


def test_slim_python_cuts_comments_and_docstrings_and_keeps_every_line_at_its_number() -> None:
    slimmed = slim(SOURCE)
    assert len(slimmed.splitlines()) == len(SOURCE.splitlines())
    assert "#" not in slimmed.replace('"# not a comment"', "")
    assert "docstring," not in slimmed and "A class docstring" not in slimmed and "A method docstring" not in slimmed
    assert '"a docstring on the def line stays"' in slimmed
    assert '"""a docstring followed by code on its line stays"""; return 1' in slimmed
    for number, line in enumerate(slimmed.splitlines()):
        if line.strip() and line.strip() != '""':
            assert SOURCE.splitlines()[number].startswith(line)
    namespace: dict[str, object] = {}
    exec(compile(slimmed, "slimmed", "exec"), namespace)
    assert namespace["Box"]().area() == 4  # type: ignore[operator]
    assert namespace["then_code"]() == 1  # type: ignore[operator]


def test_every_core_module_slims_to_code_that_compiles_with_its_lines_kept() -> None:
    modules = sorted((SCRIPTS.parent / "py" / "pagelet").rglob("*.py"))
    assert len(modules) > 50
    for path in modules:
        source = path.read_text()
        slimmed = slim(source)
        assert len(slimmed.splitlines()) == len(source.splitlines()), path
        compile(slimmed, str(path), "exec")
