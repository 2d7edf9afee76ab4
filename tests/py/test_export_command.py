"""`pagelet export` on CPython: the site it writes, and errors that name what is wrong."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

from pagelet.cli import main

REPO = Path(__file__).resolve().parents[2]


def load_tiny_wheel():
    """The e2e tests' wheel maker (tests/e2e is not on this folder's import path)."""
    spec = importlib.util.spec_from_file_location("tiny_wheel", REPO / "tests" / "e2e" / "tiny_wheel.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def fake_build(tmp_path: Path) -> Path:
    """A stand-in for `make build`'s dist/: the files an export needs, and some it must leave out."""
    build = tmp_path / "dist"
    for name in ("lite.js", "lite.css", "worker.js", "sw.js", "chunks/host-abc.js", "pyodide/pyodide.mjs",
                 "pyodide/pyodide.asm.wasm", "pagelet/pagelet-0.1.0.tar.gz",
                 "lite.js.map", "wheels/micropip-0.11.1-py3-none-any.whl", "transformers/transformers.min.js", ".assets-stamp"):
        (build / name).parent.mkdir(parents=True, exist_ok=True)
        (build / name).write_text(f"// {name}\n")
    (build / "pyodide" / "pyodide-lock.json").write_text(json.dumps({"info": {"python": "3.14.2"}, "packages": {}}))
    return build


def write_app(folder: Path, requirements: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "app.py").write_text('import gradio as gr\ngr.Markdown("a < b & c")\n')
    (folder / "data").mkdir(exist_ok=True)
    (folder / "data" / "table.csv").write_text("a,b\n1,2\n")
    if requirements is not None:
        (folder / "requirements.txt").write_text(requirements)
    return folder


def test_the_site_holds_the_app_the_pinned_wheels_and_a_manifest_of_every_file(tmp_path, fake_build, capsys) -> None:
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    wheel = load_tiny_wheel().build_wheel(wheels, "pagelet_tiny", "1.0", "X = 1\n")
    app = write_app(tmp_path / "demo", "pagelet_tiny  # the one requirement\ngradio\n")
    out = tmp_path / "site"

    assert main(["export", str(app), str(out), "--wheels", str(wheels), "--dist", str(fake_build)]) == 0
    printed = capsys.readouterr().out
    assert "pagelet_tiny-1.0-py3-none-any.whl" in printed and "'gradio' left out" in printed

    page = (out / "index.html").read_text()
    sha256 = hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert f"requirements/pagelet_tiny-1.0-py3-none-any.whl#sha256={sha256}" in page
    assert '<gradio-file name="app.py" entrypoint>' in page and "a &lt; b &amp; c" in page
    assert '<gradio-file name="data/table.csv" url="app/data/table.csv">' in page
    assert (out / "app" / "data" / "table.csv").read_text() == "a,b\n1,2\n"

    manifest = json.loads((out / "precache.json").read_text())
    served = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and p.name != "precache.json")
    assert manifest["files"] == served
    assert f'sw.js?v={manifest["version"]}' in page
    # Source maps, make's stamps, micropip (everything is pinned) and an unused transformers.js stay out.
    assert not any(name.endswith(".map") or name.startswith(("wheels/", "transformers/", ".")) for name in served)


def test_a_new_export_has_a_new_version(tmp_path, fake_build) -> None:
    app = write_app(tmp_path / "demo")
    out = tmp_path / "site"
    assert main(["export", str(app), str(out), "--dist", str(fake_build)]) == 0
    first = json.loads((out / "precache.json").read_text())["version"]
    (app / "app.py").write_text('import gradio as gr\ngr.Markdown("changed")\n')
    assert main(["export", str(app), str(out), "--dist", str(fake_build)]) == 0
    assert json.loads((out / "precache.json").read_text())["version"] != first


def test_a_missing_app_is_named(tmp_path, fake_build, capsys) -> None:
    assert main(["export", str(tmp_path / "nowhere.py"), str(tmp_path / "site"), "--dist", str(fake_build)]) == 1
    error = capsys.readouterr().err
    assert error.startswith("pagelet export: ") and "nowhere.py does not exist" in error


def test_a_requirement_without_a_wheel_is_named(tmp_path, fake_build, capsys) -> None:
    empty = tmp_path / "wheels"
    empty.mkdir()
    app = write_app(tmp_path / "demo", "no_such_package_for_pagelet==9.9\n")
    assert main(["export", str(app), str(tmp_path / "site"), "--wheels", str(empty), "--dist", str(fake_build)]) == 1
    error = capsys.readouterr().err
    assert "'no_such_package_for_pagelet==9.9' has no pure-Python wheel for Python 3.14" in error
    assert str(empty) in error


def test_pip_options_in_requirements_are_refused_with_their_line(tmp_path, fake_build, capsys) -> None:
    app = write_app(tmp_path / "demo", "# comment\n-r other.txt\n")
    assert main(["export", str(app), str(tmp_path / "site"), "--dist", str(fake_build)]) == 1
    assert "requirements.txt, line 2: '-r other.txt'" in capsys.readouterr().err


def test_a_missing_build_says_how_to_make_it(tmp_path, capsys) -> None:
    app = write_app(tmp_path / "demo")
    assert main(["export", str(app), str(tmp_path / "site"), "--dist", str(tmp_path / "empty")]) == 1
    assert "run `make build`" in capsys.readouterr().err


def test_a_folder_that_is_not_an_export_is_not_overwritten(tmp_path, fake_build, capsys) -> None:
    app = write_app(tmp_path / "demo")
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "notes.txt").write_text("keep me")
    assert main(["export", str(app), str(precious), "--dist", str(fake_build)]) == 1
    assert "is not empty" in capsys.readouterr().err
    assert (precious / "notes.txt").read_text() == "keep me"


def test_an_export_inside_the_app_folder_is_not_part_of_the_next_one(tmp_path, fake_build) -> None:
    app = write_app(tmp_path / "demo")
    out = app / "site"
    assert main(["export", str(app), str(out), "--dist", str(fake_build)]) == 0
    assert main(["export", str(app), str(out), "--dist", str(fake_build)]) == 0
    assert 'name="site/' not in (out / "index.html").read_text()
