"""``gradio.themes.utils``: the ``colors``, ``fonts`` and ``sizes`` modules, as theme demos import them."""

from . import colors, fonts, sizes

__all__ = ["colors", "fonts", "sizes"]
