"""transformers.js from Python in Chromium, with the real all-MiniLM-L6-v2
built by `make model`: the gallery example, embeddings checked against the same
model run on CPython, the model's loading shown, and a missing model (text or
image) explained."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from pages import BOOT_TIMEOUT_MS, REPO, Site, open_app

MODELS = REPO / "models"
MODEL = "Xenova/all-MiniLM-L6-v2"
# Loading the model compiles onnxruntime's wasm on top of booting Python.
MODEL_TIMEOUT_MS = 2 * BOOT_TIMEOUT_MS


@pytest.fixture(scope="module")
def reference() -> dict:
    path = MODELS / MODEL / "reference.json"
    if not path.exists():
        pytest.fail(f"{path.relative_to(REPO)} is missing: build the model with `make model`")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def model_site(site: Site, reference: dict) -> Site:
    """The dist/ copy with the model folder served next to its pages, at models/."""
    link = Path(site.root) / "models"
    if not link.exists():
        link.symlink_to(MODELS, target_is_directory=True)
    return site


def cosine(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b)) / (math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b)))


def ranking(vectors: list[list[float]]) -> list[int]:
    """The other sentences, most similar to the first one first."""
    return sorted(range(1, len(vectors)), key=lambda index: -cosine(vectors[0], vectors[index]))


def ranking_shown(page: Page, output: str, count: int) -> list[str | None]:
    """The sentences in the order the Label output shows them, once it shows `count`."""
    meters = page.get_by_role("group", name=output).get_by_role("meter")
    expect(meters).to_have_count(count, timeout=MODEL_TIMEOUT_MS)
    return [meters.nth(index).get_attribute("aria-label") for index in range(count)]


def test_example_ranks_sentences_by_meaning(page: Page, base_url: str, reference: dict) -> None:
    page.goto(f"{base_url}/public/examples/semantic-similarity.html")
    # The model loads while the app starts, and the page says so.
    expect(page.get_by_role("progressbar", name="Loading model")).to_contain_text(f"Loading model {MODEL}", timeout=MODEL_TIMEOUT_MS)
    open_app(page, f"{base_url}/public/examples/semantic-similarity.html")
    expect(page.get_by_role("progressbar", name="Loading model")).to_be_hidden()
    page.get_by_label("Query", exact=True).fill("A man is playing a guitar.")
    page.get_by_label("Sentences", exact=True).fill(
        "Stock markets fell sharply on Monday.\nSomeone is strumming a guitar on stage.\nThe chef is cooking pasta in the kitchen."
    )
    page.get_by_role("button", name="Submit").click()
    ranked = ranking_shown(page, "Similarity", 3)
    assert ranked[0] == "Someone is strumming a guitar on stage."
    assert ranked[-1] == "Stock markets fell sharply on Monday."


def test_example_asks_for_sentences_when_there_are_none(page: Page, base_url: str) -> None:
    open_app(page, f"{base_url}/public/examples/semantic-similarity.html")
    page.get_by_label("Query", exact=True).fill("A man is playing a guitar.")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("alert").filter(has_text="at least one sentence")).to_be_visible()


def test_embeddings_in_the_browser_match_the_model_on_cpython(page: Page, model_site: Site, reference: dict) -> None:
    url = model_site.page("embeddings.html", """
        <gradio-lite>
        import gradio as gr
        from pagelet.transformers import pipeline

        embed = await pipeline("feature-extraction", "Xenova/all-MiniLM-L6-v2", dtype="fp32")

        async def embed_lines(text):
            return await embed(text.splitlines(), pooling="mean", normalize=True)

        gr.Interface(embed_lines, gr.Textbox(label="Sentences"), gr.JSON(label="Embeddings")).launch()
        </gradio-lite>
    """)
    page.goto(url)
    open_app(page, url)
    page.get_by_label("Sentences", exact=True).fill("\n".join(reference["sentences"]))
    page.get_by_role("button", name="Submit").click()
    shown = page.get_by_role("group", name="Embeddings").locator("pre")
    expect(shown).not_to_be_empty(timeout=MODEL_TIMEOUT_MS)
    embeddings = json.loads(shown.text_content() or "null")
    assert len(embeddings) == len(reference["embeddings"])
    for sentence, browser, cpython in zip(reference["sentences"], embeddings, reference["embeddings"]):
        assert cosine(browser, cpython) >= 0.999, sentence
    assert ranking(embeddings) == ranking(reference["embeddings"])


@pytest.mark.parametrize(
    ("task", "model"),
    [("text-classification", "nobody/missing-model"), ("image-classification", "Xenova/vit-base-patch16-224")],
)
def test_a_missing_model_says_where_it_was_looked_for(page: Page, model_site: Site, task: str, model: str) -> None:
    url = model_site.page(f"missing-{task}-model.html", f"""
        <gradio-lite>
        import gradio as gr
        from pagelet.transformers import pipeline

        classify = await pipeline("{task}", "{model}")
        gr.Interface.from_pipeline(classify).launch()
        </gradio-lite>
    """)
    page.goto(url)
    alert = page.locator("gradio-lite").get_by_role("alert")
    expect(alert).to_contain_text(f'Model "{model}" was not found', timeout=MODEL_TIMEOUT_MS)
    expect(alert).to_contain_text(f"{model_site.url}/models/{model}/")
    expect(alert).to_contain_text("allow_remote_models=True")


def test_a_gradio_lite_page_using_transformers_js_py_runs_offline(page: Page, model_site: Site) -> None:
    url = model_site.page("gradio-lite-style.html", """
        <gradio-lite>
        <gradio-requirements>
        transformers_js_py
        </gradio-requirements>
        <gradio-file name="app.py" entrypoint>
        import gradio as gr
        from transformers_js_py import import_transformers_js

        transformers = await import_transformers_js()
        pipe = await transformers.pipeline("sentence-similarity", "Xenova/all-MiniLM-L6-v2")
        gr.Interface.from_pipeline(pipe).launch()
        </gradio-file>
        </gradio-lite>
    """)
    page.goto(url)
    open_app(page, url)
    page.get_by_label("Source Sentence", exact=True).fill("A man is playing a guitar.")
    page.get_by_label("Sentences to compare to", exact=True).fill(
        "The chef is cooking pasta in the kitchen.\nSomeone is strumming a guitar on stage."
    )
    page.get_by_role("button", name="Submit").click()
    assert ranking_shown(page, "Classification", 2)[0] == "Someone is strumming a guitar on stage."


def test_an_app_without_models_fetches_no_part_of_transformers_js(page: Page, base_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    open_app(page, f"{base_url}/public/examples/hello.html")
    page.get_by_label("name", exact=True).fill("Ada")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("output", exact=True)).to_have_value("Hello Ada!")
    assert [url for url in requested if "/transformers/" in url or "/models/" in url] == []
