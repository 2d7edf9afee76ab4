"""An app that echoes what a person types through every output, for the XSS corpus.

The person types a JSON list of strings into "Payloads"; Echo sends each one
through every component that shows text, Fail raises ``gr.Error`` with them.
The same source runs in ``<gradio-lite>`` and on the CPython server.
"""

from __future__ import annotations

import json
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "data" / "xss_payloads.json"


def payloads() -> list[str]:
    return [entry["payload"] for entry in json.loads(CORPUS.read_text(encoding="utf-8"))]


APP = r'''
import base64
import json
import os
import tempfile

import gradio as gr

# A 1x1 PNG, so the gallery has something to caption.
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
FOLDER = tempfile.mkdtemp(prefix="xss-")
EXAMPLES = json.loads(EXAMPLES_JSON)


def file_named(text, index):
    # A file name cannot hold "/" or NUL; everything else of the payload stays.
    name = text.replace("/", "_").replace("\0", "_").lstrip(".")[:80] or "empty"
    folder = os.path.join(FOLDER, str(index))
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, name)
    with open(path, "wb") as handle:
        handle.write(PIXEL)
    return path


def echo(text):
    items = json.loads(text)
    gr.Info("\n".join(items), title=items[0])
    gr.Warning("\n".join(items), title=items[-1])
    joined = "\n".join(items)
    chat = [message for item in items for message in ({"role": "user", "content": item}, {"role": "assistant", "content": item})]
    files = [file_named(item, index) for index, item in enumerate(items)]
    return (
        joined,
        "\n\n".join(items),
        joined,
        chat,
        {item: (index + 1) / (len(items) + 1) for index, item in enumerate(items)},
        {item: item for item in items},
        {"headers": items, "data": [items]},
        files,
        [(path, item) for path, item in zip(files, items)],
        [(item, item) for item in items],
        gr.Dataset(samples=[[item] for item in items]),
        gr.Dropdown(choices=items, value=items[0]),
        gr.Radio(choices=items, label="Picked"),
        gr.Textbox(label="Labelled", placeholder=items[1], info=items[2], value=items[3]),
        "done",
    )


def fail(text):
    items = json.loads(text)
    raise gr.Error("\n".join(items), title=items[0])


with gr.Blocks(title="Echo everything") as demo:
    box = gr.Textbox(label="Payloads", lines=3)
    echo_button = gr.Button("Echo")
    fail_button = gr.Button("Fail")
    finished = gr.Textbox(label="Finished")
    text_out = gr.Textbox(label="Echo", lines=3)
    markdown_out = gr.Markdown()
    html_out = gr.HTML()
    chat_out = gr.Chatbot(label="Chat", type="messages")
    label_out = gr.Label(label="Classes")
    json_out = gr.JSON(label="Data")
    table_out = gr.Dataframe(label="Table")
    files_out = gr.File(label="Files", file_count="multiple")
    gallery_out = gr.Gallery(label="Pictures")
    highlighted_out = gr.HighlightedText(label="Highlighted")
    samples = gr.Dataset(components=[box], samples=[["start"]], label="Samples")
    choice_out = gr.Dropdown(label="Choice", choices=["start"])
    radio_out = gr.Radio(label="Picked", choices=["start"])
    labelled_out = gr.Textbox(label="Labelled")
    gr.Examples([[item] for item in EXAMPLES], inputs=[box])
    echo_button.click(
        echo,
        box,
        [text_out, markdown_out, html_out, chat_out, label_out, json_out, table_out, files_out, gallery_out,
         highlighted_out, samples, choice_out, radio_out, labelled_out, finished],
    )
    fail_button.click(fail, box, None)

demo.launch()
'''


def app_source() -> str:
    """The app, with the corpus as its examples (the author's own strings)."""
    return APP.replace("EXAMPLES_JSON", repr(json.dumps(payloads())))
