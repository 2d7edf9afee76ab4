"""Flagging: saving an Interface's inputs and outputs for later review.

``CSVLogger`` writes Gradio's layout: ``<flagging_dir>/dataset1.csv`` with one
column per component (headed by its label), then ``flag``, ``username`` and
``timestamp``. In the browser a relative ``flagging_dir`` lives under
``/home/pyodide/persist`` (the folder the runtime keeps between visits, when
it can) and the CSV can be downloaded from the page.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .components.base import Component

BROWSER_ROOT = Path("/home/pyodide/persist")
DATASET_FILE = "dataset1.csv"


def resolve_flagging_dir(flagging_dir: str | os.PathLike[str]) -> Path:
    path = Path(flagging_dir)
    if sys.platform == "emscripten" and not path.is_absolute():
        return BROWSER_ROOT / path
    return path


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, default=str)


class CSVLogger:
    """Gradio's default flagging callback: one CSV row per flag."""

    def __init__(self, simplify_file_data: bool = True, verbose: bool = True, dataset_file_name: str | None = None) -> None:
        self.dataset_file_name = dataset_file_name or DATASET_FILE
        self.components: list[Component] = []
        self.flagging_dir = Path(".gradio/flagged")

    @property
    def dataset_filepath(self) -> Path:
        return self.flagging_dir / self.dataset_file_name

    def setup(self, components: Sequence[Component], flagging_dir: str | os.PathLike[str]) -> None:
        self.components = list(components)
        self.flagging_dir = resolve_flagging_dir(flagging_dir)

    def headers(self) -> list[str]:
        labels = [component.label or f"component {index}" for index, component in enumerate(self.components)]
        return [*labels, "flag", "username", "timestamp"]

    def flag(self, flag_data: list[Any], flag_option: str | None = "", username: str | None = None) -> int:
        """Append one row; return how many rows the file now holds."""
        self.flagging_dir.mkdir(parents=True, exist_ok=True)
        new_file = not self.dataset_filepath.exists()
        row = [_cell(value) for value in flag_data] + [flag_option or "", username or "", str(datetime.datetime.now())]
        with open(self.dataset_filepath, "a", newline="", encoding="utf-8") as file:
            writer = csv.writer(file)
            if new_file:
                writer.writerow(self.headers())
            writer.writerow(row)
        with open(self.dataset_filepath, encoding="utf-8") as file:
            return sum(1 for _ in csv.reader(file)) - 1

    def read_csv(self) -> str:
        """The whole log as CSV text (only the headers when nothing was flagged)."""
        if self.dataset_filepath.exists():
            return self.dataset_filepath.read_text(encoding="utf-8")
        buffer = io.StringIO()
        csv.writer(buffer).writerow(self.headers())
        return buffer.getvalue()


FlaggingCallback = CSVLogger
