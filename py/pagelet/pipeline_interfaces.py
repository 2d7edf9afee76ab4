"""``gr.Interface.from_pipeline(pipe)``: an app for a pipeline, by its task.

Works with any pipeline object that has a ``task`` and is called as
``await pipe(inputs, **kwargs)`` (``pagelet.transformers.Pipeline``). Inputs
and outputs are labelled as Gradio labels them for the same task.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

from .alerts import Error
from .components import JSON, Checkbox, HighlightedText, Image, Label, Textbox
from .components.base import Component

Interfaced = tuple[Callable[..., Awaitable[Any]], list[Component], list[Component]]


def _scores(results: Any) -> dict[str, float]:
    """``[{"label", "score"}, ...]`` (or one of them) as ``{label: score}`` for gr.Label."""
    items = results if isinstance(results, list) else [results]
    return {str(item["label"]): float(item["score"]) for item in items}


def _text_classification(pipe: Any) -> Interfaced:
    async def classify(text: str) -> dict[str, float]:
        return _scores(await pipe(text, top_k=None))

    return classify, [Textbox(label="Input", render=False)], [Label(label="Classification", render=False)]


# How tokenizers mark a piece of a word: WordPiece's "##", SentencePiece's "▁", byte-level BPE's "Ġ".
_PIECE_MARKS = ("##", "\u2581", "\u0120")


def _word_of(entity: dict[str, Any]) -> str:
    word = str(entity.get("word", "")).strip()
    for mark in _PIECE_MARKS:
        if word.startswith(mark):
            return word[len(mark):]
    return word


def locate_entities(text: str, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Entities with their ``start`` and ``end`` in ``text``, for gr.HighlightedText.

    transformers.js (4.3) gives each entity's word but not where it is: each
    word is looked for after the previous one, ignoring case (uncased models
    give lowercase words). An entity whose word is not in the text (an uncased
    model strips accents) cannot be shown, and is left out.
    """
    located: list[dict[str, Any]] = []
    position = 0
    for entity in entities:
        if isinstance(entity.get("start"), int) and isinstance(entity.get("end"), int):
            located.append(entity)
            position = entity["end"]
            continue
        word = _word_of(entity)
        found = re.compile(re.escape(word), re.IGNORECASE).search(text, position) if word else None
        if found is None:
            continue
        located.append({**entity, "start": found.start(), "end": found.end()})
        position = found.end()
    return located


def _token_classification(pipe: Any) -> Interfaced:
    async def find_entities(text: str) -> dict[str, Any]:
        return {"text": text, "entities": locate_entities(text, list(await pipe(text)))}

    return find_entities, [Textbox(label="Input", render=False)], [HighlightedText(label="Entities", render=False)]


# Python's transformers gives 5 classes by default; transformers.js only 1.
_TOP_CLASSES = 5


def _image_classification(pipe: Any) -> Interfaced:
    async def classify(image: str | None) -> dict[str, float]:
        if image is None:
            raise Error("Upload an image to classify.")
        scores: dict[str, float] = {}
        for item in await pipe(image, top_k=_TOP_CLASSES):
            # ImageNet labels list synonyms ("tiger, Panthera tigris"): Gradio shows the first.
            # Two classes may share it; the more likely one (listed first) is kept.
            scores.setdefault(str(item["label"]).split(", ")[0], float(item["score"]))
        return scores

    # A path in the worker's file system, which the pipeline reads as an image.
    inputs: list[Component] = [Image(type="filepath", label="Input Image", render=False)]
    return classify, inputs, [Label(label="Classification", render=False)]


def _zero_shot_classification(pipe: Any) -> Interfaced:
    async def classify(text: str, class_names: str, multi_label: bool) -> dict[str, float]:
        labels = [name.strip() for name in (class_names or "").split(",") if name.strip()]
        if not labels:
            raise Error("Give at least one class name; separate several with commas.")
        result = await pipe(text, candidate_labels=labels, multi_label=multi_label)
        return {str(label): float(score) for label, score in zip(result["labels"], result["scores"])}

    inputs: list[Component] = [
        Textbox(label="Input", render=False),
        Textbox(label="Possible class names (comma-separated)", render=False),
        Checkbox(label="Allow multiple true classes", render=False),
    ]
    return classify, inputs, [Label(label="Classification", render=False)]


def _feature_extraction(pipe: Any) -> Interfaced:
    async def embed(text: str) -> list[float]:
        vectors = await pipe([text], pooling="mean", normalize=True)
        return [float(value) for value in vectors[0]]

    return embed, [Textbox(label="Input", render=False)], [JSON(label="Embedding", render=False)]


def _sentence_similarity(pipe: Any) -> Interfaced:
    async def compare(source: str, sentences: str) -> dict[str, float]:
        candidates = [line.strip() for line in (sentences or "").splitlines() if line.strip()]
        if not candidates:
            return {}
        # Normalized vectors: the dot product is the cosine similarity.
        source_vector, *vectors = await pipe([source] + candidates, pooling="mean", normalize=True)
        return {
            sentence: float(sum(a * b for a, b in zip(source_vector, vector)))
            for sentence, vector in zip(candidates, vectors)
        }

    inputs: list[Component] = [
        Textbox(label="Source Sentence", render=False),
        Textbox(label="Sentences to compare to", lines=7, placeholder="Separate each sentence by a newline", render=False),
    ]
    return compare, inputs, [Label(label="Classification", render=False)]


_BUILDERS: dict[str, Callable[[Any], Interfaced]] = {
    "text-classification": _text_classification,
    "sentiment-analysis": _text_classification,
    "token-classification": _token_classification,
    "ner": _token_classification,
    "zero-shot-classification": _zero_shot_classification,
    "feature-extraction": _feature_extraction,
    "sentence-similarity": _sentence_similarity,
    "image-classification": _image_classification,
}


def interface_parts(pipe: Any) -> Interfaced:
    """The function, inputs and outputs of an Interface for ``pipe``'s task."""
    task = getattr(pipe, "task", None)
    if not isinstance(task, str):
        raise TypeError(f"from_pipeline needs a pipeline with a task, got {pipe!r}")
    builder = _BUILDERS.get(task)
    if builder is None:
        raise ValueError(f"from_pipeline does not support the {task} task. Supported tasks: {', '.join(sorted(_BUILDERS))}")
    return builder(pipe)
