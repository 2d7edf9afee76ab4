"""Running one dependency: inputs in, the app's function, updates out.

Pure functions over a ``Dependency`` and the per-session component view; the
session decides when and where they run.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .alerts import Error
from .blocks import Block
from .components.base import Component
from .components.state import State
from .events import Dependency
from .event_data import event_data_class
from .files import RefusedFile
from .progress import Progress, Reporter, bound_tracker
if TYPE_CHECKING:
    # Types only: the browser's core wheel leaves protocol_types out (scripts/build_assets.py).
    from .protocol_types import Update
from .oauth import oauth_kind, signed_in_value
from .request import Request
from .updates import UPDATE_MARKER, is_update

ComponentView = Callable[[Component], Component]


def preprocess_inputs(dependency: Dependency, data: list[Any], view: ComponentView, state: dict[int, Any]) -> list[Any]:
    """Turn host values into the function's arguments."""
    if len(data) != len(dependency.inputs):
        raise ValueError(f"expected {len(dependency.inputs)} input values, got {len(data)}")
    values = []
    for component, payload in zip(dependency.inputs, data):
        if isinstance(component, State):
            values.append(state.get(component.id))
        elif dependency.preprocess:
            values.append(preprocess_value(view(component), payload))
        else:
            values.append(payload)
    return values


def preprocess_value(component: Component, payload: Any) -> Any:
    """``component.preprocess(payload)``; any failure is a ``gr.Error`` naming the field.

    The payload comes from the page or from an API client, so it may be
    anything: a person must read which field was wrong, not a traceback.
    """
    try:
        return component.preprocess(payload)
    except Exception as exc:
        raise field_error(component, exc) from exc


def postprocess_value(component: Component, value: Any) -> Any:
    """``component.postprocess(value)``; a failure names the output the app returned it for."""
    try:
        return component.postprocess(value)
    except Exception as exc:
        raise field_error(component, exc) from exc


def field_error(component: Component, exc: Exception) -> Error:
    """``exc`` as the ``gr.Error`` a person sees, starting with the field's label."""
    if isinstance(exc, RefusedFile):
        return exc
    name = component.label or type(component).__name__
    if isinstance(exc, Error):
        message = exc.message
    elif isinstance(exc, (ValueError, TypeError)) and str(exc):
        message = str(exc)
    else:
        message = f"cannot use this value ({type(exc).__name__}: {exc})"
    if not message.startswith(f"{name}:"):
        message = f"{name}: {message}"
    if isinstance(exc, Error):
        exc.message = message
        exc.args = (message,)
        return exc
    return Error(message)


def call_arguments(dependency: Dependency, values: list[Any]) -> list[Any]:
    if dependency.inputs_as_dict:
        return [dict(zip(dependency.inputs, values))]
    return values


def injected_arguments(fn: Callable[..., Any], report_progress: Reporter, request: Request) -> dict[str, Any]:
    """Keyword arguments the runtime supplies itself, found in ``fn``'s signature.

    A parameter whose default is ``gr.Progress()`` gets a tracker bound to the
    running event; one annotated ``gr.Request`` gets the request; one annotated
    ``gr.OAuthToken | None`` or ``gr.OAuthProfile | None`` gets None (nobody signs in here).
    """
    try:
        parameters = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return {}
    injected: dict[str, Any] = {}
    for parameter in parameters:
        if isinstance(parameter.default, Progress):
            injected[parameter.name] = bound_tracker(parameter.default, report_progress)
        elif _is_request_annotation(parameter.annotation):
            injected[parameter.name] = request
        else:
            wanted, value = signed_in_value(parameter.annotation)
            if wanted:
                injected[parameter.name] = value
    return injected


def is_supplied_parameter(parameter: inspect.Parameter) -> bool:
    """Whether the runtime fills this parameter from its annotation (``gr.Request``, an OAuth
    value, ``gr.EventData``), so that it takes no input: Gradio's "special typed" parameters."""
    annotation = parameter.annotation
    return (_is_request_annotation(annotation) or oauth_kind(annotation) is not None
            or event_data_class(annotation) is not None)


def _is_request_annotation(annotation: Any) -> bool:
    if isinstance(annotation, str):
        # `from __future__ import annotations` leaves the annotation as written.
        return annotation.replace(" ", "") in ("gr.Request", "Request", "gradio.Request", "Request|None", "gr.Request|None")
    return isinstance(annotation, type) and issubclass(annotation, Request)


async def run_function(fn: Callable[..., Any], args: list[Any]) -> Any:
    """Call ``fn``; await it when it is a coroutine function."""
    result = fn(*args)
    if inspect.isawaitable(result):
        result = await result
    return result


def _split_outputs(dependency: Dependency, result: Any) -> list[tuple[Component, Any]]:
    """Pair each output with its returned value, following Gradio's rules."""
    outputs = dependency.outputs
    if isinstance(result, dict) and result and all(isinstance(key, Block) for key in result):
        unknown = [key for key in result if key not in outputs]
        if unknown:
            raise ValueError(f"Returned a value for {unknown[0]!r}, which is not among this event's outputs")
        return [(component, result[component]) for component in outputs if component in result]
    if not outputs:
        return []
    if len(outputs) == 1:
        return [(outputs[0], result)]
    if not isinstance(result, (tuple, list)):
        raise ValueError(
            f"{_name(dependency)} must return {len(outputs)} values (one per output), got a single {type(result).__name__}"
        )
    if len(result) != len(outputs):
        many = "too many" if len(result) > len(outputs) else "too few"
        raise ValueError(
            f"{_name(dependency)} returned {many} output values (needed: {len(outputs)}, returned: {len(result)})"
        )
    return list(zip(outputs, result))


def _name(dependency: Dependency) -> str:
    return f"The function {getattr(dependency.fn, '__name__', 'fn')}()"


def postprocess_outputs(
    dependency: Dependency,
    result: Any,
    view: ComponentView,
    state: dict[int, Any],
    overrides: dict[int, dict[str, Any]],
) -> list[Update]:
    """Turn the function's result into host updates; State outputs stay in ``state``.

    ``overrides`` collects per-session prop changes so later preprocessing sees them.
    """
    updates: list[Update] = []
    for component, value in _split_outputs(dependency, result):
        if not isinstance(component, Component):  # a layout block: only its props change
            layout_update = _layout_update(component, value)
            if layout_update is not None:
                overrides.setdefault(component.id, {}).update(layout_update["props"])
                updates.append(layout_update)
            continue
        if isinstance(component, State):
            state[component.id] = value
            continue
        if isinstance(value, Component):
            props = value.explicit_props()
        elif is_update(value):
            props = {key: item for key, item in value.items() if key != UPDATE_MARKER}
        else:
            shown = postprocess_value(view(component), value) if dependency.postprocess else value
            updates.append({"id": component.id, "value": shown})
            continue
        update: Update = {"id": component.id}
        if "value" in props:
            raw_value = props.pop("value")
            update["value"] = postprocess_value(view(component), raw_value) if dependency.postprocess else raw_value
        if props:
            # Against the session's view: a prop derived from others (a FileExplorer's tree) uses their latest values.
            normalized = view(component).normalize_props(props)
            overrides.setdefault(component.id, {}).update(normalized)
            update["props"] = normalized
        updates.append(update)
    return updates


def _layout_update(layout: Block, value: Any) -> Update | None:
    """The update a layout output gets from ``gr.update(...)`` or a returned layout (``gr.Tab(visible=False)``).

    Any other value is ignored, as Gradio ignores a plain value for a layout.
    """
    explicit = getattr(value, "explicit_props", None)
    if isinstance(value, Block) and callable(explicit):
        props = dict(explicit())
    elif is_update(value):
        props = {key: item for key, item in value.items() if key != UPDATE_MARKER}
    else:
        return None
    props.pop("value", None)
    props.pop("id", None)
    return {"id": layout.id, "props": props} if props else None


def error_for_user(exc: BaseException) -> Error:
    """The ``gr.Error`` to show for any exception raised by app code."""
    if isinstance(exc, Error):
        return exc
    message = str(exc)
    text = f"{type(exc).__name__}: {message}" if message else type(exc).__name__
    return Error(text)
