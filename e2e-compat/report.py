"""Per-spec and total pass counts of Gradio's suite, Pagelet against the baseline.

usage: report.py RUNTIME PLAYWRIGHT_JSON STORE_DIR [--failures]

Reads the JSON report of the run just made (RUNTIME is ``pagelet`` or
``gradio``), merges its specs into ``STORE_DIR/<runtime>.json`` (a run of a
few specs with ``SPECS=`` replaces only those), then prints the table of the
specs of this run: how many of each spec's tests pass on Gradio, how many on
Pagelet, and how many of Gradio's passes Pagelet passes too. ``--failures``
adds one line per test that passes on Gradio and not on Pagelet.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# {spec file: {test title: {"status": "passed"|"failed"|"skipped", "error": first line}}}
Results = dict[str, dict[str, dict[str, str]]]


_COLOURS = re.compile(r"\x1b\[[0-9;]*m")


def _first_error_line(test: dict[str, Any]) -> str:
    """What went wrong, in one line: the failed step rather than "Test timeout", with the locator it waited for."""
    messages = []
    for result in test.get("results", []):
        for error in result.get("errors", []) or ([result["error"]] if result.get("error") else []):
            message = _COLOURS.sub("", str(error.get("message", ""))).strip()
            if message:
                messages.append(message)
    if not messages:
        return ""
    message = next((m for m in messages if not m.startswith("Test timeout")), messages[0])
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    step = next((line for line in lines if line.startswith("Error:")), lines[0])
    waited = next((line for line in lines if line.startswith("- waiting for")), "")
    return " ".join(part for part in (step, waited) if part)[:240]


def _status(spec: dict[str, Any], test: dict[str, Any]) -> str:
    if test.get("status") == "skipped":
        return "skipped"
    return "passed" if spec.get("ok") and test.get("status") in ("expected", "flaky") else "failed"


def read_playwright_report(path: Path) -> tuple[Results, list[str]]:
    """The run's tests by spec file, and the errors that stopped whole files (an import that failed)."""
    report = json.loads(path.read_text())
    results: Results = {}

    def walk(suite: dict[str, Any], file: str, titles: list[str]) -> None:
        for spec in suite.get("specs", []):
            title = " › ".join([*titles, spec["title"]])
            for test in spec.get("tests", []):
                results.setdefault(file, {})[title] = {"status": _status(spec, test), "error": _first_error_line(test)}
        for child in suite.get("suites", []):
            walk(child, file, [*titles, child["title"]] if child.get("title") != file else titles)

    for suite in report.get("suites", []):
        file = Path(suite.get("file", suite.get("title", ""))).name
        results.setdefault(file, {})
        walk(suite, file, [])
    errors = [str(error.get("message", "")).strip().splitlines()[0][:200] for error in report.get("errors", [])]
    return results, errors


def merge(store: Path, fresh: Results) -> Results:
    stored: Results = json.loads(store.read_text()) if store.exists() else {}
    stored.update(fresh)
    store.parent.mkdir(parents=True, exist_ok=True)
    store.write_text(json.dumps(stored, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    return stored


@dataclass
class Row:
    spec: str
    tests: int
    gradio: int | None
    pagelet: int | None
    both: int | None


def _passed(results: dict[str, dict[str, str]] | None) -> set[str]:
    return {title for title, test in (results or {}).items() if test["status"] == "passed"}


def rows(specs: list[str], gradio: Results, pagelet: Results) -> list[Row]:
    table = []
    for spec in specs:
        on_gradio, on_pagelet = gradio.get(spec), pagelet.get(spec)
        tests = len(set(on_gradio or {}) | set(on_pagelet or {}))
        table.append(
            Row(
                spec=spec.removesuffix(".spec.ts"),
                tests=tests,
                gradio=None if on_gradio is None else len(_passed(on_gradio)),
                pagelet=None if on_pagelet is None else len(_passed(on_pagelet)),
                both=None if on_gradio is None or on_pagelet is None else len(_passed(on_gradio) & _passed(on_pagelet)),
            )
        )
    return table


def _cell(value: int | None) -> str:
    return "-" if value is None else str(value)


def print_table(table: list[Row]) -> None:
    width = max([len(row.spec) for row in table] + [len("total")])
    print(f"{'spec':<{width}}  tests  gradio  pagelet  pagelet of gradio's")
    for row in table:
        print(
            f"{row.spec:<{width}}  {row.tests:>5}  {_cell(row.gradio):>6}  {_cell(row.pagelet):>7}  {_cell(row.both):>19}"
        )
    tests = sum(row.tests for row in table)
    gradio = sum(row.gradio or 0 for row in table)
    pagelet = sum(row.pagelet or 0 for row in table)
    both = sum(row.both or 0 for row in table)
    share = f"{100 * both / gradio:.0f}%" if gradio else "-"
    print(f"{'total':<{width}}  {tests:>5}  {gradio:>6}  {pagelet:>7}  {both:>12} ({share})")


def print_failures(specs: list[str], gradio: Results, pagelet: Results) -> None:
    print("\nPassing on Gradio, not on Pagelet:")
    for spec in specs:
        for title in sorted(_passed(gradio.get(spec)) - _passed(pagelet.get(spec))):
            error = pagelet.get(spec, {}).get(title, {}).get("error", "not run")
            print(f"  {spec.removesuffix('.spec.ts')}: {title}\n      {error}")


def main(argv: list[str]) -> int:
    arguments = [argument for argument in argv if not argument.startswith("--")]
    if len(arguments) != 3 or arguments[0] not in ("pagelet", "gradio"):
        print(__doc__, file=sys.stderr)
        return 2
    runtime, report, store_dir = arguments[0], Path(arguments[1]), Path(arguments[2])
    if not report.exists():
        print(f"report.py: {report} is missing: the run stopped before Playwright wrote it", file=sys.stderr)
        return 1
    fresh, errors = read_playwright_report(report)
    merged = merge(store_dir / f"{runtime}.json", fresh)
    other_path = store_dir / ("gradio.json" if runtime == "pagelet" else "pagelet.json")
    other: Results = json.loads(other_path.read_text()) if other_path.exists() else {}
    gradio, pagelet = (merged, other) if runtime == "gradio" else (other, merged)
    specs = sorted(fresh)
    if not gradio:
        print("No baseline yet: run `make e2e-compat BASELINE=gradio` once (it is kept in", store_dir, ")")
    print_table(rows(specs, gradio, pagelet))
    for error in errors:
        print("error:", error)
    if "--failures" in argv:
        print_failures(specs, gradio, pagelet)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
