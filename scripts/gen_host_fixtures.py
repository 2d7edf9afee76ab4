"""Write the host tests' configs from what the Python core produces.

    .venv/bin/python scripts/gen_host_fixtures.py          # write tests/host/core-configs.json
    .venv/bin/python scripts/gen_host_fixtures.py --check  # exit 1 when it is stale

The host tests (tests/host, no Python at run time) build their apps with
``component()`` and ``dependency()`` from ``tests/host/fixtures.ts``. Those
start from the entries in this file: the props the core gives each component
type built with Gradio's defaults, and the dependency entry the core makes for
a listener of each event, so that a host test sees every field a real app
sends (``trigger_mode`` included) and a change in the core shows up here.
``apps`` holds whole configs of a few small apps, as the core sends them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "host" / "core-configs.json"
sys.path.insert(0, str(ROOT / "py"))

import pagelet as gr  # noqa: E402  (the core of this checkout, not an installed one)


def _echo(*values: Any) -> Any:
    return values[0] if values else None


def component_defaults() -> dict[str, Any]:
    """Each component type the host tests use, built with no arguments but those it needs."""
    with gr.Blocks() as demo:
        with gr.Row(), gr.Column(), gr.Group():
            gr.Textbox()
            gr.Number()
            gr.Slider()
            gr.Checkbox()
            gr.CheckboxGroup()
            gr.Radio()
            gr.Dropdown()
            gr.Button()
            gr.Markdown()
            gr.HTML()
            gr.JSON()
            gr.Label()
            gr.Image()
            gr.Audio()
            gr.UploadButton()
            gr.MultimodalTextbox()
            gr.File()
            gr.Gallery()
            gr.Dataframe()
            gr.Chatbot()
            gr.State()
            gr.Timer()
            gr.ImageEditor()
            gr.Model3D()
            gr.Dataset(components=[gr.Textbox(visible=False)], samples=[["a"]])
        with gr.Accordion():
            pass
        with gr.Draggable():
            pass
        with gr.Tabs(), gr.Tab():
            pass
    entries: dict[str, Any] = {}
    for entry in demo.get_config()["components"]:
        entries.setdefault(entry["type"], entry["props"])
    return dict(sorted(entries.items()))


# The events the host tests trigger, and a component that has each.
_EVENTS = {
    "click": "button", "change": "textbox", "input": "textbox", "submit": "textbox", "select": "dropdown",
    "release": "slider", "clear": "image", "expand": "accordion", "tick": "timer", "load": "blocks",
    "like": "chatbot", "retry": "chatbot", "undo": "chatbot", "delete": "file", "key_up": "dropdown",
    "upload": "file", "option_select": "chatbot", "apply": "imageeditor", "edit": "chatbot", "stop": "textbox",
    "example_select": "chatbot", "preview_open": "gallery", "preview_close": "gallery",
}


def dependency_defaults() -> dict[str, Any]:
    """The dependency entry the core makes for ``component.<event>(fn, inputs, outputs)``, by event; ``then`` too."""
    with gr.Blocks() as demo:
        box = gr.Textbox()
        owners = {
            "button": gr.Button(), "textbox": box, "dropdown": gr.Dropdown(), "slider": gr.Slider(),
            "image": gr.Image(), "accordion": gr.Accordion(), "timer": gr.Timer(), "blocks": demo,
            "chatbot": gr.Chatbot(), "file": gr.File(), "imageeditor": gr.ImageEditor(), "dataframe": gr.Dataframe(),
            "gallery": gr.Gallery(),
        }
        first = None
        for event, owner in _EVENTS.items():
            dependency = getattr(owners[owner], event)(_echo, box, box)
            first = first or dependency
        assert first is not None
        first.then(_echo, box, box)
    entries = demo.get_config()["dependencies"]
    by_event = {entry["targets"][0][1]: entry for entry in entries if entry["targets"]}
    by_event["then"] = next(entry for entry in entries if entry["trigger_after"] is not None)
    # What a test gives itself: which dependency this is and what it reads, writes and follows.
    for entry in by_event.values():
        for key in ("id", "targets", "inputs", "outputs", "trigger_after", "api_name"):
            entry.pop(key)
    return dict(sorted(by_event.items()))


def apps() -> dict[str, Any]:
    """Whole configs of small apps, as the page receives them."""
    def greet(name: str) -> str:
        return "Hello " + name + "!"

    hello = gr.Interface(greet, gr.Textbox(label="Name"), gr.Textbox(label="Greeting"))

    with gr.Blocks(title="Counter") as counter:
        count = gr.Number(label="Count", value=0)
        step = gr.Slider(1, 10, value=1, step=1, label="Step")
        gr.Button("Add").click(lambda c, s: c + s, [count, step], count).then(lambda c: c, count, count)
    return {"hello": hello.get_config(), "counter": counter.get_config()}


def fixtures() -> str:
    data = {
        "$comment": "Written by scripts/gen_host_fixtures.py from the Python core: do not edit; run `make host-fixtures`.",
        "components": component_defaults(),
        "dependencies": dependency_defaults(),
        "apps": apps(),
    }
    return json.dumps(data, indent=1, sort_keys=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the file is stale; write nothing")
    args = parser.parse_args(argv)
    text = fixtures()
    current = OUT.read_text(encoding="utf-8") if OUT.exists() else None
    if args.check:
        if current != text:
            print(f"{OUT.relative_to(ROOT)} is stale: run `make host-fixtures` (scripts/gen_host_fixtures.py)", file=sys.stderr)
            return 1
        return 0
    if current != text:
        OUT.write_text(text, encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
