"""launch() options, close(), mounting into another app, and concurrency limits."""

from __future__ import annotations

import asyncio
import socket
import threading
import time

import httpx
import pytest
from serving import TIMEOUT, client, served
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

import pagelet as gr
from pagelet import launcher
from pagelet.server import ServerLauncher
from pagelet.files import parse_size


def echo(text: str) -> str:
    return text


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_gradio_server_port_picks_the_port_and_close_stops_serving(monkeypatch: pytest.MonkeyPatch) -> None:
    port = free_port()
    monkeypatch.setenv("GRADIO_SERVER_PORT", str(port))
    demo = gr.Interface(echo, "textbox", "textbox")
    launcher.set_launcher(ServerLauncher())
    try:
        demo.launch(prevent_thread_lock=True, quiet=True)
        assert demo.local_url == f"http://127.0.0.1:{port}/"
        assert httpx.get(demo.local_url + "config", timeout=TIMEOUT).status_code == 200
        demo.close()
        with pytest.raises(httpx.ConnectError):
            httpx.get(demo.local_url + "config", timeout=TIMEOUT)
    finally:
        launcher.set_launcher(None)


def test_launch_on_cpython_needs_no_launcher_set() -> None:
    launcher.set_launcher(None)
    demo = gr.Interface(echo, "textbox", "textbox")
    try:
        demo.launch(prevent_thread_lock=True, quiet=True, server_port=0)
        assert client(demo.local_url).predict("hi", api_name="/echo") == "hi"
    finally:
        demo.close()
        launcher.set_launcher(None)


def test_mount_gradio_app_serves_under_a_path_of_an_existing_app() -> None:
    demo = gr.Interface(echo, "textbox", "textbox")
    host = Starlette(routes=[Route("/", lambda request: PlainTextResponse("host app"))])
    assert gr.mount_gradio_app(host, demo, path="/demo") is host
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(host, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + TIMEOUT
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.01)
        base = f"http://127.0.0.1:{port}"
        assert httpx.get(base + "/", timeout=TIMEOUT).text == "host app"
        assert client(base + "/demo/").predict("mounted", api_name="/echo") == "mounted"
        assert "assets/index-page.js" in httpx.get(base + "/demo/", timeout=TIMEOUT).text
    finally:
        server.should_exit = True
        thread.join(TIMEOUT)


class Tracker:
    """Counts how many calls of an app function overlap."""

    def __init__(self) -> None:
        self.running = 0
        self.peak = 0
        self._lock = threading.Lock()

    def __enter__(self) -> None:
        with self._lock:
            self.running += 1
            self.peak = max(self.peak, self.running)

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self.running -= 1


def test_default_concurrency_limit_is_one_call_at_a_time() -> None:
    tracker = Tracker()

    def work(text: str) -> str:
        with tracker:
            time.sleep(0.1)  # long enough that unlimited calls would overlap
        return text

    demo = gr.Interface(work, "textbox", "textbox")
    with served(demo) as url:
        api = client(url)
        jobs = [api.submit(str(i), api_name="/work") for i in range(4)]
        assert sorted(job.result(timeout=TIMEOUT) for job in jobs) == ["0", "1", "2", "3"]
    assert tracker.peak == 1


def test_no_concurrency_limit_runs_calls_together() -> None:
    together = threading.Barrier(4, timeout=TIMEOUT)

    def work(text: str) -> str:
        together.wait()  # passes only when all four run at once
        return text

    demo = gr.Interface(work, "textbox", "textbox").queue(default_concurrency_limit=None)
    with served(demo) as url:
        api = client(url)
        jobs = [api.submit(str(i), api_name="/work") for i in range(4)]
        assert sorted(job.result(timeout=TIMEOUT) for job in jobs) == ["0", "1", "2", "3"]


def test_a_listener_concurrency_limit_wins_over_the_default() -> None:
    tracker = Tracker()
    two_at_once = asyncio.Event()

    async def work(text: str) -> str:
        with tracker:
            if tracker.running == 2:
                two_at_once.set()
            await asyncio.wait_for(two_at_once.wait(), TIMEOUT)
        return text

    with gr.Blocks() as demo:
        box = gr.Textbox(label="text")
        gr.Button("Go").click(work, box, box, concurrency_limit=2)
    with served(demo) as url:
        api = client(url)
        jobs = [api.submit(str(i), api_name="/work") for i in range(4)]
        assert sorted(job.result(timeout=TIMEOUT) for job in jobs) == ["0", "1", "2", "3"]
    assert tracker.peak == 2


@pytest.mark.parametrize(
    ("given", "expected"),
    [(None, None), (1000, 1000), ("5mb", 5_000_000), ("2 KB", 2000), ("1kib", 1024), ("10", 10)],
)
def test_max_file_size_takes_gradio_spellings(given: object, expected: int | None) -> None:
    assert parse_size(given) == expected  # type: ignore[arg-type]  # launch() options arrive untyped: any value is tried


def test_max_file_size_refuses_nonsense() -> None:
    with pytest.raises(ValueError, match="max_file_size"):
        parse_size("lots")
