"""Serving an app on 127.0.0.1 for a test, and talking to it as Gradio's client does."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from typing import Any

# gradio_client would report usage to a remote host; tests reach loopback only.
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

import httpx  # noqa: E402
from gradio_client import Client  # noqa: E402

import pagelet as gr  # noqa: E402
from pagelet import launcher  # noqa: E402
from pagelet.server import ServerLauncher  # noqa: E402

# Every network wait in these tests is bounded by this many seconds.
TIMEOUT = 20


@contextlib.contextmanager
def served(app: gr.Blocks, **options: Any) -> Iterator[str]:
    """Launch ``app`` on an ephemeral port; yield its URL; close it after."""
    launcher.set_launcher(ServerLauncher())
    try:
        app.launch(prevent_thread_lock=True, server_port=0, quiet=True, **options)
        yield app.local_url
    finally:
        app.close()
        launcher.set_launcher(None)


def wait_until(condition: Callable[[], bool]) -> bool:
    """Whether ``condition`` comes to hold within ``TIMEOUT`` (for what the server does after a client leaves)."""
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def client(url: str, **kwargs: Any) -> Client:
    kwargs.setdefault("download_files", False)
    return Client(url, verbose=False, analytics_enabled=False, httpx_kwargs={"timeout": TIMEOUT}, **kwargs)


def http(url: str, **kwargs: Any) -> httpx.Client:
    return httpx.Client(base_url=url, timeout=TIMEOUT, **kwargs)


def queue_messages(url: str, fn_index: int, data: list[Any], session_hash: str = "test-session") -> list[dict[str, Any]]:
    """Join the queue as Gradio's clients do and read the data stream to its end."""
    import json

    with http(url) as session:
        joined = session.post("gradio_api/queue/join", json={"fn_index": fn_index, "data": data, "session_hash": session_hash})
        joined.raise_for_status()
        messages = []
        with session.stream("GET", "gradio_api/queue/data", params={"session_hash": session_hash}) as stream:
            for line in stream.iter_lines():
                if line.startswith("data:"):
                    messages.append(json.loads(line[5:]))
                    if messages[-1]["msg"] == "close_stream":
                        break
        return messages
