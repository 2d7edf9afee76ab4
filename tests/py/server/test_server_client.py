"""The real ``gradio_client`` against a Pagelet server: Interface, Blocks, generators, errors, state."""

from __future__ import annotations

import pytest
from gradio_client.exceptions import AppError
from serving import TIMEOUT, client, queue_messages, served

import pagelet as gr


def greet(name: str) -> str:
    return "Hello " + name + "!"


def test_interface_endpoint_is_named_after_its_function_as_in_gradio() -> None:
    demo = gr.Interface(greet, "textbox", "textbox")
    with served(demo) as url:
        api = client(url)
        assert api.predict("Ada", api_name="/greet") == "Hello Ada!"
        info = api.view_api(print_info=False, return_format="dict")
        assert list(info["named_endpoints"]) == ["/greet"]
        assert [p["parameter_name"] for p in info["named_endpoints"]["/greet"]["parameters"]] == ["name"]


def test_blocks_functions_are_named_after_themselves_and_take_several_inputs() -> None:
    with gr.Blocks() as demo:
        a = gr.Number(label="a")
        b = gr.Number(label="b")
        total = gr.Number(label="total")
        product = gr.Number(label="product")
        button = gr.Button("Compute")

        def add_and_multiply(x: float, y: float) -> tuple[float, float]:
            return x + y, x * y

        button.click(add_and_multiply, [a, b], [total, product])
    with served(demo) as url:
        assert client(url).predict(3, 4, api_name="/add_and_multiply") == (7, 12)


def test_submit_streams_each_yield_and_reports_status() -> None:
    def count(n: float):
        for i in range(int(n)):
            yield f"step {i}"

    demo = gr.Interface(count, gr.Number(label="n"), "textbox")
    with served(demo) as url:
        job = client(url).submit(3, api_name="/count")
        assert job.result(timeout=TIMEOUT) == "step 2"
        assert job.outputs() == ["step 0", "step 1", "step 2"]
        assert job.status().code.value == "FINISHED"
        assert job.status().success is True


def test_gr_error_raises_app_error_with_its_message_and_the_app_keeps_working() -> None:
    def divide(a: float, b: float) -> float:
        if b == 0:
            raise gr.Error("Cannot divide by zero")
        return a / b

    demo = gr.Interface(divide, ["number", "number"], "number")
    with served(demo) as url:
        api = client(url)
        with pytest.raises(AppError, match="Cannot divide by zero"):
            api.predict(1, 0, api_name="/divide")
        assert api.predict(6, 3, api_name="/divide") == 2


def test_other_exceptions_are_errors_on_the_client_too() -> None:
    def broken(text: str) -> str:
        raise KeyError(text)

    demo = gr.Interface(broken, "textbox", "textbox")
    with served(demo, show_error=True) as url:
        with pytest.raises(AppError, match="KeyError"):
            client(url).predict("x", api_name="/broken")


def test_state_is_kept_per_client() -> None:
    with gr.Blocks() as demo:
        visits = gr.State(0)
        shown = gr.Textbox(label="visits")
        button = gr.Button("Visit")

        def visit(count: int) -> tuple[int, str]:
            return count + 1, f"visit {count + 1}"

        button.click(visit, visits, [visits, shown])
    with served(demo) as url:
        first, second = client(url), client(url)
        assert first.predict(api_name="/visit") == "visit 1"
        assert first.predict(api_name="/visit") == "visit 2"
        assert second.predict(api_name="/visit") == "visit 1"


def test_info_inside_a_sync_function_reaches_its_own_client_as_a_log() -> None:
    def hello(name: str) -> str:
        gr.Info(f"greeting {name}")
        gr.Warning("careful")
        return name

    demo = gr.Interface(hello, "textbox", "textbox")
    with served(demo) as url:
        messages = queue_messages(url, 0, ["Ada"])
    kinds = [message["msg"] for message in messages]
    assert kinds == ["estimation", "process_starts", "log", "log", "process_completed", "close_stream"]
    assert [(m["log"], m["level"]) for m in messages if m["msg"] == "log"] == [("greeting Ada", "info"), ("careful", "warning")]
    assert messages[-2]["output"]["data"] == ["Ada"]


def test_unknown_api_name_is_refused_by_the_client() -> None:
    demo = gr.Interface(greet, "textbox", "textbox")
    with served(demo) as url:
        with pytest.raises(ValueError, match="Cannot find a function"):
            client(url).predict("x", api_name="/nope")


def test_a_batch_function_gets_lists_and_each_call_its_own_answer() -> None:
    with gr.Blocks() as demo:
        word = gr.Textbox(label="word")
        shout = gr.Textbox(label="shout")
        length = gr.Number(label="length")

        def shout_all(words: list[str]) -> tuple[list[str], list[int]]:
            assert isinstance(words, list)
            return [w.upper() for w in words], [len(w) for w in words]

        gr.Button("Shout").click(shout_all, word, [shout, length], batch=True, max_batch_size=8)
    with served(demo) as url:
        assert client(url).predict("hey", api_name="/shout_all") == ("HEY", 3)
