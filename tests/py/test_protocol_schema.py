"""The one schema: the generated types are current, and emitted messages are held against it."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import pagelet as gr
import pagelet.session
from pagelet.protocol import status_message

from fake_host import FakeHost, final_stage
from schema_check import MessageChecker

ROOT = Path(__file__).resolve().parents[2]


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("gen_protocol", ROOT / "scripts" / "gen_protocol.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_protocol"] = module
    spec.loader.exec_module(module)
    return module


def test_generated_types_are_current() -> None:
    generator = _generator()
    assert generator.main(["--check"]) == 0, "run `make protocol`: the generated types differ from the schema"


def test_the_core_speaks_the_schemas_version() -> None:
    import pagelet.protocol

    schema = json.loads((ROOT / "protocol" / "messages.schema.json").read_text())
    assert pagelet.protocol.PROTOCOL_VERSION == schema["$defs"]["Version"]["const"]
    assert f"export const PROTOCOL_VERSION = {pagelet.protocol.PROTOCOL_VERSION};" in (ROOT / "js" / "protocol-types.ts").read_text()


def test_the_generated_types_follow_the_schema() -> None:
    generator = _generator()
    schema = json.loads(generator.SCHEMA.read_text())
    schema["$defs"]["StatusMessage"]["properties"]["eta"] = {"type": ["number", "null"], "description": "Seconds left."}
    outputs = generator.generate(schema)
    assert "  eta?: number | null;" in outputs[generator.TS_OUT]
    assert "    eta: NotRequired[float | None]" in outputs[generator.PY_OUT]
    assert outputs[generator.PY_OUT] != generator.PY_OUT.read_text()


def test_the_generator_refuses_what_it_cannot_write() -> None:
    generator = _generator()
    schema = json.loads(generator.SCHEMA.read_text())
    schema["$defs"]["Stage"] = {"type": "string", "pattern": "^[a-z]+$"}
    with pytest.raises(generator.SchemaError, match="Stage.*pattern"):
        generator.generate(schema)


def test_the_checker_names_what_is_wrong(message_checker: MessageChecker) -> None:
    assert message_checker.problems(status_message("e1", "done", "finished")) == []
    extra = {**status_message("e1", "done"), "eta": 3}
    assert any("eta" in problem for problem in message_checker.problems(extra))
    assert any("'stage' is a required property" in problem for problem in message_checker.problems({"v": 1, "type": "status", "event_id": "e1"}))
    assert message_checker.problems({"v": 1, "type": "teleport"}) == ["unknown core message type 'teleport'"]
    wrong_version = {**status_message("e1", "done"), "v": 2}
    assert any(problem.startswith("v:") for problem in message_checker.problems(wrong_version))


def test_a_malformed_message_from_a_session_is_caught(message_checker: MessageChecker, monkeypatch: pytest.MonkeyPatch) -> None:
    def drifted_status(event_id: str, stage: Any, message: str | None = None) -> Any:
        return {**status_message(event_id, stage, message), "stage": "finished" if stage == "done" else stage}

    monkeypatch.setattr(pagelet.session, "status_message", drifted_status)
    with gr.Blocks() as demo:
        box = gr.Textbox(label="Name")
        gr.Button("Go").click(lambda name: name, box, box)
    host = FakeHost(demo)
    checked_before = message_checker.checked
    assert final_stage(host.fire(0, "Ada")) == "finished"  # the page got it: nothing but the checker stops it
    assert message_checker.checked > checked_before
    caught = message_checker.take()  # taken, so that this test itself passes
    assert len(caught) == 1
    assert "'finished' is not one of ['pending', 'running', 'done', 'error']" in caught[0]


def test_every_kind_of_core_message_is_in_the_schema(message_checker: MessageChecker) -> None:
    import pagelet.protocol as protocol

    built = {
        protocol.config_message(gr.Blocks().get_config())["type"],
        protocol.status_message("e", "done")["type"],
        protocol.update_message("e", [])["type"],
        protocol.progress_message("e", {"fraction": None, "desc": None, "index": 1, "length": None, "unit": "steps"})["type"],
        protocol.render_message("e", {"id": 1, "components": [], "layout": {"id": 1}, "dependencies": [], "retired": []})["type"],
        protocol.download_message("a.csv", "x", "text/csv")["type"],
        protocol.alert_message("info", "hi", "Info", None)["type"],
        protocol.error_message("bad")["type"],
        protocol.uploaded_message("u", error="too large")["type"],
        protocol.file_message("/tmp/a.png", "image/png")["type"],
        protocol.release_message([])["type"],
        protocol.called_message("c", value=["a"])["type"],
    }
    schema_kinds = {
        message_checker.schema["$defs"][option["$ref"].rsplit("/", 1)[-1]]["properties"]["type"]["const"]
        for option in message_checker.schema["$defs"]["ServerMessage"]["anyOf"]
    }
    assert built == schema_kinds


def test_host_fixtures_are_what_the_core_produces_now(message_checker: MessageChecker) -> None:
    # A fresh process: block ids count up per process, so the file is written from a clean start.
    script = ROOT / "scripts" / "gen_host_fixtures.py"
    check = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stderr
    fixtures = json.loads((ROOT / "tests" / "host" / "core-configs.json").read_text())
    # Each config in the file is a config the protocol allows.
    for app in fixtures["apps"].values():
        assert message_checker.problems({"v": 1, "type": "config", "config": app}) == []
    assert fixtures["dependencies"]["change"]["trigger_mode"] == "always_last"
    assert fixtures["dependencies"]["click"]["trigger_mode"] == "once"


def test_the_core_runs_without_its_type_module_as_in_the_browser() -> None:
    # The browser's wheel leaves protocol_types out: nothing may import it at run time.
    program = """
import asyncio, importlib.abc, sys

class Refuse(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "pagelet.protocol_types":
            raise ImportError("pagelet.protocol_types is not in the browser's wheel")
        return None

sys.meta_path.insert(0, Refuse())
import pagelet as gr
import pagelet.worker_bridge
from pagelet.session import Session

with gr.Blocks(theme=gr.themes.Soft()) as demo:
    name = gr.Textbox(label="Name")
    out = gr.Textbox(label="Greeting")
    gr.Button("Greet").click(lambda n: "Hello " + n, name, out).then(lambda g: g, out, out)
sent = []
session = Session(demo, sent.append)
session.send_config()
asyncio.run(session.handle({"v": 1, "type": "event", "event_id": "e1", "fn": 0, "data": ["Ada"]}))
print([m["type"] for m in sent], sent[-2]["updates"][0]["value"])
"""
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["['config',", "'status',", "'update',", "'status']", "Hello", "Ada"]
