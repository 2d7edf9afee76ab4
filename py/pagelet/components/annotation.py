"""HighlightedText and AnnotatedImage: a text or an image with labelled parts."""

from __future__ import annotations

from typing import Any

from .base import Component
from .file import payload_path
from .image import save_image


class HighlightedText(Component):
    """Text as ``[{"token": str, "class_or_confidence": label | float | None}]``.

    Takes Gradio's forms: ``[(text, label)]`` pairs, or ``{"text": str,
    "entities": [{"entity" | "entity_group": label, "start": int, "end": int}]}``.
    """

    TYPE = "highlightedtext"
    EVENTS = ("change", "select")
    PROPS = ("color_map", "show_legend", "combine_adjacent", "adjacent_separator", "show_inline_category", "show_whitespaces")

    def __init__(
        self,
        value: Any = None,
        *,
        color_map: dict[str, str] | None = None,
        show_legend: bool = False,
        show_inline_category: bool = True,
        combine_adjacent: bool = False,
        adjacent_separator: str = "",
        show_whitespaces: bool = True,
        label: str | None = None,
        interactive: bool | None = None,
        **kwargs: Any,
    ) -> None:
        self.color_map = color_map
        self.show_legend = show_legend
        self.show_inline_category = show_inline_category
        self.combine_adjacent = combine_adjacent
        self.adjacent_separator = adjacent_separator
        # Gradio 6: without whitespace shown, each token is sent stripped.
        self.show_whitespaces = show_whitespaces
        super().__init__(value, label=label, interactive=interactive, **kwargs)

    def postprocess(self, value: Any) -> list[dict[str, Any]] | None:
        if value is None:
            return None
        if isinstance(value, dict):
            pairs = _pairs_from_entities(value.get("text", ""), value.get("entities", []))
        else:
            pairs = [(str(text), label) for text, label in value]
        if self.combine_adjacent:
            pairs = _combine(pairs, self.adjacent_separator)
        return [
            {"token": text if self.show_whitespaces else text.strip(), "class_or_confidence": label} for text, label in pairs
        ]

    def preprocess(self, payload: Any) -> list[tuple[str, Any]] | None:
        if payload is None:
            return None
        return [(item["token"], item.get("class_or_confidence")) for item in payload]


def _pairs_from_entities(text: str, entities: list[dict[str, Any]]) -> list[tuple[str, Any]]:
    """Gradio's reading of ``{"text", "entities"}``: the plain text around each entity is a token
    of its own, even when empty (combining drops empty tokens)."""
    if not entities:
        return [(text, None)]
    pairs: list[tuple[str, Any]] = []
    position = 0
    for entity in sorted(entities, key=lambda e: e["start"]):
        pairs.append((text[position : entity["start"]], None))
        pairs.append((text[entity["start"] : entity["end"]], entity.get("entity") or entity.get("entity_group")))
        position = entity["end"]
    pairs.append((text[position:], None))
    return pairs


def _combine(pairs: list[tuple[str, Any]], separator: str) -> list[tuple[str, Any]]:
    """Join runs of tokens with the same label (unlabelled runs too), leaving out empty tokens, as Gradio."""
    combined: list[tuple[str, Any]] = []
    for text, label in pairs:
        if not text:
            continue
        if combined and combined[-1][1] == label:
            combined[-1] = (combined[-1][0] + separator + text, label)
        else:
            combined.append((text, label))
    return combined


class AnnotatedImage(Component):
    """An image with labelled boxes: ``(image, [((x0, y0, x1, y1), label)])``.

    Only boxes are drawn; masks (numpy arrays) are listed by label.
    """

    TYPE = "annotatedimage"
    DEFAULT_BUTTONS = ("fullscreen",)
    EVENTS = ("select", "change")
    PROPS = ("show_legend", "height", "width", "color_map")

    def __init__(
        self,
        value: Any = None,
        *,
        show_legend: bool = True,
        height: int | str | None = None,
        width: int | str | None = None,
        color_map: dict[str, str] | None = None,
        label: str | None = None,
        **kwargs: Any,
    ) -> None:
        self.show_legend = show_legend
        self.height = height
        self.width = width
        self.color_map = color_map
        super().__init__(value, label=label, **kwargs)

    def preprocess(self, payload: Any) -> Any:
        # Its files must be ones the app may read (a server refuses others); the value itself passes as is.
        if isinstance(payload, dict):
            for file in [payload.get("image"), *(item.get("image") for item in payload.get("annotations") or [] if isinstance(item, dict))]:
                if file is not None:
                    payload_path(file)
        return payload

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        if value is None:
            return None
        image, annotations = value
        shown = []
        for area, name in annotations:
            box = [int(v) for v in area] if isinstance(area, (tuple, list)) and len(area) == 4 else None
            shown.append({"box": box, "label": str(name)})
        return {"image": save_image(image), "annotations": shown}
