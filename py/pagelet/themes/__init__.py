"""``gr.themes``: Base, Default, Soft, Monochrome, Glass (and Origin, Citrus, Ocean).

A theme here is a small set of colours, a corner radius and a font, turned
into the CSS variables the host styles with (``--pl-*``), one set for light
and one for dark mode; the page follows the system's choice. ``.set()``
takes Gradio's variable names (``button_primary_background_fill``,
``body_background_fill_dark`` ...) for the ones this host draws with; values
may name a shade as Gradio does (``"*primary_200"``). Fonts are names only:
nothing is downloaded, the browser falls back to what it has.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, ClassVar

from . import colors, sizes
from .colors import Color

if TYPE_CHECKING:
    # Types only: the browser's core wheel leaves protocol_types out (scripts/build_assets.py).
    from ..protocol_types import ThemeConfig

# Gradio's variable name -> the host's CSS variable.
HOST_VARIABLES = {
    "body_background_fill": "--pl-background",
    "background_fill_primary": "--pl-background",
    "body_text_color": "--pl-text",
    "body_text_color_subdued": "--pl-muted",
    "block_background_fill": "--pl-block",
    "background_fill_secondary": "--pl-block",
    "input_background_fill": "--pl-input",
    "border_color_primary": "--pl-border",
    "block_border_color": "--pl-border",
    "color_accent": "--pl-primary",
    "button_primary_background_fill": "--pl-primary",
    "button_primary_background_fill_hover": "--pl-primary-hover",
    "button_secondary_background_fill": "--pl-secondary",
    "button_secondary_background_fill_hover": "--pl-secondary-hover",
    "button_cancel_background_fill": "--pl-stop",
    "button_cancel_background_fill_hover": "--pl-stop-hover",
    "error_border_color": "--pl-error",
    "block_radius": "--pl-radius",
    "input_radius": "--pl-radius",
}

_SHADE_REFERENCE = re.compile(r"^\*(primary|secondary|neutral)_(50|100|200|300|400|500|600|700|800|900|950)$")
# What a CSS value may not contain: it goes into a style rule.
_UNSAFE = re.compile(r"[;{}<>]")


def _font_name(font: Any) -> str:
    name = getattr(font, "name", font)
    return str(name)


class Font:
    """A font family by name (``gr.themes.GoogleFont`` names one; nothing is fetched)."""

    def __init__(self, name: str, weights: Any = None) -> None:
        self.name = name


GoogleFont = Font
LocalFont = Font


class Base:
    """The theme every other one refines; blue accents, gray neutrals."""

    name = "base"
    # What a named theme changes from Base's defaults; arguments given explicitly win.
    PRESET: ClassVar[dict[str, Any]] = {}

    def __init__(
        self,
        *,
        primary_hue: Color | str | None = None,
        secondary_hue: Color | str | None = None,
        neutral_hue: Color | str | None = None,
        text_size: Any = None,
        spacing_size: Any = None,
        radius_size: sizes.Size | str | None = None,
        font: Any = None,
        font_mono: Any = None,
    ) -> None:
        preset = {
            "primary_hue": colors.blue, "secondary_hue": colors.blue, "neutral_hue": colors.gray,
            "radius_size": sizes.radius_md, "font": ("Source Sans Pro", "ui-sans-serif", "system-ui", "sans-serif"),
            **self.PRESET,
        }
        self.primary_hue = colors.named(primary_hue or preset["primary_hue"])
        self.secondary_hue = colors.named(secondary_hue or preset["secondary_hue"])
        self.neutral_hue = colors.named(neutral_hue or preset["neutral_hue"])
        self.radius_size = sizes.named(radius_size or preset["radius_size"])
        chosen = font or preset["font"]
        fonts = chosen if isinstance(chosen, (list, tuple)) else [chosen]
        self.font = [_font_name(item) for item in fonts]
        self.overrides: dict[str, str] = {}

    def set(self, **variables: Any) -> Base:
        """Override Gradio theme variables (``name`` for light, ``name_dark`` for dark)."""
        for name, value in variables.items():
            self.overrides[name] = str(value)
        return self

    # -- what the host applies ---------------------------------------------------
    def _resolve(self, value: str) -> str:
        match = _SHADE_REFERENCE.match(value)
        if match:
            hue = {"primary": self.primary_hue, "secondary": self.secondary_hue, "neutral": self.neutral_hue}[match.group(1)]
            return hue.shade(match.group(2))
        if value.startswith("*"):
            reference = HOST_VARIABLES.get(value[1:].removesuffix("_dark"))
            return f"var({reference})" if reference else ""
        return value

    def _defaults(self) -> tuple[dict[str, str], dict[str, str]]:
        p, n = self.primary_hue, self.neutral_hue
        light = {
            "--pl-primary": p.c500, "--pl-primary-hover": p.c600, "--pl-focus": p.c300,
            "--pl-text": n.c800, "--pl-muted": n.c500, "--pl-background": "#ffffff", "--pl-block": n.c50,
            "--pl-input": "#ffffff", "--pl-border": n.c200, "--pl-secondary": n.c100, "--pl-secondary-hover": n.c200,
            "--pl-radius": self.radius_size.block,
        }
        dark = {
            "--pl-primary": p.c600, "--pl-primary-hover": p.c500, "--pl-focus": p.c700,
            "--pl-text": n.c100, "--pl-muted": n.c400, "--pl-background": n.c950, "--pl-block": n.c800,
            "--pl-input": n.c900, "--pl-border": n.c700, "--pl-secondary": n.c700, "--pl-secondary-hover": n.c600,
        }
        return light, dark

    def to_config(self) -> ThemeConfig:
        """``{"name", "light": {css variable: value}, "dark": {...}, "font": str}`` for the host."""
        light, dark = self._defaults()
        for name, value in self.overrides.items():
            is_dark = name.endswith("_dark")
            variable = HOST_VARIABLES.get(name.removesuffix("_dark"))
            resolved = self._resolve(value)
            if variable is None or not resolved or _UNSAFE.search(resolved):
                continue  # a variable this host does not draw with, or a value it cannot use
            (dark if is_dark else light)[variable] = resolved
        font = ", ".join(f'"{name}"' if " " in name else name for name in self.font if not _UNSAFE.search(name))
        return {"name": self.name, "light": light, "dark": dark, "font": font}


class Default(Base):
    """Gradio's look: orange accents."""

    name = "default"
    PRESET: ClassVar[dict[str, Any]] = {"primary_hue": colors.orange}


class Origin(Default):
    name = "origin"


class Soft(Base):
    """Indigo, rounder corners, a softer font."""

    name = "soft"
    PRESET: ClassVar[dict[str, Any]] = {
        "primary_hue": colors.indigo, "secondary_hue": colors.indigo, "radius_size": sizes.radius_lg,
        "font": ("Montserrat", "ui-sans-serif", "system-ui", "sans-serif"),
    }


class Monochrome(Base):
    """Black and white, square-ish corners."""

    name = "monochrome"
    PRESET: ClassVar[dict[str, Any]] = {
        "primary_hue": colors.neutral, "secondary_hue": colors.neutral, "neutral_hue": colors.neutral,
        "radius_size": sizes.radius_sm, "font": ("Quicksand", "ui-sans-serif", "system-ui", "sans-serif"),
    }

    def _defaults(self) -> tuple[dict[str, str], dict[str, str]]:
        light, dark = super()._defaults()
        n = self.neutral_hue
        light.update({"--pl-primary": n.c800, "--pl-primary-hover": n.c700})
        dark.update({"--pl-primary": n.c100, "--pl-primary-hover": n.c300})
        return light, dark


class Glass(Base):
    """Stone greys, small corners."""

    name = "glass"
    PRESET: ClassVar[dict[str, Any]] = {
        "primary_hue": colors.stone, "secondary_hue": colors.stone, "neutral_hue": colors.stone,
        "radius_size": sizes.radius_sm, "font": ("Optima", "Candara", "Noto Sans", "source-sans-pro", "sans-serif"),
    }


class Citrus(Base):
    name = "citrus"
    PRESET: ClassVar[dict[str, Any]] = {"primary_hue": colors.lime, "secondary_hue": colors.amber, "neutral_hue": colors.stone}


class Ocean(Base):
    name = "ocean"
    PRESET: ClassVar[dict[str, Any]] = {"primary_hue": colors.blue, "secondary_hue": colors.cyan, "neutral_hue": colors.zinc}


ThemeClass = Base
_BY_NAME = {theme.name: theme for theme in (Base, Default, Origin, Soft, Monochrome, Glass, Citrus, Ocean)}


def theme_config(theme: Any) -> ThemeConfig | None:
    """The host's theme config for ``Blocks(theme=...)``: a theme, a theme class or a name; None for the stock look."""
    if theme is None:
        return None
    if isinstance(theme, type) and issubclass(theme, Base):
        theme = theme()
    if isinstance(theme, str):
        known = _BY_NAME.get(theme.lower())
        if known is None:
            # A Hub theme ("user/name") cannot be fetched offline: keep the stock look.
            print(f"Theme {theme!r} is not built in; using the default theme.")
            return None
        theme = known()
    if not isinstance(theme, Base):
        raise TypeError(f"theme must be a gr.themes theme or its name, got {theme!r}")
    return theme.to_config()


__all__ = [
    "Base", "Citrus", "Color", "Default", "Font", "Glass", "GoogleFont", "LocalFont", "Monochrome", "Ocean",
    "Origin", "Soft", "ThemeClass", "colors", "sizes", "theme_config",
]
