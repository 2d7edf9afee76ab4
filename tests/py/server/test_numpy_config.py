"""A component value that is a numpy array or scalar: /config and /info still answer, as Gradio's do."""

from __future__ import annotations

import httpx
import numpy as np
from serving import TIMEOUT, served

import pagelet as gr


def test_config_with_numpy_values_answers() -> None:
    with gr.Blocks() as demo:
        data = gr.JSON(np.array([[1, 2], [3, 4]]), label="Data")
        level = gr.Slider(0, 10, np.int64(3), label="Level")
        gr.Button("Go").click(lambda value: value, level, data)
    with served(demo) as served_url:
        url = served_url.rstrip("/")
        response = httpx.get(f"{url}/config", timeout=TIMEOUT)
        assert response.status_code == 200
        values = {c["props"].get("label"): c["props"].get("value") for c in response.json()["components"]}
        assert values["Data"] == [[1, 2], [3, 4]] and values["Level"] == 3
        assert httpx.get(f"{url}/gradio_api/info", timeout=TIMEOUT).status_code == 200
