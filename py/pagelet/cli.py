"""``pagelet run APP.py [--host H] [--port N]``: serve an unmodified Gradio app on CPython.

``pagelet export APP OUT/``: write the app as a static site (see ``pagelet.export``).

``import gradio`` in the app gives Pagelet; the app's own ``demo.launch()``
starts the server (with ``--host``/``--port`` as defaults it may override).
An app that builds a ``Blocks`` but never launches it is launched here.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence
from typing import Protocol

from . import alias, launcher
from .app_runner import built_app, format_app_error, run_app_file


class _Server(launcher.Launcher, Protocol):
    """What ``run`` needs of the server's launcher, which it finds through the registry."""

    default_host: str | None
    default_port: int | None
    running: dict[int, object]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pagelet", description="Run Gradio-style apps with Pagelet.")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="serve APP.py on this machine")
    run.add_argument("app", help="the app's Python file")
    run.add_argument("--host", default=None, help="address to listen on (default 127.0.0.1)")
    run.add_argument("--port", type=int, default=None, help="port (default 7860, or the next free one)")
    export = commands.add_parser("export", help="write APP as a static site that runs in the browser, offline")
    export.add_argument("app", help="the app's Python file, or its folder (with an optional requirements.txt)")
    export.add_argument("out", help="the folder to write the site to (made empty first)")
    export.add_argument("--entrypoint", default=None, help="the app's main file within the folder (default app.py)")
    export.add_argument("--wheels", default=None, help="take the requirements' wheels from this folder only, offline")
    export.add_argument("--find-links", default=None, help="look for wheels in this folder before PyPI")
    export.add_argument("--dist", default=None, help="the browser build to copy (default: PAGELET_DIST, or the repository's dist/)")
    return parser


def export(arguments: argparse.Namespace) -> int:
    from pathlib import Path

    from .export import ExportError, ExportOptions, export_app
    from .export.wheels import WheelSource

    options = ExportOptions(
        entrypoint=arguments.entrypoint,
        dist=Path(arguments.dist) if arguments.dist else None,
        wheel_source=WheelSource(
            wheels=Path(arguments.wheels) if arguments.wheels else None,
            find_links=Path(arguments.find_links) if arguments.find_links else None,
        ),
    )
    try:
        result = export_app(Path(arguments.app), Path(arguments.out), options)
    except ExportError as error:
        print(f"pagelet export: {error}", file=sys.stderr)
        return 1
    for requirement in result.skipped_requirements:
        print(f"pagelet export: {requirement!r} left out: Pagelet provides it in the browser")
    wheels = f", with {', '.join(result.wheels)}" if result.wheels else ""
    print(f"pagelet export: wrote {len(result.files)} files to {result.out}{wheels}; serve it from any static host")
    return 0


def run(path: str, host: str | None, port: int | None) -> int:
    try:
        found = launcher.current_launcher()
    except RuntimeError as error:
        print(f"pagelet run: {error}", file=sys.stderr)
        return 1
    if found is None:
        print("pagelet run: no server is installed: pip install 'pagelet[server]'.", file=sys.stderr)
        return 1
    server: _Server = found  # type: ignore[assignment]  # the registered CPython launcher is the server's
    server.default_host, server.default_port = host, port
    alias.install()
    sys.path.insert(0, ".")
    try:
        namespace = asyncio.run(run_app_file(path))
    except KeyboardInterrupt:
        return 0
    except BaseException as exc:
        print(format_app_error(exc), file=sys.stderr, end="")
        return 1
    if server.running:
        return 0
    app = built_app(namespace)
    if app is None:
        print(f"{path} did not launch an app: end it with demo.launch() on a gr.Blocks or gr.Interface.", file=sys.stderr)
        return 1
    app.launch()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _parser().parse_args(argv)
    if arguments.command == "export":
        return export(arguments)
    return run(arguments.app, arguments.host, arguments.port)
