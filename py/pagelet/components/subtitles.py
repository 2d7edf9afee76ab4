"""Subtitles for ``gr.Video``: browsers show WebVTT tracks only, so SubRip (.srt) becomes WebVTT.

The two formats differ in their header and in the decimal comma of the cue
timings; cue text is carried over as it is.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from ..files import output_path

SUBTITLE_SUFFIXES = (".srt", ".vtt")
# An SRT cue timing: "00:00:01,000 --> 00:00:02,500".
_SRT_TIMING = re.compile(r"^(\d+:\d\d:\d\d),(\d{3}) --> (\d+:\d\d:\d\d),(\d{3})", re.MULTILINE)


def srt_to_vtt(text: str) -> str:
    """SubRip text as WebVTT text."""
    body = _SRT_TIMING.sub(r"\1.\2 --> \3.\4", text.replace("\r\n", "\n").lstrip("\ufeff"))
    return "WEBVTT\n\n" + body.strip() + "\n"


def _vtt_time(seconds: float) -> str:
    millis = round(float(seconds) * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    return f"{hours:02d}:{minutes:02d}:{millis // 1000:02d}.{millis % 1000:03d}"


def cues_to_vtt(cues: list[dict[str, Any]]) -> str:
    """Gradio 6's subtitles given as ``[{"text": str, "timestamp": [start, end]}]`` (seconds) as WebVTT text."""
    lines = ["WEBVTT", ""]
    for number, cue in enumerate(cues, start=1):
        if not isinstance(cue, dict) or "text" not in cue or "timestamp" not in cue:
            raise ValueError(f"Subtitle {number} must be a dict with 'text' and 'timestamp': {cue!r}")
        timestamp = cue["timestamp"]
        if not isinstance(timestamp, (list, tuple)) or len(timestamp) != 2:
            raise ValueError(f"Subtitle {number}'s timestamp must be [start, end] in seconds: {timestamp!r}")
        lines += [str(number), f"{_vtt_time(timestamp[0])} --> {_vtt_time(timestamp[1])}", str(cue["text"]), ""]
    return "\n".join(lines)


def subtitles_file(subtitles: Any) -> str | None:
    """``subtitles=`` of Video and Audio (a path, or a list of cues) as the path of a WebVTT file."""
    if subtitles is None:
        return None
    if isinstance(subtitles, (str, os.PathLike)) and Path(subtitles).suffix.lower() == ".json":
        # A JSON file of cues, as Gradio 6 takes.
        subtitles = json.loads(Path(subtitles).read_text(encoding="utf-8"))
        if not isinstance(subtitles, list):
            raise ValueError("A JSON subtitles file must hold a list of {text, timestamp} cues")
    if isinstance(subtitles, list):
        path = output_path(".vtt")
        Path(path).write_text(cues_to_vtt(subtitles), encoding="utf-8")
        return path
    return as_web_subtitles(subtitles)


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
