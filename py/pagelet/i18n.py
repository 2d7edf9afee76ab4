"""``gr.I18n``: translations of an app's texts, keyed by locale.

``i18n = gr.I18n(en={"greet": "Hello"}, fr={"greet": "Bonjour"})`` then
``gr.Textbox(label=i18n("greet"))``. ``i18n(key)`` gives an ``I18nData``, a
string whose text is the key's translation in the first locale that has it
(``en`` first), so every place that takes a string takes it. The page does
not switch language: the text is the default locale's.
"""

from __future__ import annotations

import re
from typing import Any

DEFAULT_LOCALE = "en"
_LOCALE = re.compile(r"^[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})*$")


class I18nData(str):
    """A translated text that remembers its ``key`` (Gradio's translation metadata)."""

    key: str

    def __new__(cls, key: str, text: str | None = None) -> I18nData:
        made = super().__new__(cls, key if text is None else text)
        made.key = key
        return made

    def to_dict(self) -> dict[str, Any]:
        return {"__type__": "translation_metadata", "key": self.key}


class I18n:
    """Translations by locale: ``I18n(en={...}, fr={...})``; call it with a key."""

    def __init__(self, **translations: dict[str, str]) -> None:
        for locale, table in translations.items():
            if not _LOCALE.match(locale):
                raise ValueError(f"{locale!r} is not a locale name such as 'en' or 'pt-BR'")
            if not isinstance(table, dict):
                raise TypeError(f"The translations for {locale!r} must be a dict of key to text, got {type(table).__name__}")
        self.translations = translations

    def __call__(self, key: str) -> I18nData:
        for locale in (DEFAULT_LOCALE, *self.translations):
            text = self.translations.get(locale, {}).get(key)
            if text is not None:
                return I18nData(key, str(text))
        return I18nData(key)

    @property
    def translations_dict(self) -> dict[str, dict[str, str]]:
        return self.translations
