"""Where a media component's value may come from: Gradio's ``sources`` and ``webcam_options``.

The host shows one control per source, the first one active: an upload zone
("upload", "clipboard": a pasted file), a camera with a capture or record
button ("webcam"), a microphone with record and stop ("microphone").
"""

from __future__ import annotations

import warnings
from dataclasses import asdict, dataclass
from typing import Any


@dataclass
class WebcamOptions:
    """Gradio's ``gr.WebcamOptions``: mirror the live view (and the capture), and
    the ``getUserMedia`` constraints to ask the camera for (``{"video": {...}}``)."""

    mirror: bool = True
    constraints: dict[str, Any] | None = None

    def to_props(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class WaveformOptions:
    """Gradio's ``gr.WaveformOptions`` for an Audio's player and recorder. Pagelet's host
    plays sound with the browser's own player, so these are sent as props and only read
    where the host has the matching control; an app that sets them still runs."""

    waveform_color: str | None = None
    waveform_progress_color: str | None = None
    trim_region_color: str | None = None
    show_recording_waveform: bool = True
    skip_length: int | float = 5
    sample_rate: int = 44100

    def to_props(self) -> dict[str, Any]:
        return asdict(self)


def media_sources(sources: list[str] | str | None, allowed: tuple[str, ...], default: list[str]) -> list[str]:
    """``sources`` as a list (Gradio takes one name too), checked against ``allowed``."""
    chosen = list(default) if sources is None else [sources] if isinstance(sources, str) else list(sources)
    for source in chosen:
        if source not in allowed:
            raise ValueError(f"`sources` must be a list of {', '.join(map(repr, allowed))}; got {source!r}")
    return chosen


def choose_webcam_options(
    options: WebcamOptions | None, mirror_webcam: bool | None, webcam_constraints: dict[str, Any] | None
) -> WebcamOptions:
    """``webcam_options``, with Gradio's deprecated ``mirror_webcam`` / ``webcam_constraints`` folded in."""
    chosen = options if options is not None else WebcamOptions()
    if mirror_webcam is not None:
        warnings.warn("`mirror_webcam` is deprecated: use `webcam_options=gr.WebcamOptions(mirror=...)`", DeprecationWarning, stacklevel=3)
        chosen.mirror = mirror_webcam
    if webcam_constraints is not None:
        warnings.warn(
            "`webcam_constraints` is deprecated: use `webcam_options=gr.WebcamOptions(constraints=...)`", DeprecationWarning, stacklevel=3
        )
        chosen.constraints = webcam_constraints
    return chosen


class StreamingSource:
    """A webcam Image or a microphone Audio that ``.stream()`` listens to: while a person
    streams, the page sends a frame (or a chunk of sound) every ``stream_every`` seconds and
    each one runs the listener, for at most ``time_limit`` seconds (None: until stopped)."""

    # Gradio's props: `.stream()` turns `streaming` on, as Gradio's stream listener does.
    STREAM_PROPS = ("streaming", "stream_every", "time_limit")
    streaming: bool = False
    stream_every: float = 0.5
    time_limit: float | None = None

    def listened(self, event: str, **options: Any) -> None:
        if event != "stream":
            return
        every = options.get("stream_every", 0.5)
        limit = options.get("time_limit")
        if isinstance(every, bool) or not isinstance(every, (int, float)) or every <= 0:
            raise ValueError(f"stream_every must be a positive number of seconds, got {every!r}")
        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, (int, float)) or limit <= 0):
            raise ValueError(f"time_limit must be a positive number of seconds or None, got {limit!r}")
        self.streaming = True
        self.stream_every = float(every)
        self.time_limit = None if limit is None else float(limit)
