"""Start one Gradio demo for the compatibility runner (``make e2e-compat``).

usage: run_demo.py pagelet|gradio DEMO.py PORT RUNNER_PID

``pagelet`` serves the demo as ``pagelet run DEMO.py`` does (``import gradio``
gives Pagelet); ``gradio`` runs it as ``python DEMO.py`` under whatever
``gradio`` the interpreter has (real Gradio, for the baseline). The demo's
folder comes first on ``sys.path``, as for ``python DEMO.py``.

The demo outlives the Playwright worker that started it (a worker is
replaced after every failed test, and the next test of the spec reuses the
demo), but not the runner: once RUNNER_PID is gone, however it ended, the
demo exits instead of holding its port.
"""

from __future__ import annotations

import os
import runpy
import sys
import threading
import time
from pathlib import Path


def _exit_when_gone(pid: int) -> None:
    while True:
        time.sleep(1)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            os._exit(0)
        except PermissionError:
            pass


def main(argv: list[str]) -> int:
    if len(argv) != 4 or argv[0] not in ("pagelet", "gradio"):
        print(__doc__, file=sys.stderr)
        return 2
    runtime, demo, port, runner = argv
    threading.Thread(target=_exit_when_gone, args=(int(runner),), daemon=True).start()
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
