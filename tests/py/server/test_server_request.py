"""``gr.Request`` under ``pagelet run``: the client's address and headers, as Gradio gives them."""

from __future__ import annotations

from serving import client, served

import pagelet as gr


def test_a_function_sees_the_clients_address_and_headers() -> None:
    def who(text: str, request: gr.Request) -> dict:
        return {"ip": request.client.host, "agent": request.headers.get("user-agent", ""), "text": text}

    demo = gr.Interface(who, gr.Textbox(label="Text"), gr.JSON(label="Who"), api_name="who")
    with served(demo) as url:
        answer = client(url).predict("hi", api_name="/who")
    assert answer["ip"] == "127.0.0.1" and answer["text"] == "hi"
    assert answer["agent"].startswith("gradio_client")
