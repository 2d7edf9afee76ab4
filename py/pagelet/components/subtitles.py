"""Subtitles for ``gr.Video``: browsers show WebVTT tracks only, so SubRip (.srt) becomes WebVTT.

The two formats differ in their header and in the decimal comma of the cue
timings; cue text is carried over as it is.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..files import output_path

SUBTITLE_SUFFIXES = (".srt", ".vtt")
# An SRT cue timing: "00:00:01,000 --> 00:00:02,500".
_SRT_TIMING = re.compile(r"^(\d+:\d\d:\d\d),(\d{3}) --> (\d+:\d\d:\d\d),(\d{3})", re.MULTILINE)


def srt_to_vtt(text: str) -> str:
    """SubRip text as WebVTT text."""
    body = _SRT_TIMING.sub(r"\1.\2 --> \3.\4", text.replace("\r\n", "\n").lstrip("\ufeff"))
    return "WEBVTT\n\n" + body.strip() + "\n"


def as_web_subtitles(path: str | os.PathLike[str]) -> str:
    """A path the browser can show as a track: a .vtt as it is, an .srt converted into the session's files."""
    suffix = Path(path).suffix.lower()
    if suffix not in SUBTITLE_SUFFIXES:
        raise ValueError(f"Subtitles must be an .srt or .vtt file, got {Path(path).name!r}")
    if suffix == ".vtt":
        return os.fspath(path)
    converted = output_path(".vtt")
    Path(converted).write_text(srt_to_vtt(Path(path).read_text(encoding="utf-8")), encoding="utf-8")
    return converted
