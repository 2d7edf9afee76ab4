"""`scripts/compat --lite-only` boots only stdlib-only demos that gradio's cached side says started."""

from __future__ import annotations

import sys
from pathlib import Path

COMPAT = Path(__file__).resolve().parents[2] / "scripts" / "compat"
sys.path.insert(0, str(COMPAT))

import eligibility  # noqa: E402
import lite_selection  # noqa: E402


def _demo(root: Path, name: str, source: str) -> Path:
    folder = root / name
    folder.mkdir()
    (folder / "run.py").write_text(source, encoding="utf-8")
    return folder


def test_only_cached_started_stdlib_demos_are_chosen(tmp_path: Path) -> None:
    plain = _demo(tmp_path, "plain", "import gradio as gr\nimport json\n")
    numeric = _demo(tmp_path, "numeric", "import gradio as gr\nimport numpy as np\n")
    crashed = _demo(tmp_path, "crashed", "import gradio as gr\n")
    uncached = _demo(tmp_path, "uncached", "import gradio as gr\n")
    networked = _demo(tmp_path, "networked", "import gradio as gr\ngr.load('x')\n")
    cache = {"plain": {"started": True}, "numeric": {"started": True}, "crashed": {"started": False},
             "networked": {"started": True}}

    chosen = lite_selection.lite_only_demos([plain, numeric, crashed, uncached, networked], cache,
                                            cache_key=lambda folder: folder.name)

    assert chosen == [plain]
    assert eligibility.judge(numeric).eligible  # left out for numpy, not for being ineligible
