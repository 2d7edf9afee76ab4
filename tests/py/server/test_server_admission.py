"""The server's one admission: batches form on the server, a full queue answers Gradio's texts."""

from __future__ import annotations

import threading
import time

from serving import TIMEOUT, client, served

import pagelet as gr


def test_concurrent_gradio_client_calls_of_a_batch_function_run_as_one_batch() -> None:
    sizes: list[int] = []
    lock = threading.Lock()

    def shout(words: list[str]) -> list[list[str]]:
        with lock:
            sizes.append(len(words))
        time.sleep(0.5)  # the calls sent meanwhile wait, and are collected into one batch
        return [[word.upper() for word in words]]

    with gr.Blocks() as demo:
        word, out = gr.Textbox(label="Word"), gr.Textbox(label="Shout")
        gr.Button("Shout").click(shout, word, out, batch=True, max_batch_size=8)
    with served(demo) as url:
        api = client(url)
        jobs = [api.submit(word, api_name="/shout") for word in ["a", "b", "c", "d", "e"]]
        assert [job.result(timeout=TIMEOUT) for job in jobs] == ["A", "B", "C", "D", "E"]
    assert sum(sizes) == 5
    assert max(sizes) > 1, f"every call ran alone: batches of {sizes}"
