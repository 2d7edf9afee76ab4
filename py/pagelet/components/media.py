"""Audio and Video.

Audio as numpy, ``(sample_rate, array)``, is read from and written to WAV with
the standard library's ``wave`` module: no ffmpeg, and numpy only for the
array itself. Other formats stay files (``type="filepath"``).
"""

from __future__ import annotations

import array
import os
import sys
import wave
from typing import Any, Literal

from .. import optional
from ..alerts import Error
from ..files import output_path
from .base import Component
from .capture import StreamingSource, WaveformOptions, WebcamOptions, choose_webcam_options, media_sources
from .file import FILE_DATA_SCHEMA, payload_path, to_file_data
from .subtitles import as_web_subtitles, subtitles_file

_SAMPLE_TYPES = {1: "b", 2: "h", 4: "i"}


def read_wav(path: str) -> tuple[int, Any]:
    """``(sample_rate, samples)`` of a WAV file: int16 (or int8/int32), shape (n,) or (n, channels)."""
    try:
        with wave.open(path, "rb") as reader:
            rate, channels, width = reader.getframerate(), reader.getnchannels(), reader.getsampwidth()
            frames = reader.readframes(reader.getnframes())
    except (wave.Error, EOFError) as exc:
        raise Error(f"Only WAV audio can be read as numpy in this runtime ({exc}); use type='filepath'.") from None
    numpy = optional.require("numpy")
    if width == 1:
        # 8-bit WAV is unsigned; centre it like every other width.
        samples = numpy.frombuffer(frames, dtype=numpy.uint8).astype(numpy.int16) - 128
    elif width in (2, 4):
        samples = numpy.frombuffer(frames, dtype=f"<i{width}")
    else:
        raise Error(f"{width * 8}-bit WAV is not supported; use 8, 16 or 32-bit PCM.")
    if channels > 1:
        samples = samples.reshape(-1, channels)
    return rate, samples


def _as_int16(samples: Any) -> tuple[bytes, int]:
    """Samples (numpy array or nested lists) as little-endian int16 PCM and a channel count."""
    numpy = optional.loaded("numpy")
    if numpy is not None and isinstance(samples, numpy.ndarray):
        data = samples
        if numpy.issubdtype(data.dtype, numpy.floating):
            # Gradio's convention: floats are in [-1, 1].
            data = numpy.clip(data, -1.0, 1.0) * 32767
        elif data.dtype == numpy.int32:
            data = data / 65536
        elif data.dtype == numpy.uint8:
            data = (data.astype(numpy.int16) - 128) * 256
        data = data.astype("<i2")
        channels = 1 if data.ndim == 1 else data.shape[1]
        return data.tobytes(), channels
    rows = list(samples)
    channels = len(rows[0]) if rows and isinstance(rows[0], (list, tuple)) else 1
    flat = [value for row in rows for value in row] if channels > 1 else rows
    floats = any(isinstance(value, float) for value in flat)
    pcm = array.array("h", (max(-32768, min(32767, int(value * 32767 if floats else value))) for value in flat))
    if sys.byteorder == "big":
        pcm.byteswap()
    return pcm.tobytes(), channels


def write_wav(sample_rate: int, samples: Any) -> str:
    """Write ``samples`` as 16-bit WAV into the session's files; return the path."""
    data, channels = _as_int16(samples)
    path = output_path(".wav")
    with wave.open(path, "wb") as writer:
        writer.setnchannels(channels)
        writer.setsampwidth(2)
        writer.setframerate(int(sample_rate))
        writer.writeframes(data)
    return path


def subtitles_prop(value: Any) -> Any:
    """Audio's and Video's ``subtitles=`` as the FileData of a WebVTT file (one given as FileData stays)."""
    if value is None or (isinstance(value, dict) and "path" in value):
        return value
    return to_file_data(subtitles_file(value))


class Audio(StreamingSource, Component):
    TYPE = "audio"
    API_SCHEMA = FILE_DATA_SCHEMA
    DEFAULT_BUTTONS = ("download", "share")
    EVENTS = (
        "stream", "change", "clear", "play", "pause", "stop", "pause_recording", "stop_recording", "start_recording",
        "upload", "input",
    )
    PROPS = (
        "type", "sources", "format", "autoplay", "show_download_button", "loop", "subtitles", "playback_position",
        *StreamingSource.STREAM_PROPS,
    )

    def __init__(
        self,
        value: Any = None,
        *,
        sources: list[str] | str | None = None,
        type: Literal["numpy", "filepath"] = "numpy",
        label: str | None = None,
        format: str = "wav",
        autoplay: bool = False,
        show_download_button: bool = True,
        loop: bool = False,
        streaming: bool = False,
        waveform_options: WaveformOptions | dict[str, Any] | None = None,
        subtitles: Any = None,
        playback_position: float = 0,
        **kwargs: Any,
    ) -> None:
        if type not in ("numpy", "filepath"):
            raise ValueError(f"Audio type must be 'numpy' or 'filepath', got {type!r}")
        # An output with streaming=True plays a generator's chunks one after another as they come.
        self.streaming = streaming
        # Gradio's default: a streaming Audio listens to the microphone only.
        self.sources = media_sources(sources, ("upload", "microphone"), ["microphone"] if streaming else ["upload", "microphone"])
        self.type = type
        self.format = format
        self.autoplay = autoplay
        self.show_download_button = show_download_button
        self.loop = loop
        self.waveform_options = waveform_options if isinstance(waveform_options, WaveformOptions) else WaveformOptions(**(waveform_options or {}))
        # Gradio 6's subtitles (a file, or a list of cues), shown as WebVTT like a Video's.
        self.subtitles = self.normalize_prop("subtitles", subtitles)
        # Where playing starts, in seconds; the host's player reads it.
        self.playback_position = playback_position
        super().__init__(value, label=label, **kwargs)

    def get_props(self) -> dict[str, Any]:
        return {**super().get_props(), "waveform_options": self.waveform_options.to_props()}

    def normalize_prop(self, name: str, value: Any) -> Any:
        return subtitles_prop(value) if name == "subtitles" else super().normalize_prop(name, value)

    def optional_packages(self) -> tuple[str, ...]:
        return ("numpy",) if self.type == "numpy" else ()

    def preprocess(self, payload: Any) -> Any:
        if payload is None:
            return None
        path = payload_path(payload)
        return path if self.type == "filepath" else read_wav(path)

    def postprocess(self, value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], int):
            return to_file_data(write_wav(value[0], value[1]))
        if isinstance(value, (str, os.PathLike, dict)):
            return to_file_data(value)
        if isinstance(value, bytes):
            # A streaming output's chunk as raw bytes (Gradio's stream_audio_out), in this Audio's `format`.
            path = output_path(f".{self.format}")
            with open(path, "wb") as chunk:
                chunk.write(value)
            return to_file_data(path)
        raise TypeError(f"Cannot play a {type(value).__name__}: return a path, bytes or (sample_rate, samples)")


class Video(Component):
    """A video file. Its value is a FileData, as in Gradio 6; ``subtitles=`` (an .srt or .vtt
    file, or a list of ``{"text", "timestamp": [start, end]}``) is shown as its track.

    A function may also return ``(video, subtitles)``, as Gradio 4 and 5 allowed: that value is
    ``{"video": FileData, "subtitles": FileData | None}``, which the host shows alike.
    """

    TYPE = "video"
    API_SCHEMA = FILE_DATA_SCHEMA
    DEFAULT_BUTTONS = ("download",)
    EVENTS = (
        "change", "clear", "start_recording", "stop_recording", "stop", "play", "pause", "end", "upload", "input",
    )
    PROPS = ("sources", "height", "width", "autoplay", "loop", "show_download_button", "subtitles", "playback_position")

    def __init__(
        self,
        value: Any = None,
        *,
        sources: list[str] | str | None = None,
        height: int | str | None = None,
        width: int | str | None = None,
        label: str | None = None,
        autoplay: bool = False,
        loop: bool = False,
        show_download_button: bool = True,
        mirror_webcam: bool | None = None,
        webcam_options: WebcamOptions | None = None,
        include_audio: bool | None = None,
        subtitles: Any = None,
        playback_position: float = 0,
        **kwargs: Any,
    ) -> None:
        self.sources = media_sources(sources, ("upload", "webcam"), ["upload", "webcam"])
        self.webcam_options = choose_webcam_options(webcam_options, mirror_webcam, None)
        # Gradio records sound with the webcam's picture unless the video is webcam-only.
        self.include_audio = include_audio if include_audio is not None else "upload" in self.sources
        self.height = height
        self.width = width
        self.autoplay = autoplay
        self.loop = loop
        self.show_download_button = show_download_button
        self.subtitles = self.normalize_prop("subtitles", subtitles)
        self.playback_position = playback_position
        super().__init__(value, label=label, **kwargs)

    def normalize_prop(self, name: str, value: Any) -> Any:
        return subtitles_prop(value) if name == "subtitles" else super().normalize_prop(name, value)

    def get_props(self) -> dict[str, Any]:
        return {**super().get_props(), "webcam_options": self.webcam_options.to_props(), "include_audio": self.include_audio}

    def preprocess(self, payload: Any) -> str | None:
        if isinstance(payload, dict) and "video" in payload:
            payload = payload["video"]
        return None if payload is None else payload_path(payload)

    def postprocess(self, value: Any) -> Any:
        if value is None or (isinstance(value, (tuple, list)) and all(item is None for item in value)):
            return None
        if isinstance(value, (str, os.PathLike)) or (isinstance(value, dict) and "path" in value):
            return to_file_data(value)
        if isinstance(value, dict) and "video" in value:
            video, subtitles = value["video"], value.get("subtitles")
        elif isinstance(value, (tuple, list)):
            if len(value) != 2:
                raise ValueError(f"A video is a path or (video, subtitles), got {len(value)} items")
            video, subtitles = value
        else:
            video, subtitles = value, None
        if isinstance(subtitles, dict):
            subtitles = payload_path(subtitles)
        return {
            "video": to_file_data(video),
            "subtitles": None if subtitles is None else to_file_data(as_web_subtitles(subtitles)),
        }
