"""The table `make e2e-compat` prints: Pagelet's passes counted against the baseline's."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

REPORT = Path(__file__).resolve().parents[2] / "e2e-compat" / "report.py"


@pytest.fixture(scope="module")
def report():
    spec = importlib.util.spec_from_file_location("e2e_compat_report", REPORT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    # Dataclasses look their module up in sys.modules.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _test(title: str, ok: bool, message: str = "") -> dict:
    result = {"status": "passed" if ok else "timedOut", "errors": [{"message": "Test timeout of 15000ms exceeded."}]}
    if message:
        result["errors"].append({"message": message})
    return {"title": title, "ok": ok, "tests": [{"status": "expected" if ok else "unexpected", "results": [result]}]}


def _playwright_json(path: Path, specs: dict[str, list[dict]]) -> Path:
    suites = [
        {"title": file, "file": file, "specs": [], "suites": [{"title": "group", "specs": tests, "suites": []}]}
        for file, tests in specs.items()
    ]
    path.write_text(json.dumps({"suites": suites, "errors": []}))
    return path


def test_pagelet_run_is_counted_against_the_stored_baseline(report, tmp_path: Path, capsys) -> None:
    store = tmp_path / "store"
    baseline = _playwright_json(
        tmp_path / "gradio.json",
        {"a.spec.ts": [_test("one", True), _test("two", True), _test("three", False)]},
    )
    report.main(["gradio", str(baseline), str(store)])
    failing = "Error: locator.click: Test timeout.\nCall log:\n\x1b[2m  - waiting for getByRole('option')\x1b[22m"
    run = _playwright_json(
        tmp_path / "pagelet.json",
        {"a.spec.ts": [_test("one", True), _test("two", False, failing), _test("three", True)]},
    )
    capsys.readouterr()
    report.main(["pagelet", str(run), str(store), "--failures"])
    out = capsys.readouterr().out
    # 3 tests, 2 pass on Gradio, 2 on Pagelet, of which 1 is one of Gradio's passes.
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line.strip()}
    assert rows["a"] == ["3", "2", "2", "1"]
    assert rows["total"] == ["3", "2", "2", "1", "(50%)"]
    # The failure names the step and the locator, not the timeout.
    assert "group › two" in out
    assert "Error: locator.click: Test timeout. - waiting for getByRole('option')" in out


def test_a_run_of_some_specs_replaces_only_those(report, tmp_path: Path) -> None:
    store = tmp_path / "store"
    report.main(["pagelet", str(_playwright_json(tmp_path / "1.json", {"a.spec.ts": [_test("x", False)], "b.spec.ts": [_test("y", True)]})), str(store)])
    report.main(["pagelet", str(_playwright_json(tmp_path / "2.json", {"a.spec.ts": [_test("x", True)]})), str(store)])
    stored = json.loads((store / "pagelet.json").read_text())
    assert stored["a.spec.ts"]["group › x"]["status"] == "passed"
    assert stored["b.spec.ts"]["group › y"]["status"] == "passed"
