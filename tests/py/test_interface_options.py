"""Interface options: flagging (Gradio's CSV), batch, gr.Request, concurrency limits."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import sys

import pytest

import pagelet as gr
from fake_host import FakeHost, component, final_stage, updates_of
from pagelet.session import Session


def buttons(config):
    return {c["props"]["value"]: c for c in config["components"] if c["type"] == "button"}


def dep_for(config, target_id, event="click"):
    return next(dep for dep in config["dependencies"] if [target_id, event] in dep["targets"])


def test_manual_flagging_writes_gradios_csv_and_offers_it_for_download_in_the_browser(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "platform", "emscripten")  # only the browser's flags need a download button
    demo = gr.Interface(lambda name: "Hello " + name, "textbox", "textbox", flagging_mode="manual", flagging_dir=str(tmp_path))
    monkeypatch.undo()
    config = demo.get_config()
    host = FakeHost(demo)
    flag = dep_for(config, buttons(config)["Flag"]["id"])
    messages = host.fire(flag["id"], "Ada", "Hello Ada")
    assert [m["message"] for m in messages if m["type"] == "alert"] == ["Saved as flagged sample 1."]
    rows = list(csv.reader((tmp_path / "dataset1.csv").open(encoding="utf-8")))
    assert rows[0] == ["name", "output", "flag", "username", "timestamp"]
    assert rows[1][:4] == ["Ada", "Hello Ada", "", ""]
    download = dep_for(config, buttons(config)["Download flagged"]["id"])
    offered = [m for m in host.fire(download["id"]) if m["type"] == "download"]
    assert offered[0]["filename"] == "dataset1.csv" and offered[0]["mime"] == "text/csv"
    assert list(csv.reader(io.StringIO(offered[0]["text"])))[1][:2] == ["Ada", "Hello Ada"]


def test_on_a_server_the_flag_button_is_gradios_only_one(tmp_path):
    demo = gr.Interface(lambda name: "Hello " + name, "textbox", "textbox", flagging_dir=str(tmp_path))
    assert list(buttons(demo.get_config())) == ["Clear", "Submit", "Flag"]


def test_flagging_options_make_one_button_each_and_fill_the_flag_column(tmp_path):
    demo = gr.Interface(str.upper, "textbox", "textbox", flagging_mode="manual", flagging_options=["Wrong", "Rude"], flagging_dir=str(tmp_path))
    config = demo.get_config()
    assert "Flag" not in buttons(config) and {"Wrong", "Rude"} <= set(buttons(config))
    FakeHost(demo).fire(dep_for(config, buttons(config)["Rude"]["id"])["id"], "x", "X")
    rows = list(csv.reader((tmp_path / "dataset1.csv").open(encoding="utf-8")))
    assert rows[1][2] == "Rude"


def test_auto_flagging_logs_every_successful_submit(tmp_path):
    demo = gr.Interface(str.upper, "textbox", "textbox", allow_flagging="auto", flagging_dir=str(tmp_path))
    config = demo.get_config()
    assert "Flag" not in buttons(config)
    predict = config["dependencies"][0]
    auto = next(dep for dep in config["dependencies"] if dep["trigger_after"] == predict["id"])
    assert auto["trigger_only_on_success"] is True
    FakeHost(demo).fire(auto["id"], "abc", "ABC")
    assert (tmp_path / "dataset1.csv").read_text(encoding="utf-8").count("ABC") == 1


def test_bad_flagging_modes_are_refused():
    with pytest.raises(ValueError, match="flagging_mode"):
        gr.Interface(str.upper, "textbox", "textbox", flagging_mode="sometimes")


def _fire_together(demo, calls):
    messages: list[dict] = []
    session = Session(demo, lambda message: messages.append(json.loads(json.dumps(message))))

    async def main():
        await asyncio.gather(*(
            session.handle({"v": 1, "type": "event", "event_id": f"e{i}", "fn": fn, "data": data})
            for i, (fn, data) in enumerate(calls)
        ))

    asyncio.run(main())
    return messages


def test_batch_collects_calls_that_arrive_together_up_to_max_batch_size():
    sizes = []

    def shout(words):
        sizes.append(len(words))
        return [[word.upper() for word in words]]

    demo = gr.Interface(shout, "textbox", "textbox", batch=True, max_batch_size=2)
    messages = _fire_together(demo, [(0, [w]) for w in ["a", "b", "c"]])
    assert sizes == [2, 1]
    by_event = {m["event_id"]: m["updates"][0]["value"] for m in messages if m["type"] == "update"}
    assert by_event == {"e0": "A", "e1": "B", "e2": "C"}


def test_a_batch_function_with_the_wrong_shape_fails_every_call_clearly():
    demo = gr.Interface(lambda words: "oops", "textbox", "textbox", batch=True)
    messages = _fire_together(demo, [(0, ["a"]), (0, ["b"])])
    errors = [m for m in messages if m["type"] == "alert"]
    assert len(errors) == 2 and "one list per output" in errors[0]["message"]


def test_request_parameter_gets_a_session_hash_and_empty_headers():
    with gr.Blocks() as demo:
        out = gr.JSON(label="Out")

        def who(request: gr.Request):
            return {"session": request.session_hash, "headers": dict(request.headers)}

        gr.Button("Who").click(who, None, out)
    host = FakeHost(demo)
    first = updates_of(host.fire(0))[0]["value"]
    second = updates_of(host.fire(0))[0]["value"]
    assert first["headers"] == {} and len(first["session"]) == 16
    assert first == second


def test_concurrency_limit_runs_one_at_a_time_by_default_and_none_means_unlimited():
    active, peak = [0], {}

    def tracker(name):
        async def work():
            active[0] += 1
            peak[name] = max(peak.get(name, 0), active[0])
            await asyncio.sleep(0.01)
            active[0] -= 1
            return name

        return work

    with gr.Blocks() as demo:
        out = gr.Textbox()
        gr.Button("A").click(tracker("limited"), None, out, trigger_mode="multiple")
        gr.Button("B").click(tracker("free"), None, out, concurrency_limit=None, trigger_mode="multiple")
    _fire_together(demo, [(0, []), (0, []), (0, [])])
    assert peak["limited"] == 1
    active[0] = 0
    _fire_together(demo, [(1, []), (1, []), (1, [])])
    assert peak["free"] == 3


def test_queue_default_concurrency_limit_applies():
    with gr.Blocks() as demo:
        out = gr.Textbox()
        running, peak = [0], [0]

        async def work():
            running[0] += 1
            peak[0] = max(peak[0], running[0])
            await asyncio.sleep(0.01)
            running[0] -= 1

        gr.Button("A").click(work, None, out)
    demo.queue(default_concurrency_limit=2)
    _fire_together(demo, [(0, [])] * 4)
    assert peak[0] == 2


def test_cache_examples_computes_outputs_once_and_a_click_shows_them():
    calls = []

    def double(x):
        calls.append(x)
        return x * 2

    demo = gr.Interface(double, "number", "number", examples=[[2], [5]], cache_examples=True)
    config = demo.get_config()
    dataset = next(c for c in config["components"] if c["type"] == "dataset")
    load = dep_for(config, dataset["id"])
    cached = next(dep for dep in config["dependencies"] if dep["trigger_after"] == load["id"])
    host = FakeHost(demo)
    out = component(config, "output")["id"]
    assert updates_of(host.fire(cached["id"], 1)) == [{"id": out, "value": 10}]
    assert updates_of(host.fire(cached["id"], 1)) == [{"id": out, "value": 10}]
    assert calls == [5]


def test_eagerly_cached_examples_open_the_page_on_the_first_one():
    def double(x):
        return x * 2

    demo = gr.Interface(double, gr.Number(label="x"), "number", examples=[[2], [5]], cache_examples=True, preload_example=1)
    config = demo.get_config()
    # As in Gradio's config: each of the two load listeners reads the example's index from a State.
    assert [c["type"] for c in config["components"]].count("state") == 2
    loads = [dep for dep in config["dependencies"] if dep["targets"] == [[config["root"], "load"]]]
    assert len(loads) == 2
    host = FakeHost(demo)
    assert updates_of(host.fire(loads[0]["id"], None)) == [{"id": component(config, "x")["id"], "value": 5}]
    assert updates_of(host.fire(loads[1]["id"], None)) == [{"id": component(config, "output")["id"], "value": 10}]
    # Lazily cached, or with an input value of the app's own, nothing is preloaded.
    lazy = gr.Interface(double, "number", "number", examples=[[2]], cache_examples="lazy")
    given = gr.Interface(double, gr.Number(3), "number", examples=[[2]], cache_examples=True)
    for app in (lazy, given):
        assert not [c for c in app.get_config()["components"] if c["type"] == "state"]


def test_queue_max_size_turns_away_events_beyond_it():
    with gr.Blocks() as demo:
        out = gr.Textbox()

        async def work():
            await asyncio.sleep(0.01)
            return "ok"

        gr.Button("A").click(work, None, out, trigger_mode="multiple")
    demo.queue(max_size=1)
    messages = _fire_together(demo, [(0, [])] * 3)
    stages = {m["event_id"]: m["stage"] for m in messages if m["type"] == "status" and m["stage"] in ("done", "error")}
    assert sorted(stages.values()) == ["done", "done", "error"]
    assert [m["message"] for m in messages if m["type"] == "alert"] == ["This application is currently busy. Please try again."]
