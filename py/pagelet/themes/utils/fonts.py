"""``gradio.themes.utils.fonts``: font classes that name a family (nothing is downloaded)."""

from .. import Font, GoogleFont, LocalFont

__all__ = ["Font", "GoogleFont", "LocalFont"]
