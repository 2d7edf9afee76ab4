"""Build the files the browser worker loads, into dist/, and their manifest.

    dist/pagelet/pagelet-<version>.tar.gz             the core: the files of its hatchling wheel, one gzip stream
    dist/wheels/<micropip...>.whl                     pinned in lite/wheels.lock.json
    dist/pyodide/                                     Pyodide's core, from node_modules
    dist/media/                                       gradio.media's sample files (not in the wheel)
    build/assets.json                                 names and integrity of the above

The manifest is compiled into dist/worker.js by vite.worker.config.ts, so the
worker knows every file and its hash without a request. Run with the project's
venv Python (it has hatchling): `.venv/bin/python scripts/build_assets.py`.
Standard library only; the network is used only to download a vendored wheel
missing from .cache/wheels.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

from slim_python import slim

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
MANIFEST = ROOT / "build" / "assets.json"
WHEELS_LOCK = ROOT / "lite" / "wheels.lock.json"
WHEEL_CACHE = ROOT / ".cache" / "wheels"
PYODIDE_PACKAGE = ROOT / "node_modules" / "pyodide"
# What loadPyodide() fetches at boot. pyodide-lock.json is not among them: the
# worker gets the lock from the manifest instead.
PYODIDE_CORE = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
# Zip timestamps come from here, so the same sources give the same wheel, byte for byte.
DEFAULT_SOURCE_DATE_EPOCH = "1580601600"


class BuildError(Exception):
    """A build step failed for a reason worth one line."""


def sha256_hex(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def integrity(path: Path) -> str:
    """The subresource-integrity string that `fetch(url, {integrity})` checks."""
    return "sha256-" + base64.b64encode(hashlib.sha256(path.read_bytes()).digest()).decode()


def asset(path: Path) -> dict[str, str]:
    return {"file": path.relative_to(DIST).as_posix(), "integrity": integrity(path)}


def copy_if_changed(source: Path, target: Path) -> None:
    if target.exists() and target.stat().st_size == source.stat().st_size and sha256_hex(target) == sha256_hex(source):
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def replace_dir_contents(directory: Path, keep: set[str]) -> None:
    """Remove files of an earlier build that this one does not make."""
    if directory.exists():
        for path in directory.iterdir():
            if path.name not in keep:
                shutil.rmtree(path) if path.is_dir() else path.unlink()


def build_core() -> Path:
    """Build py/pagelet into dist/pagelet/ with hatchling, reproducibly, as the archive the worker unpacks."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", DEFAULT_SOURCE_DATE_EPOCH)}
    with tempfile.TemporaryDirectory() as tmp:
        result = subprocess.run(
            [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", tmp],
            cwd=ROOT, env=env, capture_output=True, text=True,
        )
        if result.returncode != 0:
            raise BuildError(f"hatchling could not build the core wheel:\n{result.stdout}{result.stderr}")
        wheels = list(Path(tmp).glob("pagelet-*-py3-none-any.whl"))
        if len(wheels) != 1:
            raise BuildError(f"expected one pagelet wheel from hatchling, got {[w.name for w in wheels]}")
        built = wheels[0]
        files = browser_files(built)
        if "pagelet/__init__.py" not in dict(files):
            raise BuildError(f"{built.name} has no pagelet/__init__.py: check [tool.hatch.build] in pyproject.toml")
        archive = Path(tmp) / built.name.replace("-py3-none-any.whl", ".tar.gz")
        write_tar_gz(files, archive)
        target = DIST / "pagelet" / archive.name
        replace_dir_contents(target.parent, {archive.name})
        copy_if_changed(archive, target)
    return target


def write_tar_gz(files: list[tuple[str, bytes]], archive: Path) -> None:
    """``files`` as one gzip stream, which the worker unpacks into site-packages.

    Not a wheel: a wheel is a zip, which deflates each file on its own, and the
    core is some ninety small modules that share most of their words, so one
    stream is a quarter smaller, for every visitor at every cold start. Entry
    metadata is fixed, so the same files give the same archive, byte for byte
    (its hash is the worker's integrity check).
    """
    mtime = int(os.environ.get("SOURCE_DATE_EPOCH", DEFAULT_SOURCE_DATE_EPOCH))
    with open(archive, "wb") as raw:
        # No file name and mtime 0 in the gzip header: nothing of the build machine or the hour.
        with gzip.GzipFile(filename="", fileobj=raw, mode="wb", compresslevel=9, mtime=0) as stream:
            with tarfile.open(fileobj=stream, mode="w", format=tarfile.USTAR_FORMAT) as tar:
                for name, content in files:
                    info = tarfile.TarInfo(name)
                    info.size, info.mtime, info.mode = len(content), mtime, 0o644
                    tar.addfile(info, io.BytesIO(content))


# The CPython server adapter and its page, the command line, the static-site export and
# the protocol's generated TypedDicts (only type checkers import them): of no use in the
# browser, so not downloaded there. gradio.media's sample files are served from dist/media/
# instead, fetched only when an app asks for one.
BROWSERLESS_PREFIX = (
    "pagelet/server/", "pagelet/export/", "pagelet/cli.py", "pagelet/__main__.py", "pagelet/protocol_types.py",
    "pagelet/media_assets/",
)


def browser_files(wheel: Path) -> list[tuple[str, bytes]]:
    """The wheel's files the browser needs, sorted by name: no ``BROWSERLESS_PREFIX`` paths, no
    RECORD (only an uninstall reads it), METADATA without the description (the whole README),
    and the Python sources without comments and docstrings, every line where it was."""
    files = []
    with zipfile.ZipFile(wheel) as source:
        for name in sorted(source.namelist()):
            if name.startswith(BROWSERLESS_PREFIX) or name.endswith(".dist-info/RECORD"):
                continue
            content = source.read(name)
            if name.endswith(".dist-info/METADATA"):
                content = headers_only(content)
            elif name.endswith(".py"):
                content = slim(content.decode()).encode()
            files.append((name, content))
    return files


def headers_only(metadata: bytes) -> bytes:
    """Core metadata without its description, which nothing in the browser reads (it is the whole README)."""
    return metadata.partition(b"\n\n")[0] + b"\n"


def vendor_wheels() -> list[Path]:
    """Copy the wheels pinned in lite/wheels.lock.json to dist/wheels/, downloading any not cached."""
    lock = json.loads(WHEELS_LOCK.read_text())
    copied = []
    for wheel in lock["wheels"]:
        cached = WHEEL_CACHE / wheel["file"]
        if not cached.exists() or sha256_hex(cached) != wheel["sha256"]:
            download_wheel(wheel, lock["python_version"])
        actual = sha256_hex(cached)
        if actual != wheel["sha256"]:
            raise BuildError(f"{cached} has sha256 {actual}, but {WHEELS_LOCK.name} pins {wheel['sha256']}")
        target = DIST / "wheels" / wheel["file"]
        copy_if_changed(cached, target)
        copied.append(target)
    replace_dir_contents(DIST / "wheels", {path.name for path in copied})
    return copied


def download_wheel(wheel: dict[str, str], python_version: str) -> None:
    WHEEL_CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        requirements = Path(tmp) / "requirements.txt"
        # pip checks the hash too, before the file even lands in the cache.
        requirements.write_text(f"{wheel['name']}=={wheel['version']} --hash=sha256:{wheel['sha256']}\n")
        command = [
            sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
            "--python-version", python_version, "--require-hashes", "-r", str(requirements), "-d", str(WHEEL_CACHE),
        ]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            raise BuildError(f"pip could not download {wheel['file']}:\n{result.stderr}")
    if not (WHEEL_CACHE / wheel["file"]).exists():
        raise BuildError(f"pip downloaded {wheel['name']} {wheel['version']}, but not as {wheel['file']}")


def copy_pyodide() -> tuple[str, dict]:
    """Copy Pyodide's core to dist/pyodide/; return its version and the lock the worker gets.

    The lock keeps only the packages whose files are present next to Pyodide
    (with their dependencies), and they are copied too. Listing a package that
    is not there would make micropip fetch it from dist/pyodide/ and fail,
    instead of looking for it on the package index.
    """
    package = json.loads((PYODIDE_PACKAGE / "package.json").read_text())
    lock = json.loads((PYODIDE_PACKAGE / "pyodide-lock.json").read_text())
    packages = {name: entry for name, entry in lock["packages"].items() if (PYODIDE_PACKAGE / entry["file_name"]).exists()}
    while True:
        complete = {name: entry for name, entry in packages.items() if all(dep in packages for dep in entry["depends"])}
        if complete.keys() == packages.keys():
            break
        packages = complete
    files = [*PYODIDE_CORE, *(entry["file_name"] for entry in packages.values())]
    for name in files:
        source = PYODIDE_PACKAGE / name
        if not source.exists():
            raise BuildError(f"{source} is missing: run `npm ci`")
        copy_if_changed(source, DIST / "pyodide" / name)
    trimmed = {"info": lock["info"], "packages": packages}
    # The worker has the lock built in; the file is there for any other
    # loadPyodide() pointed at dist/pyodide/ (the benchmark's bare baseline).
    write_if_changed(DIST / "pyodide" / "pyodide-lock.json", json.dumps(trimmed, separators=(",", ":")))
    replace_dir_contents(DIST / "pyodide", {*files, "pyodide-lock.json"})
    return package["version"], trimmed


def write_if_changed(path: Path, text: str) -> bool:
    """Write only on change, so that make does not rebuild the worker for nothing."""
    if path.exists() and path.read_text() == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return True


MEDIA_SOURCE = ROOT / "py" / "pagelet" / "media_assets"


def copy_media() -> None:
    """gradio.media's sample files into dist/media/, where the worker fetches one when an app asks for it."""
    target = DIST / "media"
    for source in sorted(MEDIA_SOURCE.rglob("*")):
        if source.is_file():
            copy_if_changed(source, target / source.relative_to(MEDIA_SOURCE))


def main() -> int:
    try:
        copy_media()
        core = build_core()
        wheels = vendor_wheels()
        pyodide_version, lock = copy_pyodide()
    except BuildError as error:
        print(f"build_assets: {error}", file=sys.stderr)
        return 1
    manifest = {
        "pyodideVersion": pyodide_version,
        "lockFile": lock,
        "core": asset(core),
        "micropip": [asset(path) for path in wheels],
    }
    changed = write_if_changed(MANIFEST, json.dumps(manifest, indent=2) + "\n")
    print(f"build_assets: {core.relative_to(ROOT)} sha256={sha256_hex(core)}")
    print(f"build_assets: {MANIFEST.relative_to(ROOT)} {'updated' if changed else 'unchanged'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
