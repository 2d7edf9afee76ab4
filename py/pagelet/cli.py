"""``pagelet run APP.py [--host H] [--port N]``: serve an unmodified Gradio app on CPython.

``import gradio`` in the app gives Pagelet; the app's own ``demo.launch()``
starts the server (with ``--host``/``--port`` as defaults it may override).
An app that builds a ``Blocks`` but never launches it is launched here.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence

from . import alias, launcher
from .app_runner import format_app_error, run_app_file
from .blocks import Blocks


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pagelet", description="Run Gradio-style apps with Pagelet.")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="serve APP.py on this machine")
    run.add_argument("app", help="the app's Python file")
    run.add_argument("--host", default=None, help="address to listen on (default 127.0.0.1)")
    run.add_argument("--port", type=int, default=None, help="port (default 7860, or the next free one)")
    return parser


def run(path: str, host: str | None, port: int | None) -> int:
    from .server import ServerLauncher

    server = ServerLauncher()
    server.default_host, server.default_port = host, port
    launcher.set_launcher(server)
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
    apps = [value for value in namespace.values() if isinstance(value, Blocks) and value.parent is None]
    if len(apps) != 1:
        print(f"{path} did not launch an app: end it with demo.launch() on a gr.Blocks or gr.Interface.", file=sys.stderr)
        return 1
    apps[0].launch()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _parser().parse_args(argv)
    return run(arguments.app, arguments.host, arguments.port)
