"""Which of Gradio's demos the compatibility runner tries, decided from their source alone.

A demo is eligible when every module it imports is the standard library,
one of the libraries Pagelet supports (numpy, pandas, PIL, matplotlib,
plotly), gradio itself or a file of its own folder; when its
requirements.txt asks for nothing else; and when nothing in it reaches the
network (HTTP clients, ``gr.load``, the Hub). Demos that import only the
standard library and gradio are also booted in ``<gradio-lite>``.
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path

SUPPORTED_LIBRARIES = frozenset({"numpy", "pandas", "PIL", "matplotlib", "plotly"})
GRADIO_MODULES = frozenset({"gradio", "gradio_client"})
# Requirement names (PyPI spelling, normalised) that the supported imports come from.
SUPPORTED_REQUIREMENTS = frozenset({"gradio", "gradio-client", "numpy", "pandas", "pillow", "matplotlib", "plotly"})
# Standard-library modules whose use means the network.
NETWORK_MODULES = frozenset({"urllib.request", "http.client", "ftplib", "smtplib", "socket", "ssl", "xmlrpc.client"})
# Calls in the source that fetch from the network.
NETWORK_CALLS = re.compile(r"\bgr\.load\(|\bgradio\.load\(|from_pipeline\(|\bgr\.Server\(|huggingface")


@dataclass(frozen=True)
class Eligibility:
    eligible: bool
    stdlib_only: bool
    reason: str


def _imported_modules(tree: ast.AST) -> set[str]:
    """Full dotted names of the absolute imports in ``tree``."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _requirement_names(text: str) -> list[str]:
    names = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        name = re.split(r"[<>=!~;\[ @]", line, maxsplit=1)[0]
        names.append(re.sub(r"[-_.]+", "-", name).lower())
    return names


def judge(demo: Path) -> Eligibility:
    """Whether the demo folder ``demo`` (holding run.py) is tried, and why not."""
    local = {path.stem for path in demo.glob("*.py")} | {path.name for path in demo.iterdir() if path.is_dir()}
    third_party: set[str] = set()
    for source in sorted(demo.rglob("*.py")):
        text = source.read_text(encoding="utf-8", errors="replace")
        try:
            tree = ast.parse(text)
        except SyntaxError as error:
            return Eligibility(False, False, f"{source.name} does not parse: {error.msg}")
        if NETWORK_CALLS.search(text):
            return Eligibility(False, False, f"{source.name} uses the network ({NETWORK_CALLS.search(text).group(0)})")
        for module in _imported_modules(tree):
            if module in NETWORK_MODULES:
                return Eligibility(False, False, f"{source.name} imports {module} (network)")
            top = module.split(".")[0]
            if top in sys.stdlib_module_names or top in local or top == "__future__":
                continue
            if top not in SUPPORTED_LIBRARIES | GRADIO_MODULES:
                return Eligibility(False, False, f"{source.name} imports {top}")
            third_party.add(top)
    requirements = demo / "requirements.txt"
    if requirements.exists():
        for name in _requirement_names(requirements.read_text(encoding="utf-8", errors="replace")):
            if name not in SUPPORTED_REQUIREMENTS:
                return Eligibility(False, False, f"requirements.txt asks for {name}")
    return Eligibility(True, third_party <= {"gradio"}, "")


def demo_folders(gradio_src: Path) -> list[Path]:
    return sorted(path.parent for path in (gradio_src / "demo").glob("*/run.py"))
