"""A multipage app, a Walkthrough and a Dialogue on a Pagelet server, as gradio_client and a browser reach them."""

from __future__ import annotations

from serving import client, http, served

import pagelet as gr

LINES = [{"speaker": "Speaker 1", "text": "Hello"}, {"speaker": "Speaker 2", "text": "Hi"}]


def test_each_page_is_served_at_its_path_and_the_config_lists_the_pages() -> None:
    with gr.Blocks() as demo:
        gr.Markdown("# Dashboard Page")
    with demo.route("Settings", "/settings"):
        gr.Markdown("# Settings Page")
    with served(demo) as url, http(url) as web:
        home, settings, missing = web.get("/"), web.get("/settings"), web.get("/nowhere")
        # 200 with the built scripts (503 saying they are missing without them): the same answer at both paths.
        assert settings.status_code == home.status_code
        assert settings.text == home.text  # the same page; the host shows the page its path names
        assert missing.status_code == 404
        assert web.get("/config").json()["pages"] == [["", "Home", True], ["settings", "Settings", True]]


def test_an_endpoint_on_another_page_answers_gradio_client() -> None:
    with gr.Blocks() as demo:
        gr.Markdown("home")
    with demo.route("Up"):
        number = gr.Number(label="Number")
        bigger = gr.Number(label="Bigger")
        gr.Button("Increase").click(lambda x: x + 1, number, bigger, api_name="increment")
    with served(demo) as url:
        assert client(url).predict(41, api_name="/increment") == 42


def test_a_walkthrough_output_is_no_api_value_and_a_dialogue_has_gradios_schema() -> None:
    with gr.Blocks() as demo:
        with gr.Walkthrough(selected=0) as walkthrough:
            with gr.Step("One", id=0):
                gr.Button("Next").click(lambda: gr.Walkthrough(selected=1), outputs=walkthrough, api_name="next")
            with gr.Step("Two", id=1):
                dialogue = gr.Dialogue(speakers=["Speaker 1", "Speaker 2"], interactive=True)
                text = gr.Textbox(label="Text")
                dialogue.submit(lambda value: value, dialogue, text, api_name="format")
    with served(demo) as url:
        api = client(url)
        info = api.view_api(print_info=False, return_format="dict")["named_endpoints"]
        assert info["/next"]["returns"] == []
        parameter = info["/format"]["parameters"][0]
        assert parameter["component"] == "Dialogue"
        assert parameter["python_type"]["type"] == "list[dict(speaker: str, text: str)] | str"
        assert parameter["type"]["anyOf"][1] == {"type": "string"}
        assert api.predict(api_name="/next") == ()  # what gradio_client gives for Gradio's own server too
        assert api.predict(LINES, api_name="/format") == "[Speaker 1] Hello\n[Speaker 2] Hi"


def test_the_clients_config_is_gradios_shape_without_page_blocks() -> None:
    with gr.Blocks() as demo:
        home = gr.Textbox(label="Home box")
    with demo.route("Other"):
        with gr.Row():
            other = gr.Textbox(label="Other box")
    with served(demo) as url, http(url) as web:
        config = web.get("/config").json()
    assert {entry["type"] for entry in config["components"]} == {"textbox", "row"}
    root_children = config["layout"]["children"]
    assert root_children[0] == {"id": home.id}
    assert root_children[1]["children"] == [{"id": other.id}]
