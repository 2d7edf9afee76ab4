"""Many clients calling a served app at once: what ``make test`` (short) and ``make soak`` (60 s) run.

Half the clients are Gradio's API clients (``gradio_client.Client.predict``),
half are pages (the WebSocket the browser's host opens, one event after
another). Each client calls ``/echo`` in a loop until the time is up and
checks every answer; a call has ``CALL_TIMEOUT`` seconds to be answered, so a
starved client counts as an error, never as a hang.
"""

from __future__ import annotations

import json
import os
import statistics
import threading
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

from gradio_client import Client  # noqa: E402
from raw_protocol import QueueClient, RestClient, fn_index  # noqa: E402
from websockets.sync.client import connect  # noqa: E402

CALL_TIMEOUT = 60


@dataclass
class LoadResult:
    """Every call's latency in ms and every failure, across all clients."""

    latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    clients_answered: int = 0
    seconds: float = 0.0

    @property
    def calls(self) -> int:
        return len(self.latencies_ms)

    def percentile(self, fraction: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))] if ordered else float("nan")

    def summary(self) -> str:
        p50 = statistics.median(self.latencies_ms) if self.latencies_ms else float("nan")
        return (f"{self.calls} calls in {self.seconds:.1f} s ({self.calls / max(self.seconds, 1e-9):.0f}/s), "
                f"{len(self.errors)} errors, p50 {p50:.1f} ms, p99 {self.percentile(0.99):.1f} ms")


Call = Callable[[str], str]


def api_client(url: str, _: ExitStack) -> Call:
    """Gradio's client."""
    api = Client(url, verbose=False, analytics_enabled=False, download_files=False, httpx_kwargs={"timeout": CALL_TIMEOUT})
    return lambda text: api.predict(text, api_name="/echo")


def page_client(url: str, stack: ExitStack) -> Call:
    """A page's socket (closed with ``stack``): one event at a time, answered by its update and a final status."""
    socket = stack.enter_context(connect(url.replace("http", "ws", 1) + "ws", open_timeout=CALL_TIMEOUT, max_size=None))
    config = json.loads(socket.recv(timeout=CALL_TIMEOUT))["config"]
    [echo] = [dependency for dependency in config["dependencies"] if dependency["api_name"] == "echo"]
    counter = iter(range(1 << 62))

    def call(text: str) -> str:
        event_id = f"e{next(counter)}"
        socket.send(json.dumps({"v": 1, "type": "event", "event_id": event_id, "fn": echo["id"], "data": [text]}))
        value = None
        while True:
            message = json.loads(socket.recv(timeout=CALL_TIMEOUT))
            if message["type"] == "update" and message["event_id"] == event_id:
                value = message["updates"][0]["value"]
            elif message["type"] == "status" and message["event_id"] == event_id and message["stage"] in ("done", "error"):
                if message["stage"] == "error":
                    raise RuntimeError(message.get("message", "error"))
                return value  # type: ignore[return-value]

    return call


def queue_client(url: str, stack: ExitStack) -> Call:
    """Gradio's queue protocol over plain HTTP (no client-side polling)."""
    queue = QueueClient(url, fn_index(url, "echo"))
    stack.callback(queue.close)
    return lambda text: queue.call(text)[0]


def rest_client(url: str, stack: ExitStack) -> Call:
    """Gradio's REST call API over plain HTTP."""
    rest = RestClient(url, "echo")
    stack.callback(rest.close)
    return lambda text: rest.call(text)[0]


CLIENT_KINDS: dict[str, Callable[[str, ExitStack], Call]] = {
    "api": api_client, "page": page_client, "queue": queue_client, "rest": rest_client,
}


def run_load(url: str, clients: int, seconds: float, kinds: tuple[str, ...] = ("api", "page")) -> LoadResult:
    """``clients`` clients (the ``kinds`` in turn: API, page) calling for ``seconds``; every answer checked."""
    result = LoadResult()
    lock = threading.Lock()
    start_line = threading.Barrier(clients + 1)
    stop = threading.Event()

    def loop(index: int) -> None:
        with ExitStack() as stack:
            try:
                call = CLIENT_KINDS[kinds[index % len(kinds)]](url, stack)
            except Exception as exc:  # noqa: BLE001 - every failure is a figure
                with lock:
                    result.errors.append(f"client {index} could not connect: {exc!r}")
                start_line.wait()
                return
            start_line.wait()
            answered = calls(index, call)
        if answered:
            with lock:
                result.clients_answered += 1

    def calls(index: int, call: Callable[[str], str]) -> int:
        answered = 0
        while not stop.is_set():
            text = f"client {index} call {answered}"
            began = time.perf_counter()
            try:
                answer = call(text)
            except Exception as exc:  # noqa: BLE001
                with lock:
                    result.errors.append(f"client {index}: {exc!r}")
                return 0
            elapsed = (time.perf_counter() - began) * 1000
            with lock:
                if answer == text:
                    result.latencies_ms.append(elapsed)
                else:
                    result.errors.append(f"client {index} got {answer!r} for {text!r}")
            answered += 1
        return answered

    threads = [threading.Thread(target=loop, args=(index,), daemon=True) for index in range(clients)]
    for thread in threads:
        thread.start()
    start_line.wait()
    began = time.perf_counter()
    stop.wait(seconds)
    stop.set()
    for thread in threads:
        thread.join(CALL_TIMEOUT + 10)
    result.seconds = time.perf_counter() - began
    return result


def rss_mib(pid: int) -> float:
    """Resident memory of process ``pid`` in MiB (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")
