"""Writing the exported site into OUT/.

    OUT/index.html            the app in a <gradio-lite> element; registers sw.js
    OUT/lite.js, lite.css, chunks/, worker.js, pyodide/, pagelet/   the browser build
    OUT/requirements/*.whl    the requirements' wheels, pinned by sha256 in index.html
    OUT/app/...               the app's files that are not Python source, by URL
    OUT/sw.js, precache.json  the service worker and the list of files it keeps

Python files go inline in the page, so that it reads as the app; other files
(data, images) are copied and fetched by URL, byte for byte.
"""

from __future__ import annotations

import hashlib
import html
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .browser import find_build, pyodide_python_version
from .errors import ExportError
from .source import AppSource, read_app
from .wheels import WheelSource, download_wheels, is_provided

PAGE = "index.html"
PRECACHE_MANIFEST = "precache.json"
REQUIREMENTS_DIR = "requirements"
APP_FILES_DIR = "app"
# Left out of every export: source maps, make's stamps, and micropip (an export's requirements are all pinned).
SKIPPED = ("wheels",)
# transformers.js and onnxruntime are tens of megabytes: copied only for an app that uses them.
TRANSFORMERS_DIR = "transformers"
VERSION_PLACEHOLDER = "{{precache-version}}"


@dataclass(frozen=True)
class ExportOptions:
    entrypoint: str | None = None
    dist: Path | None = None
    wheel_source: WheelSource = field(default_factory=WheelSource)


@dataclass(frozen=True)
class ExportResult:
    out: Path
    files: list[str]
    wheels: list[str]
    skipped_requirements: list[str]


def export_app(app: Path, out: Path, options: ExportOptions = ExportOptions()) -> ExportResult:
    source = read_app(app, options.entrypoint, leave_out=out)
    build = find_build(options.dist)
    if out.exists() and any(out.iterdir()) and not (out / PRECACHE_MANIFEST).is_file():
        raise ExportError(f"{out} is not empty and holds no earlier export: choose an empty or new folder")
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)

    _copy_build(build, out, uses_transformers=_uses_transformers(source))
    wanted = [requirement for requirement in source.requirements if not is_provided(requirement)]
    wheels = download_wheels(wanted, pyodide_python_version(build), options.wheel_source, out / REQUIREMENTS_DIR)
    pinned = [f"{REQUIREMENTS_DIR}/{wheel.path.name}#sha256={wheel.sha256}" for wheel in wheels]
    for name, content in source.files.items():
        if not name.endswith(".py"):
            target = out / APP_FILES_DIR / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)

    page = _page(source, pinned)
    files = sorted(path.relative_to(out).as_posix() for path in out.rglob("*") if path.is_file())
    version = _version(out, files, page)
    (out / PAGE).write_text(page.replace(VERSION_PLACEHOLDER, version), encoding="utf-8")
    files = sorted([*files, PAGE])
    manifest = {"version": version, "files": files}
    (out / PRECACHE_MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return ExportResult(out, files, [wheel.path.name for wheel in wheels], [r for r in source.requirements if is_provided(r)])


def _uses_transformers(source: AppSource) -> bool:
    return any(name.endswith(".py") and b"transformers" in content for name, content in source.files.items())


def _copy_build(build: Path, out: Path, uses_transformers: bool) -> None:
    skipped = {*SKIPPED, *(() if uses_transformers else (TRANSFORMERS_DIR,))}
    for path in sorted(build.rglob("*")):
        relative = path.relative_to(build)
        if not path.is_file() or relative.parts[0] in skipped or path.suffix == ".map" or any(p.startswith(".") for p in relative.parts):
            continue
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)


def _version(out: Path, files: list[str], page: str) -> str:
    """A hash of everything the site serves, so that any change gives a new service-worker cache."""
    digest = hashlib.sha256(page.encode())
    for name in files:
        digest.update(f"\n{name} {hashlib.sha256((out / name).read_bytes()).hexdigest()}".encode())
    return digest.hexdigest()[:16]


def _page(source: AppSource, pinned: list[str]) -> str:
    title = html.escape(source.name)
    parts = []
    if pinned:
        parts.append("<gradio-requirements>\n" + "\n".join(html.escape(line) for line in pinned) + "\n</gradio-requirements>")
    for name, content in source.files.items():
        marker = " entrypoint" if name == source.entrypoint else ""
        if name.endswith(".py"):
            try:
                text = content.decode("utf-8")
            except UnicodeDecodeError as error:
                raise ExportError(f"{name} is not UTF-8 text: {error}") from error
            parts.append(f'<gradio-file name="{html.escape(name)}"{marker}>\n{html.escape(text, quote=False)}</gradio-file>')
        else:
            url = html.escape(f"{APP_FILES_DIR}/{name}")
            parts.append(f'<gradio-file name="{html.escape(name)}" url="{url}"{marker}></gradio-file>')
    app = "\n".join(parts)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<script type="module" src="./lite.js"></script>
<script>
// Keeps every file of this site (precache.json) for visits with the server gone.
if ("serviceWorker" in navigator) navigator.serviceWorker.register("./sw.js?v={VERSION_PLACEHOLDER}").catch((error) => console.warn("Pagelet: no offline copy:", error));
</script>
</head>
<body>
<gradio-lite>
{app}
</gradio-lite>
</body>
</html>
"""
