"""Dataset: a table of samples a person clicks (what ``gr.Examples`` shows)."""

from __future__ import annotations

from typing import Any, Literal

from .base import Component


class Dataset(Component):
    TYPE = "dataset"
    # Gradio's schema: in the API a Dataset is the index of the sample chosen.
    API_SCHEMA = {"type": "integer", "description": "index of selected example"}
    API_PYTHON_TYPE = "int"
    EVENTS = ("click", "select", "change")
    PROPS = ("headers", "samples", "components", "samples_per_page", "type")

    def __init__(
        self,
        *,
        label: str | None = None,
        components: list[Component] | None = None,
        samples: list[list[Any]] | None = None,
        headers: list[str] | None = None,
        type: Literal["values", "index", "tuple"] = "values",
        samples_per_page: int = 10,
        **kwargs: Any,
    ) -> None:
        self.source_components = list(components or [])
        self.components = [component.TYPE for component in self.source_components]
        self.raw_samples = [list(sample) for sample in (samples or [])]
        self.headers = headers if headers is not None else [component.label or "" for component in self.source_components]
        self.type = type
        self.samples_per_page = samples_per_page
        kwargs.setdefault("container", False)
        super().__init__(None, label=label, **kwargs)

    @property
    def samples(self) -> list[list[Any]]:
        """Samples as the host shows them: each value through its component."""
        shown = []
        for sample in self.raw_samples:
            row = []
            for component, value in zip(self.source_components, sample):
                try:
                    row.append(component.postprocess(value))
                except Exception:
                    row.append(str(value))
            shown.append(row)
        return shown

    def get_props(self) -> dict[str, Any]:
        props = super().get_props()
        props["interactive"] = True
        return props

    def preprocess(self, payload: Any) -> Any:
        if not isinstance(payload, int) or isinstance(payload, bool) or not 0 <= payload < len(self.raw_samples):
            raise ValueError(f"Dataset: no sample at index {payload!r}")
        if self.type == "index":
            return payload
        if self.type == "tuple":
            return payload, self.raw_samples[payload]
        return self.raw_samples[payload]
