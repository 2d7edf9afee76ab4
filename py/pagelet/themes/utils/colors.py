"""``gradio.themes.utils.colors``: Gradio's named hues."""

from ..colors import *  # noqa: F403
from ..colors import Color

__all__ = ["Color"]
