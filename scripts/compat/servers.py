"""Start a demo's server on a loopback port, wait for it to answer, stop it.

A server is either a subprocess of its own (Pagelet: it starts in well under
a second) or a fork of a gradio zygote (``gradio_host.py --zygote``), which
spares each demo the seconds of ``import gradio``.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

# Environment for both servers: nothing phones home, nothing waits on the network.
QUIET_ENV = {
    "GRADIO_ANALYTICS_ENABLED": "False",
    "HF_HUB_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "MPLBACKEND": "Agg",
    "NO_PROXY": "127.0.0.1,localhost",
    "no_proxy": "127.0.0.1,localhost",
    "PYTHONUNBUFFERED": "1",
}
_ERROR_LINE = re.compile(r"^\s*[\w.]+(Error|Exception|Exit|Interrupt)\b.*")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def first_error_line(text: str) -> str:
    """The exception line of a traceback in ``text`` (else its last non-empty line)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    errors = [line for line in lines if _ERROR_LINE.match(line)]
    if errors:
        return errors[-1][:300]
    return lines[-1][:300] if lines else "(no output)"


def get_json(url: str, timeout: float = 10.0) -> Any:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return json.load(response)


class Running(Protocol):
    """A started server process, in a process group (session) of its own."""

    pid: int

    def poll(self) -> int | None: ...


@dataclass
class ForkedChild:
    """A zygote's child: the zygote reaps it, so it is alive while its pid exists."""

    pid: int

    def poll(self) -> int | None:
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return 1
        return None


class GradioZygote:
    """``gradio_host.py --zygote`` in gradio's venv: forks one child per demo."""

    def __init__(self, python: Path, host_script: Path) -> None:
        self._process = subprocess.Popen(
            [str(python), str(host_script), "--zygote"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            env={**os.environ, **QUIET_ENV}, text=True, start_new_session=True,
        )
        self._lock = threading.Lock()

    def spawn(self, demo_dir: Path, port: int, probe: Path, log: Path) -> ForkedChild:
        assert self._process.stdin is not None and self._process.stdout is not None
        request = {"demo_dir": str(demo_dir), "port": port, "probe": str(probe), "log": str(log)}
        with self._lock:
            self._process.stdin.write(json.dumps(request) + "\n")
            self._process.stdin.flush()
            line = self._process.stdout.readline()
        if not line.strip():
            raise RuntimeError("the gradio zygote has stopped")
        return ForkedChild(int(line))

    def close(self) -> None:
        if self._process.poll() is None:
            os.killpg(self._process.pid, signal.SIGTERM)
            self._process.wait(timeout=10)


@dataclass
class DemoServer:
    """One demo's server; ``url`` is set once it answers ``/config``."""

    cwd: Path
    log: Path
    port: int = field(default_factory=free_port)
    process: Running | None = None
    url: str = ""
    error: str = ""

    def start_subprocess(self, command: list[str]) -> None:
        env = {**os.environ, **QUIET_ENV, "GRADIO_SERVER_PORT": str(self.port)}
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(command, cwd=self.cwd, env=env, stdout=log, stderr=subprocess.STDOUT,
                                            start_new_session=True)

    def wait_ready(self, timeout: float) -> bool:
        assert self.process is not None
        deadline = time.monotonic() + timeout
        base = f"http://127.0.0.1:{self.port}"
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.error = first_error_line(self.output())
                return False
            try:
                get_json(f"{base}/config", timeout=2.0)
            except Exception:
                time.sleep(0.2)
                continue
            self.url = base
            return True
        self.error = f"did not answer /config within {timeout:.0f} s; last output: {first_error_line(self.output())}"
        return False

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        deadline = time.monotonic() + 5
        while self.process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        if isinstance(self.process, subprocess.Popen):
            self.process.wait(timeout=5)
