"""Code: source text with a language for highlighting."""

from __future__ import annotations

import os
from typing import Any

from .base import Component

# What the host highlights; Gradio accepts the same names.
LANGUAGES = (
    "python", "c", "cpp", "markdown", "json", "html", "css", "javascript", "typescript", "yaml",
    "dockerfile", "shell", "r", "sql", "latex",
)


class Code(Component):
    TYPE = "code"
    DEFAULT_BUTTONS = ("copy", "download")
    EVENTS = ("change", "input", "focus", "blur")
    PROPS = ("language", "lines", "max_lines", "wrap_lines", "show_line_numbers")
    CLEARED_VALUE = ""
    # Gradio's list of the language names ``language=`` takes (apps build dropdowns from it);
    # names beyond LANGUAGES are shown as plain text.
    languages = [
        "python", "c", "cpp", "markdown", "latex", "json", "html", "css", "javascript", "jinja2", "typescript",
        "yaml", "dockerfile", "shell", "r", "sql", "sql-msSQL", "sql-mySQL", "sql-mariaDB", "sql-sqlite",
        "sql-cassandra", "sql-plSQL", "sql-hive", "sql-pgSQL", "sql-gql", "sql-gpSQL", "sql-sparkSQL",
        "sql-esper", None,
    ]

    def __init__(
        self,
        value: str | Any | None = None,
        *,
        language: str | None = None,
        lines: int = 5,
        max_lines: int | None = None,
        label: str | None = None,
        wrap_lines: bool = False,
        show_line_numbers: bool = True,
        **kwargs: Any,
    ) -> None:
        if language is not None and language not in LANGUAGES and language not in Code.languages:
            raise ValueError(f"Language {language!r} is not supported; choose one of {', '.join(LANGUAGES)}")
        self.language = language
        self.lines = lines
        self.max_lines = max_lines
        self.wrap_lines = wrap_lines
        self.show_line_numbers = show_line_numbers
        super().__init__(value, label=label, **kwargs)

    def preprocess(self, payload: Any) -> str | None:
        return None if payload is None else str(payload)

    def postprocess(self, value: Any) -> str | None:
        if value is None:
            return None
        # Gradio 4 took a (path,) tuple to show a file's content.
        if isinstance(value, tuple) and len(value) == 1 and isinstance(value[0], (str, os.PathLike)):
            with open(value[0], encoding="utf-8") as handle:
                return handle.read().strip()
        # Gradio 6 strips the code it shows, so a triple-quoted template loses its first newline.
        return str(value).strip()
