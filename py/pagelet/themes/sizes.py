"""Gradio's size presets; only the corner radius is used by this host."""

from __future__ import annotations


class Size:
    def __init__(self, name: str, block: str) -> None:
        self.name = name
        # The radius of blocks and inputs.
        self.block = block

    def __repr__(self) -> str:
        return f"<Size {self.name}>"


radius_none = Size("radius_none", "0px")
radius_sm = Size("radius_sm", "4px")
radius_md = Size("radius_md", "8px")
radius_lg = Size("radius_lg", "12px")

radius_xxl = Size("radius_xxl", "22px")
# Gradio's spacing and text presets: accepted (theme classes take them), not drawn by this host.
spacing_sm = Size("spacing_sm", "")
spacing_md = Size("spacing_md", "")
spacing_lg = Size("spacing_lg", "")
text_sm = Size("text_sm", "")
text_md = Size("text_md", "")
text_lg = Size("text_lg", "")

_ALL = {size.name: size for size in (radius_none, radius_sm, radius_md, radius_lg, radius_xxl)}


def named(value: Size | str) -> Size:
    if isinstance(value, Size):
        return value
    size = _ALL.get(str(value)) or _ALL.get(f"radius_{value}")
    if size is None:
        raise ValueError(f"Unknown radius size {value!r}; known: {', '.join(_ALL)}")
    return size
