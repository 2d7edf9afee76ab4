"""The npm package ``@gradio/client`` (pinned in package.json) from Node against a Pagelet server."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from serving import served
from test_call_api import acceptance_app

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = ROOT / "tests" / "node" / "gradio_client.mjs"


@pytest.mark.skipif(shutil.which("node") is None, reason="Node is not installed")
def test_gradio_js_client_connects_predicts_streams_uploads_and_reads_the_api() -> None:
    assert (ROOT / "node_modules" / "@gradio" / "client").is_dir(), "run `make setup` (npm ci) first"
    with served(acceptance_app()) as url:
        run = subprocess.run(["node", str(SCRIPT), url], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.split("\n")[:-1] == [
        "ok predict with named arguments",
        "ok predict with positional arguments",
        "ok submit streams a generator",
        "ok file upload and download",
        "ok gr.Error rejects with its message",
        "ok view_api",
    ]
