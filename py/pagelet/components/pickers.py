"""ColorPicker and DateTime: one value picked from a typed control."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from .base import FormComponent

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")


class ColorPicker(FormComponent):
    """A colour as a ``"#rrggbb"`` string."""

    TYPE = "colorpicker"
    EVENTS = ("change", "input", "submit", "focus", "blur", "release")

    def __init__(self, value: str | Any | None = None, *, label: str | None = None, **kwargs: Any) -> None:
        super().__init__(value, label=label, **kwargs)

    def preprocess(self, payload: Any) -> str | None:
        if payload is None:
            return None
        text = str(payload)
        if not _HEX.match(text):
            raise ValueError(f"A colour must be written #rrggbb, got {text!r}")
        return text

    def postprocess(self, value: Any) -> str | None:
        return None if value is None else str(value)


_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_RELATIVE = re.compile(r"^now\s*(?:-\s*(\d+)\s*([smhdw]))?$")


class DateTime(FormComponent):
    """A date (and time) typed as ``YYYY-MM-DD[ HH:MM:SS]`` or ``now - 2h``, as in Gradio 5."""

    TYPE = "datetime"
    EVENTS = ("change", "submit")
    PROPS = ("include_time", "type", "timezone")

    def __init__(
        self,
        value: float | str | dt.datetime | None = None,
        *,
        include_time: bool = True,
        type: Literal["timestamp", "datetime", "string"] = "timestamp",
        timezone: str | None = None,
        label: str | None = None,
        **kwargs: Any,
    ) -> None:
        if type not in ("timestamp", "datetime", "string"):
            raise ValueError(f"DateTime type must be 'timestamp', 'datetime' or 'string', got {type!r}")
        self.include_time = include_time
        self.type = type
        self.timezone = timezone
        super().__init__(value, label=label, **kwargs)

    @property
    def _format(self) -> str:
        return "%Y-%m-%d %H:%M:%S" if self.include_time else "%Y-%m-%d"

    def _zone(self) -> dt.tzinfo | None:
        if self.timezone is None:
            return None
        from zoneinfo import ZoneInfo

        return ZoneInfo(self.timezone)

    def _parse(self, text: str) -> dt.datetime:
        text = text.strip()
        relative = _RELATIVE.match(text)
        if relative:
            now = dt.datetime.now(self._zone())
            amount, unit = relative.groups()
            return now - dt.timedelta(seconds=int(amount) * _UNITS[unit]) if amount else now
        for pattern in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d"):
            try:
                parsed = dt.datetime.strptime(text, pattern)
            except ValueError:
                continue
            return parsed.replace(tzinfo=self._zone()) if self.timezone else parsed
        raise ValueError(f"Cannot read {text!r} as a date: write YYYY-MM-DD HH:MM:SS, or 'now - 1h'")

    def preprocess(self, payload: Any) -> float | dt.datetime | str | None:
        if payload is None or payload == "":
            return None
        if self.type == "string":
            return str(payload)
        moment = self._parse(str(payload))
        return moment if self.type == "datetime" else moment.timestamp()

    def postprocess(self, value: Any) -> str | None:
        if value is None or value == "":
            return None
        if isinstance(value, dt.datetime):
            return value.strftime(self._format)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return dt.datetime.fromtimestamp(value, self._zone()).strftime(self._format)
        return str(value)
