"""Components that pick from choices: Checkbox, CheckboxGroup, Radio, Dropdown."""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from ..alerts import Error
from .base import FormComponent, normalize_choices


class Checkbox(FormComponent):
    TYPE = "checkbox"
    API_SCHEMA = {"type": "boolean"}
    EVENTS = ("change", "input", "select")
    CLEARED_VALUE = False

    def __init__(self, value: bool | Any = False, *, label: str | None = None, **kwargs: Any) -> None:
        super().__init__(value, label=label, **kwargs)

    def preprocess(self, payload: Any) -> bool | None:
        if payload is None:
            return None
        if not isinstance(payload, bool):
            raise Error(f"{self.label or 'Checkbox'}: expected true or false, got {payload!r}")
        return payload

    def postprocess(self, value: Any) -> bool:
        return bool(value)


class _ChoiceComponent(FormComponent):
    """Shared handling of ``choices`` and ``type="value" | "index"``."""

    choices: list[list[Any]]
    type: str

    def _set_choices(self, choices: Any, type: str) -> None:
        if type not in ("value", "index"):
            raise ValueError(f"type must be 'value' or 'index', got {type!r}")
        self.choices = normalize_choices(choices)
        self.type = type

    def normalize_prop(self, name: str, value: Any) -> Any:
        return normalize_choices(value) if name == "choices" else value

    def _values(self) -> list[Any]:
        return [value for _, value in self.choices]

    def _check_choice(self, value: Any) -> Any:
        values = self._values()
        if value not in values:
            raise Error(f"Value: {value!r} is not in the list of choices: {values}")
        return values.index(value) if self.type == "index" else value


class CheckboxGroup(_ChoiceComponent):
    TYPE = "checkboxgroup"
    API_SCHEMA = {"type": "array", "items": {"type": "string"}}
    EVENTS = ("change", "input", "select")
    PROPS = ("choices", "type")
    CLEARED_VALUE: ClassVar[list[Any]] = []

    def __init__(
        self,
        choices: Any = None,
        *,
        value: Any = None,
        type: Literal["value", "index"] = "value",
        label: str | None = None,
        **kwargs: Any,
    ) -> None:
        self._set_choices(choices, type)
        super().__init__(value, label=label, **kwargs)

    def preprocess(self, payload: Any) -> list[Any]:
        if payload is None:
            return []
        if not isinstance(payload, list):
            raise Error(f"{self.label or 'CheckboxGroup'}: expected a list of choices, got {payload!r}")
        return [self._check_choice(value) for value in payload]

    def postprocess(self, value: Any) -> list[Any]:
        if value is None:
            return []
        return list(value) if isinstance(value, (list, tuple, set)) else [value]


class Radio(_ChoiceComponent):
    TYPE = "radio"
    API_SCHEMA = {"type": "string"}
    EVENTS = ("change", "input", "select")
    PROPS = ("choices", "type")

    def __init__(
        self,
        choices: Any = None,
        *,
        value: Any = None,
        type: Literal["value", "index"] = "value",
        label: str | None = None,
        **kwargs: Any,
    ) -> None:
        self._set_choices(choices, type)
        super().__init__(value, label=label, **kwargs)

    def preprocess(self, payload: Any) -> Any:
        return None if payload is None else self._check_choice(payload)


# Gradio 5 tells "no value given" (select the first choice) from an explicit None.
_FIRST_CHOICE: Any = object()


class Dropdown(_ChoiceComponent):
    TYPE = "dropdown"
    EVENTS = ("change", "input", "select", "focus", "blur", "key_up")
    PROPS = ("choices", "type", "multiselect", "max_choices", "allow_custom_value", "filterable")

    def __init__(
        self,
        choices: Any = None,
        *,
        value: Any = _FIRST_CHOICE,
        type: Literal["value", "index"] = "value",
        multiselect: bool | None = None,
        allow_custom_value: bool = False,
        max_choices: int | None = None,
        filterable: bool = True,
        label: str | None = None,
        **kwargs: Any,
    ) -> None:
        self._set_choices(choices, type)
        self.multiselect = bool(multiselect)
        self.allow_custom_value = allow_custom_value
        self.max_choices = max_choices
        self.filterable = filterable
        if value is _FIRST_CHOICE:
            value = self.choices[0][1] if self.choices and not self.multiselect else None
        super().__init__(value, label=label, **kwargs)

    @property
    def CLEARED_VALUE(self) -> Any:
        return [] if self.multiselect else None

    def api_info(self) -> dict[str, Any]:
        # Several choices are a list, as a CheckboxGroup's; one is any value (a custom one too).
        return CheckboxGroup.API_SCHEMA if self.multiselect else {}

    def _check(self, value: Any) -> Any:
        if self.allow_custom_value and value not in self._values():
            if self.type == "index":
                raise Error(f"Value: {value!r} is a custom value and has no index among the choices")
            return value
        return self._check_choice(value)

    def preprocess(self, payload: Any) -> Any:
        if self.multiselect:
            if payload is None:
                return []
            if not isinstance(payload, list):
                raise Error(f"{self.label or 'Dropdown'}: expected a list of choices, got {payload!r}")
            if self.max_choices is not None and len(payload) > self.max_choices:
                raise Error(f"{self.label or 'Dropdown'}: at most {self.max_choices} choices may be selected")
            return [self._check(value) for value in payload]
        return None if payload is None else self._check(payload)

    def postprocess(self, value: Any) -> Any:
        if self.multiselect:
            if value is None:
                return []
            return list(value) if isinstance(value, (list, tuple, set)) else [value]
        return value
