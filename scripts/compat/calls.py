"""What to ask a demo's endpoints, asking it through gradio_client, and comparing answers.

The questions come from gradio's side only: for each named endpoint, the
demo's examples (as gradio's page would send them after a click on one)
where an ``Examples`` covers the endpoint's inputs, else each input's
initial value from gradio's ``/config``. The same arguments go to both
servers. Files in them are copied out of gradio's cache, so cached
questions stay usable, and sent with ``handle_file``.
"""

from __future__ import annotations

import hashlib
import math
import re
import shutil
from pathlib import Path
from typing import Any

CALL_TIMEOUT_S = 30.0
PLANS_PER_ENDPOINT = 3
PLANS_PER_DEMO = 10
# Not components: their (type, label) is no part of what the comparison checks.
LAYOUT_TYPES = frozenset({"row", "column", "group", "tabs", "tab", "tabitem", "accordion", "form", "sidebar", "walkthrough", "step"})
_TEMP_PATH = re.compile(r"^(/tmp/|/var/folders/|[A-Za-z]:\\)")


def components_of(config: dict[str, Any]) -> list[list[str]]:
    """Each component's [type, label], sorted, layout blocks left out."""
    found = []
    for component in config.get("components", []):
        if component.get("type") in LAYOUT_TYPES:
            continue
        label = component.get("props", {}).get("label")
        found.append([str(component.get("type")), "" if label is None else str(label)])
    return sorted(found)


def endpoints_of(info: dict[str, Any]) -> list[str]:
    return sorted(info.get("named_endpoints", {}))


def _is_file_data(value: Any) -> bool:
    return isinstance(value, dict) and "path" in value and (
        "url" in value or (isinstance(value.get("meta"), dict) and value["meta"].get("_type") == "gradio.FileData")
    )


def _keep_files(value: Any, files_dir: Path) -> Any:
    """``value`` with each FileData replaced by ``{"__file__": copy}`` (or None when the file is gone)."""
    if _is_file_data(value):
        source = Path(str(value["path"]))
        if not source.is_file():
            return None
        digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
        files_dir.mkdir(parents=True, exist_ok=True)
        kept = files_dir / f"{digest}{source.suffix}"
        if not kept.exists():
            shutil.copyfile(source, kept)
        return {"__file__": str(kept), "orig_name": value.get("orig_name") or source.name}
    if isinstance(value, dict):
        return {key: _keep_files(item, files_dir) for key, item in value.items()}
    if isinstance(value, list):
        return [_keep_files(item, files_dir) for item in value]
    return value


def plans_for(config: dict[str, Any], info: dict[str, Any], probe: dict[str, Any], files_dir: Path) -> list[dict[str, Any]]:
    """The calls to make: ``{"api_name", "source": "example N"|"defaults", "args"}``."""
    by_id = {component["id"]: component for component in config.get("components", [])}
    named = set(info.get("named_endpoints", {}))
    plans: list[dict[str, Any]] = []
    for dependency in config.get("dependencies", []):
        api_name = dependency.get("api_name")
        if not api_name or f"/{api_name}" not in named:
            continue
        inputs = [i for i in dependency.get("inputs", []) if i in by_id and not by_id[i].get("skip_api")]
        initial = {i: by_id[i].get("props", {}).get("value") for i in inputs}
        rows: list[tuple[str, dict[int, Any]]] = []
        for examples in probe.get("examples", []):
            if not inputs or not set(inputs) <= set(examples["inputs"]):
                continue
            for number, example in enumerate(examples["examples"][:PLANS_PER_ENDPOINT]):
                rows.append((f"example {number + 1}", dict(zip(examples["with_examples"], example))))
            break
        if not rows:
            rows = [("defaults", {})]
        for source, values in rows:
            args = [values.get(i, initial[i]) for i in inputs]
            plans.append({"api_name": f"/{api_name}", "source": source, "args": _keep_files(args, files_dir)})
    return plans[:PLANS_PER_DEMO]


def _to_client_args(value: Any) -> Any:
    from gradio_client import handle_file

    if isinstance(value, dict) and "__file__" in value:
        return handle_file(value["__file__"])
    if isinstance(value, dict):
        return {key: _to_client_args(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_to_client_args(item) for item in value]
    return value


def normalize(value: Any) -> Any:
    """An answer as compared: files by their kind only, floats to 6 significant digits, tuples as lists."""
    if _is_file_data(value):
        name = str(value.get("orig_name") or value.get("path") or "")
        return {"file": Path(name).suffix.lower()}
    if isinstance(value, dict):
        return {str(key): normalize(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [normalize(item) for item in value]
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return str(value)
        return float(f"{value:.6g}")
    if isinstance(value, str) and _TEMP_PATH.match(value):
        return {"file": Path(value).suffix.lower()}
    return value


def first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return f"{type(error).__name__}: {text.splitlines()[0][:300]}"


def ask(url: str, plans: list[dict[str, Any]], repeat: int = 1) -> list[list[Any]]:
    """For each plan, ``repeat`` normalized answers (an error is ``{"error": first line}``)."""
    from gradio_client import Client

    try:
        client = Client(url, verbose=False, download_files=False, analytics_enabled=False)
    except Exception as error:
        return [[{"error": f"client: {first_line(error)}"}] * repeat for _ in plans]
    answers = []
    for plan in plans:
        got = []
        for _ in range(repeat):
            try:
                job = client.submit(*_to_client_args(plan["args"]), api_name=plan["api_name"])
                got.append(normalize(job.result(timeout=CALL_TIMEOUT_S)))
            except Exception as error:
                got.append({"error": first_line(error)})
        answers.append(got)
    try:
        client.close()
    except Exception:
        pass
    return answers
