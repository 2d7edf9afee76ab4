"""``gr.Examples``: sample inputs a person clicks to fill the inputs."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, Literal

from .components.base import Component
from .components.dataset import Dataset
from .components.state import State
from .events import listen
from .tree import current_root
from .updates import update


def _as_rows(examples: Any, width: int) -> list[list[Any]]:
    if not isinstance(examples, (list, tuple)):
        raise TypeError("examples must be a list of examples, each a list with one value per input")
    rows = []
    for example in examples:
        row = list(example) if isinstance(example, (list, tuple)) else [example]
        if width == 1 and len(row) != 1:
            row = [example]
        # As Gradio: values beyond the inputs are dropped; a shorter example leaves the other inputs as they are.
        rows.append(row[:width])
    return rows


async def _final_result(result: Any) -> Any:
    """A function's result; for a generator, its last yield."""
    if inspect.isawaitable(result):
        return await result
    if inspect.isasyncgen(result):
        last = None
        async for last in result:
            pass
        return last
    if inspect.isgenerator(result):
        last = None
        for last in result:
            pass
        return last
    return result


class Examples:
    """A table of examples under the inputs; a click loads one into them.

    With ``run_on_click=True`` clicking also runs ``fn`` on the example. With
    ``cache_examples=True`` a click also shows the example's outputs, computed
    once on the first click and kept; unless it is ``"lazy"``, the page also opens
    showing example ``preload`` (by default the first) and its outputs.
    """

    def __init__(
        self,
        examples: list[Any],
        inputs: Component | list[Component],
        outputs: Component | list[Component] | None = None,
        fn: Callable[..., Any] | None = None,
        cache_examples: bool | None = None,
        examples_per_page: int = 10,
        label: str | None = None,
        elem_id: str | None = None,
        run_on_click: bool = False,
        preload: int | Literal[False] = 0,
        **kwargs: Any,
    ) -> None:
        self.inputs = list(inputs) if isinstance(inputs, (list, tuple)) else [inputs]
        self.outputs = list(outputs) if isinstance(outputs, (list, tuple)) else ([] if outputs is None else [outputs])
        self.fn = fn
        self.examples = _as_rows(examples, len(self.inputs))
        self.dataset = Dataset(
            components=self.inputs,
            samples=self.examples,
            label=label,
            type="index",
            samples_per_page=examples_per_page,
            elem_id=elem_id,
        )
        load = listen(
            self.dataset,
            "click",
            self._load_example,
            inputs=[self.dataset],
            outputs=self.inputs,
            api_name=False,
            show_progress="hidden",
            queue=False,
        )
        # Others chain onto the loading of an example (ChatInterface sends it).
        self.load_event = load
        self._cache: dict[int, Any] = {}
        if cache_examples and fn is not None and self.outputs:
            load.then(self._cached_outputs, inputs=[self.dataset], outputs=self.outputs, api_name=False)
            lazy = cache_examples == "lazy" or kwargs.get("cache_mode") == "lazy"
            if not lazy and preload is not False:
                self._preload(preload)
        elif run_on_click and fn is not None:
            load.then(fn, inputs=self.inputs, outputs=self.outputs, api_name=False)

    def _preload(self, index: int) -> None:
        """As Gradio does with eagerly cached examples: the page opens showing example
        ``index`` and its outputs, unless the app gave an input a value of its own.

        The example's index reaches the two load listeners in a State, as in Gradio's config.
        """
        root = current_root()
        if root is None or not 0 <= index < len(self.examples):
            return
        if any("value" in getattr(component, "_explicit_args", {}) for component in self.inputs):
            return
        listen(root, "load", self._load_example, inputs=[State(index)], outputs=self.inputs,
               api_name=False, show_progress="hidden", queue=False)
        listen(root, "load", self._cached_outputs, inputs=[State(index)], outputs=self.outputs,
               api_name=False, show_progress="hidden")

    async def _cached_outputs(self, index: int) -> Any:
        if index not in self._cache:
            assert self.fn is not None
            # What the function would receive had a person entered the example.
            args = [component.preprocess(component.postprocess(value)) for component, value in zip(self.inputs, self.examples[index])]
            self._cache[index] = await _final_result(self.fn(*args))
        return self._cache[index]

    def _load_example(self, index: int) -> Any:
        example = self.examples[index]
        if len(self.inputs) == 1:
            return example[0] if example else update()
        return tuple(example) + tuple(update() for _ in range(len(self.inputs) - len(example)))
