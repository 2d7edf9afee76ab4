"""The server under load and abuse, on loopback and bounded: everyone is answered.

The short form of ``make soak`` (bench/soak.py): 64 clients for a few
seconds. Then clients that hold sockets without finishing a request, or
open a page socket and say nothing, while a normal visitor is still served;
and a full queue refused on the page's socket as it is on the API.
"""

from __future__ import annotations

import json
import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from serving import TIMEOUT, client, served
from websockets.sync.client import ClientConnection, connect

import pagelet as gr

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "bench"))
from load import run_load  # noqa: E402

# The short form: as many clients as the soak, for a few seconds (the soak runs 60).
CLIENTS, SECONDS = 64, 5
# Sockets a slow client holds open at once.
SLOW_SOCKETS, IDLE_PAGES = 200, 50


def echo(text: str) -> str:
    return text


@pytest.fixture
def echo_url() -> Iterator[str]:
    with served(gr.Interface(echo, gr.Textbox(label="Text"), gr.Textbox(label="Echo"))) as url:
        yield url


def test_64_clients_at_once_are_all_answered_without_an_error(echo_url: str) -> None:
    result = run_load(echo_url, CLIENTS, SECONDS)
    print(f"\nload: {CLIENTS} clients: {result.summary()}")
    assert result.errors == []
    assert result.clients_answered == CLIENTS
    assert result.calls >= CLIENTS


def _partial_request(host: str, port: int) -> socket.socket:
    """A slowloris client: headers begun, never finished."""
    held = socket.create_connection((host, port), timeout=TIMEOUT)
    held.sendall(b"GET / HTTP/1.1\r\nHost: " + host.encode() + b"\r\nX-Slow: ")
    return held


def _idle_page(url: str, stack: ExitStack) -> ClientConnection:
    """A page socket (closed with ``stack``) that takes its config and then says nothing."""
    page = stack.enter_context(connect(url.replace("http", "ws", 1) + "ws", open_timeout=TIMEOUT))
    assert json.loads(page.recv(timeout=TIMEOUT))["type"] == "config"
    return page


def test_slow_and_idle_sockets_do_not_starve_a_normal_visitor(echo_url: str) -> None:
    address = urlsplit(echo_url)
    with ExitStack() as held:
        for _ in range(SLOW_SOCKETS):
            held.callback(_partial_request(address.hostname or "127.0.0.1", address.port or 80).close)
        for _ in range(IDLE_PAGES):
            _idle_page(echo_url, held)
        # While all of them hang on, an API client and a page are answered.
        assert client(echo_url).predict("still here", api_name="/echo") == "still here"
        result = run_load(echo_url, 4, 0.5)
        assert result.errors == [] and result.clients_answered == 4


def test_a_full_queue_refuses_a_page_cleanly_and_serves_it_afterwards() -> None:
    release = threading.Event()

    def slow(text: str) -> str:
        release.wait(TIMEOUT)
        return text

    demo = gr.Interface(slow, gr.Textbox(label="Text"), gr.Textbox(label="Echo")).queue(max_size=1, default_concurrency_limit=1)
    with served(demo) as url, ExitStack() as stack:
        pages = [_idle_page(url, stack) for _ in range(2)]
        try:
            def send(page: ClientConnection, event_id: str) -> None:
                page.send(json.dumps({"v": 1, "type": "event", "event_id": event_id, "fn": 0, "data": ["x"]}))

            def until_status(page: ClientConnection, event_id: str, stages: set[str]) -> list[dict]:
                seen = []
                while True:
                    seen.append(json.loads(page.recv(timeout=TIMEOUT)))
                    if seen[-1]["type"] == "status" and seen[-1]["event_id"] == event_id and seen[-1]["stage"] in stages:
                        return seen

            send(pages[0], "first")
            until_status(pages[0], "first", {"running"})
            # One socket, so the core takes them in order: the second waits in the queue's one
            # place, the third finds the queue full.
            send(pages[1], "second")
            send(pages[1], "third")
            refused = until_status(pages[1], "third", {"done", "error"})
            assert [message["type"] for message in refused][-2:] == ["alert", "status"]
            assert refused[-1]["stage"] == "error" and refused[-1]["message"] == "This application is currently busy. Please try again."
            release.set()
            assert until_status(pages[0], "first", {"done", "error"})[-1]["stage"] == "done"
            assert until_status(pages[1], "second", {"done", "error"})[-1]["stage"] == "done"
            # The refused page is served once there is room.
            send(pages[1], "again")
            assert until_status(pages[1], "again", {"done", "error"})[-1]["stage"] == "done"
        finally:
            release.set()
