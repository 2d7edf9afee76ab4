"""Pagelet's server against the real Gradio server: the protocols themselves, and ``gradio_client``.

    .venv/bin/python bench/server.py [--calls 200] [--seconds 3] [--gradio .venv-bench/bin/python]

Both servers run ``bench/server_app.py`` (an Interface over a function that
returns its input), each in its own process on loopback, measured in turn:
Pagelet via ``python -m pagelet run``, Gradio with the interpreter of the
bench venv (``make bench`` creates it with the pinned ``gradio``). The
clients run here, in threads of this process, against each in turn:

- Gradio's queue protocol (join, then the data stream) spoken with a plain
  HTTP client (``raw_protocol.py``), which reads each reply as it arrives:
  latency over ``--calls`` sequential calls at one client, p50 and p99, and
  throughput with 64 concurrent clients for ``--seconds``;
- the same for Gradio's REST call API (``/gradio_api/call/<name>``), when
  both servers answer it;
- latency of ``Client.predict`` (``gradio_client``, whose reader polls every
  50 ms) and its throughput with 1, 16 and 64 concurrent clients, each calling
  ``predict`` in a loop for ``--seconds``; calls completed per second.

Prints the figures and the Pagelet/Gradio ratios (latency: below 1 is
faster; throughput: above 1 is more), and writes bench/server-results.json.
Without the Gradio interpreter only Pagelet's figures are printed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

from gradio_client import Client  # noqa: E402
from load import CLIENT_KINDS, run_load  # noqa: E402
from raw_protocol import rest_api_served  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
APP = REPO / "bench" / "server_app.py"
CONCURRENCY = (1, 16, 64)
# Clients at once for the protocol-level throughput.
RAW_CONCURRENCY = 64
START_TIMEOUT = 120
# The server processes started by ``server()``, newest last (bench/soak.py reads their memory).
SERVED: list[subprocess.Popen[bytes]] = []


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def server(command: list[str], port: int) -> Iterator[str]:
    """Run a server process until it answers on ``port``; stop it after."""
    env = {**os.environ, "GRADIO_SERVER_PORT": str(port), "GRADIO_SERVER_NAME": "127.0.0.1", "PYTHONPATH": str(REPO / "py")}
    process = subprocess.Popen(command, cwd=REPO / "bench", env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    SERVED.append(process)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + START_TIMEOUT
    try:
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"{command[0]} exited: {process.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                break
            if time.monotonic() > deadline:
                raise RuntimeError(f"{command} did not listen on {port} within {START_TIMEOUT}s")
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def client(url: str) -> Client:
    return Client(url, verbose=False, analytics_enabled=False, download_files=False, httpx_kwargs={"timeout": 30})


def latency(url: str, calls: int, kind: str) -> dict[str, float]:
    """p50 and p99 in ms of ``calls`` sequential calls by one client of ``kind`` (see load.CLIENT_KINDS)."""
    with contextlib.ExitStack() as stack:
        call = CLIENT_KINDS[kind](url, stack)
        call("warm up")
        times = []
        for index in range(calls):
            start = time.perf_counter()
            assert call(f"call {index}") == f"call {index}"
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {"p50_ms": statistics.median(times), "p99_ms": times[min(len(times) - 1, int(len(times) * 0.99))]}


def throughput(url: str, clients: int, seconds: float, kind: str) -> float:
    result = run_load(url, clients, seconds, kinds=(kind,))
    if result.errors:
        raise RuntimeError(f"{len(result.errors)} calls failed, first: {result.errors[0]}")
    return result.calls / result.seconds


def measure(commands: dict[str, list[str]], calls: int, seconds: float) -> dict[str, dict[str, Any]]:
    """Every figure for every server; both servers up at once and measured in
    turn, figure by figure, so that a change in the machine's load hits both."""
    with contextlib.ExitStack() as stack:
        urls = {name: stack.enter_context(server(command, free_port())) for name, command in commands.items()}
        results: dict[str, dict[str, Any]] = {name: {} for name in commands}
        protocols = ["queue"]
        if all(rest_api_served(url, "echo") for url in urls.values()):
            protocols.append("rest")
        for kind in protocols:
            for name, url in urls.items():
                results[name].update({f"{kind}_{key}": value for key, value in latency(url, calls, kind).items()})
            for name, url in urls.items():
                results[name][f"{kind}_calls_per_s_{RAW_CONCURRENCY}"] = throughput(url, RAW_CONCURRENCY, seconds, kind)
        for name, url in urls.items():
            results[name].update(latency(url, calls, "api"))
        for clients in CONCURRENCY:
            for name, url in urls.items():
                results[name][f"calls_per_s_{clients}"] = throughput(url, clients, seconds, "api")
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--gradio", default=str(REPO / ".venv-bench" / "bin" / "python"), help="a Python with the real gradio")
    arguments = parser.parse_args()

    commands = {"pagelet": [sys.executable, "-m", "pagelet", "run", str(APP)]}
    if Path(arguments.gradio).exists():
        commands["gradio"] = [os.path.abspath(arguments.gradio), str(APP)]
    else:
        print(f"(no Gradio interpreter at {arguments.gradio}: Pagelet's figures only)", file=sys.stderr)
    results = measure(commands, arguments.calls, arguments.seconds)

    labels = {}
    for kind, title in (("queue", "queue protocol"), ("rest", "REST call API")):
        labels[f"{kind}_p50_ms"] = f"{title} latency p50 (ms)"
        labels[f"{kind}_p99_ms"] = f"{title} latency p99 (ms)"
        labels[f"{kind}_calls_per_s_{RAW_CONCURRENCY}"] = f"{title}, {RAW_CONCURRENCY} clients (calls/s)"
    labels.update({"p50_ms": "predict latency p50 (ms)", "p99_ms": "predict latency p99 (ms)"})
    labels.update({f"calls_per_s_{clients}": f"predict, {clients} clients (calls/s)" for clients in CONCURRENCY})
    print(f"\n{'':42}{'Pagelet':>10}{'Gradio':>10}{'ratio':>8}")
    for key, label in labels.items():
        if key not in results["pagelet"]:
            continue
        ours = results["pagelet"][key]
        theirs = results.get("gradio", {}).get(key)
        ratio = f"{ours / theirs:8.2f}" if theirs else f"{'-':>8}"
        print(f"{label:42}{ours:10.1f}{theirs if theirs is not None else float('nan'):10.1f}{ratio}")
    print(f"\n{arguments.calls} sequential calls; {arguments.seconds:g} s per concurrency level; clients are threads of one process.")
    (REPO / "bench" / "server-results.json").write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
