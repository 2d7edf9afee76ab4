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
