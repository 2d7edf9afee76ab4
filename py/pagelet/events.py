"""Event listeners and the dependency table.

``button.click(fn, inputs, outputs)`` registers a ``Dependency`` on the root
``Blocks``; the host fires it, the session runs it. A listener called without
``fn`` returns a decorator, as in Gradio.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Literal

from .tree import Block, BlockContext, current_root

if TYPE_CHECKING:
    # Types only: the browser's core wheel leaves protocol_types out (scripts/build_assets.py).
    from .protocol_types import Dependency as DependencyConfig
    from .blocks import Blocks
    from .components.base import Component

TriggerMode = Literal["once", "multiple", "always_last"]
# Gradio 6: "public" endpoints are listed and callable, "undocumented" ones callable
# but not listed, "private" ones neither (the page still runs them).
ApiVisibility = Literal["public", "private", "undocumented"]
API_VISIBILITIES: tuple[ApiVisibility, ...] = ("public", "private", "undocumented")

# Events that fire continuously while a person edits: the host keeps only the
# latest pending trigger for these (Gradio's "always_last").
# A stream's frames too: a frame that comes while the last one runs replaces any still waiting.
_CONTINUOUS_EVENTS = frozenset({"change", "input", "release", "stream"})


class Dependency:
    """One registered listener: what triggers it, what it reads and writes."""

    def __init__(
        self,
        root: Blocks,
        targets: list[tuple[Block, str]],
        fn: Callable[..., Any] | None,
        inputs: list[Component],
        outputs: list[Component],
        *,
        inputs_as_dict: bool = False,
        api_name: str | None | Literal[False] = None,
        show_progress: str = "full",
        show_progress_on: list[Component] | None = None,
        queue: bool = True,
        trigger_mode: TriggerMode | None = None,
        trigger_after: Dependency | None = None,
        trigger_only_on_success: bool = False,
        trigger_only_on_failure: bool = False,
        preprocess: bool = True,
        postprocess: bool = True,
        js: str | None = None,
        cancels: Dependency | list[Dependency] | None = None,
        batch: bool = False,
        max_batch_size: int = 4,
        concurrency_limit: int | None | str = "default",
        api_visibility: ApiVisibility = "public",
        show_api: bool = True,
        concurrency_id: str | None = None,
        validator: Callable[..., Any] | None = None,
    ) -> None:
        if api_visibility not in API_VISIBILITIES:
            raise ValueError(f"api_visibility must be one of {', '.join(API_VISIBILITIES)}, got {api_visibility!r}")
        self.root = root
        self.targets = targets
        self.fn = fn
        self.inputs = inputs
        self.outputs = outputs
        self.inputs_as_dict = inputs_as_dict
        self.api_name = _unique_api_name(root, fn, api_name)
        # api_name=False is Gradio 6's private endpoint; Gradio 5's show_api=False an undocumented one.
        if api_name is False:
            api_visibility = "private"
        elif not show_api and api_visibility == "public":
            api_visibility = "undocumented"
        self.api_visibility: ApiVisibility = api_visibility
        self.show_progress = show_progress
        # Gradio's show_progress_on: the blocks that show this run's progress instead of its outputs.
        self.show_progress_on = show_progress_on
        self.queue = queue
        if trigger_mode is None:
            continuous = any(event in _CONTINUOUS_EVENTS for _, event in targets)
            trigger_mode = "always_last" if continuous else "once"
        self.trigger_mode = trigger_mode
        self.trigger_after = trigger_after
        self.trigger_only_on_success = trigger_only_on_success
        self.trigger_only_on_failure = trigger_only_on_failure
        self.preprocess = preprocess
        self.postprocess = postprocess
        self.js = js
        self.cancels = _as_dependency_list(cancels)
        if batch and (inspect.isgeneratorfunction(fn) or inspect.isasyncgenfunction(fn)):
            raise ValueError("Gradio does not support generators in batch mode")
        self.batch = batch
        self.max_batch_size = max(1, int(max_batch_size))
        # "default" follows demo.queue(default_concurrency_limit=...); None means unlimited.
        self.concurrency_limit = concurrency_limit
        # Listeners naming the same id share one limit (see admission.py).
        self.concurrency_id = concurrency_id
        # Gradio 6's validator: called with the inputs first; a failed gr.validate stops the run.
        if validator is not None and not callable(validator):
            raise TypeError(f"validator must be a function, got {validator!r}")
        self.validator = validator

    def then(self, fn: Callable[..., Any] | None = None, inputs: Any = None, outputs: Any = None, **kwargs: Any) -> Any:
        """Run ``fn`` after this listener finishes, whether or not it failed."""
        return _register(self.root, [], fn, inputs, outputs, trigger_after=self, **kwargs)

    def success(self, fn: Callable[..., Any] | None = None, inputs: Any = None, outputs: Any = None, **kwargs: Any) -> Any:
        """Run ``fn`` after this listener finishes without an error."""
        return _register(
            self.root, [], fn, inputs, outputs, trigger_after=self, trigger_only_on_success=True, **kwargs
        )

    def failure(self, fn: Callable[..., Any] | None = None, inputs: Any = None, outputs: Any = None, **kwargs: Any) -> Any:
        """Run ``fn`` after this listener fails (it raised, ``gr.Error`` included)."""
        return _register(
            self.root, [], fn, inputs, outputs, trigger_after=self, trigger_only_on_failure=True, **kwargs
        )

    def get_config(self, root: Blocks) -> DependencyConfig:
        return {
            "id": root.dependencies.index(self),
            "targets": [[block.id, event] for block, event in self.targets],
            "inputs": [block.id for block in self.inputs],
            "outputs": [block.id for block in self.outputs],
            "api_name": self.api_name,
            "trigger_after": None if self.trigger_after is None else root.dependencies.index(self.trigger_after),
            "trigger_only_on_success": self.trigger_only_on_success,
            "trigger_only_on_failure": self.trigger_only_on_failure,
            "queue": self.queue,
            "show_progress": self.show_progress,
            "show_progress_on": None if self.show_progress_on is None else [block.id for block in self.show_progress_on],
            "trigger_mode": self.trigger_mode,
            "js": self.js,
            "cancels": [root.dependencies.index(dep) for dep in self.cancels if dep in root.dependencies],
            # As Gradio: a generator's updates stream; any other function's one update is its answer.
            "types": {"generator": _is_generator(self.fn), "cancel": False},
        }

    def __repr__(self) -> str:
        name = getattr(self.fn, "__name__", None)
        return f"<Dependency {name} on {[event for _, event in self.targets]}>"


def _is_generator(fn: Callable[..., Any] | None) -> bool:
    target = getattr(fn, "func", fn)  # functools.partial
    return inspect.isgeneratorfunction(target) or inspect.isasyncgenfunction(target)


def _as_dependency_list(value: Any) -> list[Dependency]:
    if value is None:
        return []
    items = list(value) if isinstance(value, (list, tuple, set)) else [value]
    for item in items:
        if not isinstance(item, Dependency):
            raise TypeError(f"cancels= takes the events returned by listeners (btn.click(...)), got {item!r}")
    return items


def _unique_api_name(root: Blocks, fn: Callable[..., Any] | None, api_name: str | None | Literal[False]) -> str | None:
    if api_name is False:
        return None
    if api_name is None:
        if fn is None:
            return None
        api_name = getattr(fn, "__name__", "fn").replace("<lambda>", "lambda")
    api_name = api_name.lstrip("/")
    taken = {dep.api_name for dep in root.dependencies}
    candidate, suffix = api_name, 1
    while candidate in taken:
        candidate = f"{api_name}_{suffix}"
        suffix += 1
    return candidate


def _as_component_list(value: Any, role: str) -> tuple[list[Component], bool]:
    """Normalize ``inputs``/``outputs``: a component, a list, a set, or None.

    Outputs may also be layout blocks (Row, Column, Tab, Accordion ...), whose
    props a function changes with ``gr.update(visible=...)``, as in Gradio.
    """
    if value is None:
        return [], False
    as_dict = isinstance(value, (set, frozenset))
    items = list(value) if isinstance(value, (list, tuple, set, frozenset)) else [value]
    for item in items:
        # A component is a block that holds no others, or one with a value that does (gr.HTML with
        # children); a layout block says it may be an output (the app itself may not). The layer
        # below components cannot name their classes.
        is_component = isinstance(item, Block) and (
            not isinstance(item, BlockContext) or callable(getattr(item, "postprocess", None))
        )
        is_layout = isinstance(item, BlockContext) and getattr(type(item), "LAYOUT_OUTPUT", False)
        if not (is_component or (role == "outputs" and is_layout)):
            kinds = "components or layout blocks" if role == "outputs" else "components"
            raise TypeError(f"{role} must be {kinds}, got {item!r}")
    if as_dict:
        items.sort(key=lambda component: component.id)
    return items, as_dict


def _register(
    root: Blocks,
    targets: list[tuple[Block, str]],
    fn: Any,
    inputs: Any,
    outputs: Any,
    **kwargs: Any,
) -> Any:
    if fn == "decorator":

        def decorator(func: Callable[..., Any]) -> Callable[..., Any]:
            _register(root, targets, func, inputs, outputs, **kwargs)
            return func

        return decorator
    if fn is not None and not callable(fn):
        raise TypeError(f"fn must be callable or None, got {fn!r}")
    # A Blocks nested in the app has no place in the config (``tree.in_config``): its load is the app's.
    targets = [(root if block.IS_APP else block, event) for block, event in targets]
    input_list, inputs_as_dict = _as_component_list(inputs, "inputs")
    output_list, _ = _as_component_list(outputs, "outputs")
    if kwargs.get("show_progress_on") is not None:
        kwargs["show_progress_on"], _ = _as_component_list(kwargs["show_progress_on"], "show_progress_on")
    every = kwargs.get("every")
    if every is not None:
        # Gradio 4's `every=` on a listener: also run on a timer's ticks.
        timer = root.timer_for(every)
        if timer.parent is None:
            root.add_child(timer)  # the host only runs timers that are in the layout
        targets = [*targets, (timer, "tick")]
    accepted = {
        "api_name", "show_progress", "show_progress_on", "queue", "trigger_mode", "trigger_after",
        "trigger_only_on_success", "trigger_only_on_failure", "preprocess", "postprocess", "js", "cancels",
        "batch", "max_batch_size", "concurrency_limit", "concurrency_id", "api_visibility", "show_api", "validator",
    }
    # Gradio options this runtime accepts but does not act on yet are ignored
    # rather than refused, so that real apps keep running.
    options = {key: value for key, value in kwargs.items() if key in accepted}
    if any(event == "stream" for _, event in targets):
        # Gradio's default for a stream: no overlay flashing over the outputs at every frame.
        options.setdefault("show_progress", "minimal")
    dependency = Dependency(root, targets, fn, input_list, output_list, inputs_as_dict=inputs_as_dict, **options)
    root.dependencies.append(dependency)
    for block, event in targets:
        # A component may show something only once someone listens (a Chatbot's like buttons).
        hook = getattr(block, "listened", None)
        if callable(hook):
            hook(event, **kwargs)
    return dependency


def _root_for(block: Block, event: str) -> Blocks:
    root = current_root()
    if root is None and block.IS_APP:
        root = block
    if root is None:
        raise RuntimeError(f"Cannot call {event}() outside of a gr.Blocks() context.")
    return root


def listen(block: Block, event: str, fn: Any = "decorator", inputs: Any = None, outputs: Any = None, **kwargs: Any) -> Any:
    """Register ``fn`` for ``event`` on ``block`` (the body of every listener method)."""
    return _register(_root_for(block, event), [(block, event)], fn, inputs, outputs, **kwargs)


def on(
    triggers: Sequence[Callable[..., Any]] | Callable[..., Any] | None = None,
    fn: Any = "decorator",
    inputs: Any = None,
    outputs: Any = None,
    **kwargs: Any,
) -> Any:
    """One listener for several triggers: ``gr.on([btn.click, box.submit], fn, ...)``.

    With ``triggers=None`` it runs when any input changes.
    """
    targets = targets_of(triggers, inputs)
    root = current_root()
    if root is None:
        raise RuntimeError("Cannot call gr.on() outside of a gr.Blocks() context.")
    return _register(root, targets, fn, inputs, outputs, **kwargs)


def targets_of(triggers: Any, inputs: Any) -> list[tuple[Block, str]]:
    """``(block, event)`` pairs from listener methods (``btn.click``); None means every input's change."""
    if triggers is None:
        input_list, _ = _as_component_list(inputs, "inputs")
        return [(component, "change") for component in input_list]
    trigger_list = triggers if isinstance(triggers, Sequence) else [triggers]
    targets: list[tuple[Block, str]] = []
    for trigger in trigger_list:
        block = getattr(trigger, "__self__", None)
        event = getattr(trigger, "event_name", None) or getattr(trigger, "__name__", None)
        if not isinstance(block, Block) or not isinstance(event, str):
            raise TypeError(f"gr.on triggers must be listener methods such as btn.click, got {trigger!r}")
        targets.append((block, event))
    return targets


def make_listener(event: str) -> Callable[..., Any]:
    """Build the ``component.<event>(fn, inputs, outputs, ...)`` method."""

    def listener(self: Block, fn: Any = "decorator", inputs: Any = None, outputs: Any = None, **kwargs: Any) -> Any:
        return listen(self, event, fn, inputs, outputs, **kwargs)

    listener.__name__ = event
    listener.__qualname__ = event
    listener.__doc__ = f"Run ``fn`` on the ``{event}`` event of this component."
    return listener
