"""``gradio.themes.base``: where Gradio's theme demos import ``Base`` (and ``ThemeClass``) from."""

from . import Base, ThemeClass

__all__ = ["Base", "ThemeClass"]
