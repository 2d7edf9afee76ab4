"""``gradio.themes.utils.sizes``: Gradio's named sizes."""

from ..sizes import *  # noqa: F403
from ..sizes import Size

__all__ = ["Size"]
