"""``gr.I18n``: translations of an app's texts, keyed by locale.

``i18n = gr.I18n(en={"greet": "Hello"}, fr={"greet": "Bonjour"})``, then
``gr.Textbox(label=i18n("greet"))`` and ``demo.launch(i18n=i18n)``.
``i18n(key)`` is an ``I18nData``: a string holding Gradio's marker,
``__i18n__{"__type__": "translation_metadata", "key": "greet"}``, so every
place that takes a string takes it and the config carries it as Gradio's
does. The page translates each marker into the browser's language (see
``js/i18n.ts``), falling back to English, then to the key itself.
"""

from __future__ import annotations

import json
import re
import warnings
from typing import Any

I18N_MARKER = "__i18n__"
_LOCALE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


class I18nData(str):
    """A text to translate on the page: Gradio's marker string, remembering its ``key``."""

    key: str

    def __new__(cls, key: str) -> I18nData:
        made = super().__new__(cls, I18N_MARKER + json.dumps({"__type__": "translation_metadata", "key": key}))
        made.key = key
        return made

    def to_dict(self) -> dict[str, Any]:
        return {"__type__": "translation_metadata", "key": self.key}

    def tojson(self) -> dict[str, Any]:
        return self.to_dict()


class I18n:
    """Translations by locale: ``I18n(en={...}, fr={...})``; call it with a key."""

    def __init__(self, **translations: dict[str, str]) -> None:
        for locale, table in translations.items():
            if not _LOCALE.match(locale):
                # Gradio warns and keeps the locale; so does Pagelet.
                warnings.warn(f"Invalid locale code: {locale!r}. Locale codes follow BCP 47 (e.g. 'en', 'pt-BR').", UserWarning, stacklevel=2)
            if not isinstance(table, dict):
                raise TypeError(f"The translations for {locale!r} must be a dict of key to text, got {type(table).__name__}")
        # Kept as given: a nested table ({"buttons": {"go": ...}}) is looked up by "buttons.go", as in Gradio.
        self.translations = dict(translations)

    def __call__(self, key: str) -> I18nData:
        return I18nData(key)

    @property
    def translations_dict(self) -> dict[str, dict[str, str]]:
        return self.translations
