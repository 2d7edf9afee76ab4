"""Number and Slider: numeric inputs with optional bounds."""

from __future__ import annotations

import math
import numbers
import random
from typing import Any

from ..alerts import Error
from .base import FormComponent


def _as_number(payload: Any, label: str | None) -> float | int:
    if isinstance(payload, numbers.Integral) and not isinstance(payload, (bool, int)):
        payload = int(payload)  # numpy's integers (np.int64 ...) register as Integral
    elif isinstance(payload, numbers.Real) and not isinstance(payload, (bool, int, float)):
        payload = float(payload)
    if isinstance(payload, bool) or not isinstance(payload, (int, float, str)):
        raise Error(f"{label or 'Number'}: expected a number, got {payload!r}")
    try:
        number = float(payload) if isinstance(payload, str) else payload
    except ValueError:
        raise Error(f"{label or 'Number'}: {payload!r} is not a number") from None
    if isinstance(number, float) and not math.isfinite(number):
        raise Error(f"{label or 'Number'}: {payload!r} is not a finite number")
    return number


def _as_returned(value: Any, number: float | int) -> Any:
    """The number an output keeps: a numpy scalar stays one, as in Gradio, whose event stream
    then writes it as text (``"3"``); its API answers do, and so do ours over HTTP."""
    return number if isinstance(value, (int, float, str)) else value


def round_to_precision(number: float | int | None, precision: int | None) -> float | int | None:
    """Gradio's rounding: no precision -> the number as it is (an int stays an int), 0 -> int, n -> n decimals."""
    if number is None:
        return None
    if precision is None:
        return number
    if precision == 0:
        return int(round(number, 0))
    return round(number, precision)


class Number(FormComponent):
    TYPE = "number"
    API_SCHEMA = {"type": "number"}
    EVENTS = ("change", "input", "submit", "focus", "blur")
    PROPS = ("precision", "minimum", "maximum", "step", "placeholder")

    def __init__(
        self,
        value: float | Any | None = None,
        *,
        label: str | None = None,
        precision: int | None = None,
        minimum: float | None = None,
        maximum: float | None = None,
        step: float = 1,
        placeholder: str | None = None,
        **kwargs: Any,
    ) -> None:
        self.precision = precision
        self.minimum = minimum
        self.maximum = maximum
        self.step = step
        self.placeholder = placeholder
        super().__init__(value, label=label, **kwargs)

    def preprocess(self, payload: Any) -> float | int | None:
        if payload is None or payload == "":
            return None
        number = _as_number(payload, self.label)
        if self.minimum is not None and number < self.minimum:
            raise Error(f"Value {number} is less than minimum value {self.minimum}.")
        if self.maximum is not None and number > self.maximum:
            raise Error(f"Value {number} is greater than maximum value {self.maximum}.")
        return round_to_precision(number, self.precision)

    def postprocess(self, value: Any) -> float | int | None:
        if value is None:
            return None
        return round_to_precision(_as_returned(value, _as_number(value, self.label)), self.precision)


class Slider(FormComponent):
    TYPE = "slider"
    API_SCHEMA = {"type": "number"}
    EVENTS = ("change", "input", "release")
    PROPS = ("minimum", "maximum", "step")

    def __init__(
        self,
        minimum: float = 0,
        maximum: float = 100,
        value: float | Any | None = None,
        *,
        step: float | None = None,
        label: str | None = None,
        randomize: bool = False,
        **kwargs: Any,
    ) -> None:
        if minimum > maximum:
            raise ValueError(f"Slider minimum ({minimum}) is greater than its maximum ({maximum})")
        self.minimum = minimum
        self.maximum = maximum
        self.step = step if step is not None else self._default_step(minimum, maximum)
        if randomize:  # as in Gradio, randomize wins over a value
            value = self.get_random_value
        super().__init__(value, label=label, **kwargs)
        if self.value is None:
            self.value = minimum

    @staticmethod
    def _default_step(minimum: float, maximum: float) -> float:
        # Gradio picks a power of ten giving about 100 steps.
        span = maximum - minimum
        if span <= 0:
            return 1
        return 10 ** math.floor(math.log10(span) - 2)

    def get_random_value(self) -> float:
        """A value on the slider's steps, at random; Gradio's name, which names its load endpoint."""
        steps = int((self.maximum - self.minimum) / self.step)
        return self.minimum + self.step * random.randint(0, steps)

    def preprocess(self, payload: Any) -> float | int | None:
        if payload is None:
            return None
        number = _as_number(payload, self.label)
        if number < self.minimum or number > self.maximum:
            raise Error(
                f"{self.label or 'Slider'}: {number} is outside the range {self.minimum} to {self.maximum}."
            )
        return number

    def postprocess(self, value: Any) -> float | int | None:
        return None if value is None else _as_returned(value, _as_number(value, self.label))
