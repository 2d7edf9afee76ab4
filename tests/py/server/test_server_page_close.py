"""A page that closes its socket: its streaming run stops and demo.unload runs (Gradio's cancel on disconnect)."""

from __future__ import annotations

import json
import threading
import time

from starlette.testclient import TestClient

import pagelet as gr
from pagelet.server.app import create_app


def test_closing_the_page_socket_stops_its_generator_and_runs_unload() -> None:
    steps: list[int] = []
    unloaded = threading.Event()

    def count():
        for number in range(200):
            steps.append(number)
            yield str(number)
            time.sleep(0.02)

    with gr.Blocks() as demo:
        out = gr.Textbox(label="Count")
        gr.Button("Count").click(count, None, out)
        demo.unload(unloaded.set)
    fn = [index for index, dependency in enumerate(demo.dependencies) if dependency.fn is count][0]
    with TestClient(create_app(demo), base_url="http://testserver") as client:
        with client.websocket_connect("/ws", headers={"origin": "http://testserver"}) as socket:
            assert json.loads(socket.receive_text())["type"] == "config"
            socket.send_text(json.dumps({"v": 1, "type": "event", "event_id": "run", "fn": fn, "data": []}))
            while json.loads(socket.receive_text())["type"] != "update":
                pass
        assert unloaded.wait(5), "demo.unload did not run when the page closed"
        time.sleep(0.2)  # let a step under way finish
        stopped_at = len(steps)
        time.sleep(0.3)
        assert len(steps) == stopped_at < 200, "the generator went on after its page closed"
