"""Run Gradio demos under real gradio (the bench venv), each on a given loopback port.

    python gradio_host.py DEMO_DIR PORT PROBE_JSON
    python gradio_host.py --zygote

The second form imports gradio once (several seconds on a loaded machine),
then for each line ``{"demo_dir", "port", "probe", "log"}`` on stdin forks
a child, in a session of its own, that runs that demo, and prints the
child's pid. Importing gradio starts no thread, so the fork is safe.

The demo runs as ``__main__`` from its folder; its ``launch()`` is redirected
to the port and does not block, so that, once the server is up, this script
writes what HTTP cannot tell: each ``gr.Examples``' input component ids and
its first examples as the page would send them (postprocessed, files as
cached paths). Then it serves until killed. Runs under gradio's venv: it
imports nothing from Pagelet or the runner.
"""

from __future__ import annotations

import gc
import json
import os
import runpy
import signal
import sys
import threading
import traceback
from pathlib import Path
from typing import Any

EXAMPLES_KEPT = 3


def _examples_probe() -> list[dict[str, Any]]:
    from gradio.helpers import Examples

    found = []
    for examples in [obj for obj in gc.get_objects() if isinstance(obj, Examples)]:
        processed = []
        for example in examples.non_none_examples[:EXAMPLES_KEPT]:
            try:
                processed.append(examples._get_processed_example(example))
            except Exception as error:  # an example gradio itself cannot show is left out
                print(f"compat: example left out: {error!r}", file=sys.stderr)
        found.append(
            {
                "inputs": [component._id for component in examples.inputs],
                "with_examples": [component._id for component in examples.inputs_with_examples],
                "examples": json.loads(json.dumps(processed, default=repr)),
            }
        )
    return found


def serve_demo(demo_dir: Path, port: int, probe_path: Path) -> None:
    import gradio as gr

    original_launch = gr.Blocks.launch
    launched = threading.Event()

    def launch(self: Any, *args: Any, **kwargs: Any) -> Any:
        kwargs.update(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, share=False, inbrowser=False)
        result = original_launch(self, **kwargs)
        probe_path.write_text(json.dumps({"examples": _examples_probe()}), encoding="utf-8")
        launched.set()
        return result

    gr.Blocks.launch = launch  # type: ignore[method-assign]
    sys.path.insert(0, str(demo_dir))
    sys.argv = [str(demo_dir / "run.py")]
    runpy.run_path(str(demo_dir / "run.py"), run_name="__main__")
    if not launched.is_set():
        apps = [value for value in gc.get_objects() if isinstance(value, gr.Blocks) and value.parent is None]
        if not apps:
            raise SystemExit("compat: the demo built no gr.Blocks")
        apps[-1].launch()
    threading.Event().wait()


def zygote() -> None:
    import gradio  # noqa: F401 - imported once, before the forks

    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            os.setsid()
            log = os.open(request["log"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(log, 1)
            os.dup2(log, 2)
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            os.chdir(request["demo_dir"])
            os.environ["GRADIO_SERVER_PORT"] = str(request["port"])
            try:
                serve_demo(Path(request["demo_dir"]), int(request["port"]), Path(request["probe"]))
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(1)
        print(pid, flush=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["--zygote"]:
        zygote()
    else:
        serve_demo(Path(sys.argv[1]).resolve(), int(sys.argv[2]), Path(sys.argv[3]))
