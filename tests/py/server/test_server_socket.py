"""The listening socket: replies leave at once, not after the client's delayed ACK."""

from __future__ import annotations

import socket

import httpx
from serving import TIMEOUT

import pagelet as gr
from pagelet import launcher
from pagelet.server import ServerLauncher


def echo(text: str) -> str:
    return text


def test_every_connection_has_nagles_algorithm_off() -> None:
    # A reply goes out in two writes (headers, then body or an event-stream chunk);
    # with Nagle on, the second waited ~40 ms for the client's delayed ACK per call.
    demo = gr.Interface(echo, "textbox", "textbox")
    server = ServerLauncher()
    launcher.set_launcher(server)
    try:
        demo.launch(prevent_thread_lock=True, server_port=0, quiet=True)
        with httpx.Client(base_url=demo.local_url, timeout=TIMEOUT) as http:  # type: ignore[attr-defined]
            assert http.get("config").status_code == 200  # keep-alive: the connection stays open
            [running] = server.running.values()
            connections = running.server.server_state.connections
            assert connections, "the client's connection is open on the server"
            for connection in connections:
                server_side: socket.socket = connection.transport.get_extra_info("socket")  # type: ignore[attr-defined]
                assert server_side.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
    finally:
        demo.close()
        launcher.set_launcher(None)
