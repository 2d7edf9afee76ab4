"""Start one Gradio demo for the compatibility runner (``make e2e-compat``).

usage: run_demo.py pagelet|gradio DEMO.py PORT

``pagelet`` serves the demo as ``pagelet run DEMO.py`` does (``import gradio``
gives Pagelet); ``gradio`` runs it as ``python DEMO.py`` under whatever
``gradio`` the interpreter has (real Gradio, for the baseline). The demo's
folder comes first on ``sys.path``, as for ``python DEMO.py``.

The runner keeps this process's stdin open; when the runner dies, however it
dies, the pipe closes and the demo exits instead of holding its port.
"""

from __future__ import annotations

import os
import runpy
import sys
import threading
from pathlib import Path


def _exit_when_runner_goes() -> None:
    sys.stdin.read()
    os._exit(0)


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[0] not in ("pagelet", "gradio"):
        print(__doc__, file=sys.stderr)
        return 2
    runtime, demo, port = argv
    threading.Thread(target=_exit_when_runner_goes, daemon=True).start()
    os.environ["GRADIO_SERVER_PORT"] = port
    sys.path.insert(0, str(Path(demo).resolve().parent))
    sys.argv = [demo]
    if runtime == "gradio":
        runpy.run_path(demo, run_name="__main__")
        return 0
    from pagelet.cli import main as pagelet_main

    return pagelet_main(["run", demo, "--port", port])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
