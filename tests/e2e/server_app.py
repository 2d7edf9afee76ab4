"""Serving an app file with `pagelet run` on loopback, for the browser tests."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from pages import REPO

# Seconds to wait for the server to print its URL.
START_TIMEOUT = 60


class RunningApp(str):
    """The app's URL, and the process serving it."""

    process: subprocess.Popen[str]


def run_app(tmp_path: Path, code: str) -> Iterator[RunningApp]:
    """Serve the app ``code`` with ``pagelet run`` from ``tmp_path``; yield its URL."""
    script = tmp_path / "app.py"
    script.write_text(textwrap.dedent(code), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "pagelet", "run", str(script), "--port", "0"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO / "py")},
    )
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if "Running on local URL:" in line:
                running = RunningApp(line.split("URL:", 1)[1].strip())
                running.process = process
                yield running
                break
        else:
            pytest.fail("pagelet run exited without serving: " + process.stdout.read())
    finally:
        process.terminate()
        process.wait(timeout=START_TIMEOUT)
