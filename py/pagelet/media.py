"""``gradio.media``: sample files for demos, under Gradio's names (``get_image("cheetah1.jpg")``).

The files are Pagelet's own (drawn and synthesised by scripts/make_media.py),
in ``media_assets/``. On CPython they ship with the package and the server
may offer them. The browser's core wheel leaves them out (they are not on the
boot path): the first ``get_*`` of a file downloads it from ``media/`` next
to ``worker.js`` into the worker's file system, once.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from pathlib import Path

from .utils import set_static_paths

MEDIA_ROOT = Path(__file__).parent / "media_assets"
MEDIA_PATHS = [MEDIA_ROOT / kind for kind in ("images", "videos", "audio", "models3d", "data")]

# What media_assets/ holds, so that a random pick and a missing name work where the files are not yet local.
MEDIA_FILES: dict[str, tuple[str, ...]] = {
    "audio": ("audio_sample.wav", "cantina.wav", "cate_blanch.mp3", "cate_blanch_2.mp3", "heath_ledger.mp3",
              "recording1.wav", "sax.wav"),
    "data": ("imagenet_labels.json", "s1.srt", "s2.vtt", "s3.json", "sample.txt", "time.csv", "titanic.csv"),
    "images": ("avatar.png", "bus.png", "cheetah.jpg", "cheetah1.jpg", "groot.jpeg", "hf-logo_transpng.png",
               "lion.jpg", "logo.png", "screenshot.gif", "tower.jpg"),
    "models3d": ("Bunny.obj", "Duck.glb", "Fox.gltf", "face.obj", "sofia.stl"),
    "videos": ("a.mp4", "b.avi", "b.mp4", "muted_b.mp4", "world.mp4"),
}

# The server may offer these files, as Gradio serves its own media.
set_static_paths(MEDIA_PATHS)


def _in_browser() -> bool:
    return sys.platform == "emscripten"


def _downloaded(kind: str, filename: str) -> Path:
    """The file fetched from the site's ``media/`` folder into the worker (once)."""
    target = Path(tempfile.gettempdir()) / "pagelet-media" / kind / filename
    if target.exists():
        return target
    import js  # Pyodide's bridge to the worker's globals

    url = str(js.URL.new(f"media/{kind}/{filename}", js.location.href).href)
    # A synchronous request: get_image() is a plain function, and a worker may block.
    request = js.XMLHttpRequest.new()
    request.open("GET", url, False)
    request.responseType = "arraybuffer"
    request.send(None)
    if request.status != 200:
        raise FileNotFoundError(f"Media file not found: {url} answered {request.status}. Is dist/media/ served next to worker.js?")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(target.suffix + ".part")
    partial.write_bytes(request.response.to_py().tobytes())
    os.replace(partial, target)
    return target


def _get_media_path(kind: str, filename: str | None = None) -> str:
    if kind not in MEDIA_FILES:
        raise ValueError(f"Media directory not found: {MEDIA_ROOT / kind}")
    if filename is None:
        filename = random.choice(MEDIA_FILES[kind])
    elif filename.startswith(("http://", "https://")):
        return filename
    local = MEDIA_ROOT / kind / filename
    if local.is_file():
        return str(local.absolute())
    if filename not in MEDIA_FILES[kind]:
        raise FileNotFoundError(f"Media file not found: {local}. The {kind} are: {', '.join(MEDIA_FILES[kind])}")
    if _in_browser():
        return str(_downloaded(kind, filename))
    raise FileNotFoundError(f"Media file not found: {local}")


def get_image(filename: str | None = None) -> str:
    """The path of sample image ``filename`` (``"cheetah1.jpg"``), or of a random one."""
    return _get_media_path("images", filename)


def get_video(filename: str | None = None) -> str:
    """The path of sample video ``filename`` (``"world.mp4"``), or of a random one."""
    return _get_media_path("videos", filename)


def get_audio(filename: str | None = None) -> str:
    """The path of sample sound ``filename`` (``"cantina.wav"``), or of a random one."""
    return _get_media_path("audio", filename)


def get_model3d(filename: str | None = None) -> str:
    """The path of sample 3D model ``filename`` (``"Duck.glb"``), or of a random one."""
    return _get_media_path("models3d", filename)


def get_file(filename: str | None = None) -> str:
    """The path of sample data file ``filename`` (``"titanic.csv"``), or of a random one."""
    return _get_media_path("data", filename)
