"""The warm-start snapshot imports a list of core modules (lite/worker/snapshot.ts).

A renamed module there would make the snapshot build fail in the background, and
every second visit would quietly boot from scratch: each listed module must exist
and import without a browser.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

SNAPSHOT_TS = Path(__file__).resolve().parents[2] / "lite" / "worker" / "snapshot.ts"


def preloaded_modules() -> list[str]:
    block = re.search(r"const PRELOADED_MODULES = \[(.*?)\];", SNAPSHOT_TS.read_text(), re.S)
    assert block, "PRELOADED_MODULES not found in lite/worker/snapshot.ts"
    return re.findall(r'"([\w.]+)"', block[1])


def test_every_module_the_snapshot_preloads_imports() -> None:
    modules = preloaded_modules()
    assert modules[:2] == ["pagelet", "pagelet.worker_bridge"] and len(modules) > 2
    for name in modules:
        assert name.startswith("pagelet") and importlib.import_module(name)
