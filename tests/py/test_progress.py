"""gr.Progress: injected as a default argument, reported as progress messages."""

from __future__ import annotations

import sys
import types

import pagelet as gr
from fake_host import FakeHost, final_stage, updates_of


def progress_of(messages):
    return [m["progress"] for m in messages if m["type"] == "progress"]


def test_progress_parameter_reports_fraction_and_description():
    with gr.Blocks() as demo:
        box = gr.Textbox(label="In")
        out = gr.Textbox(label="Out")

        def work(text, progress=gr.Progress()):
            progress(0, desc="Starting")
            progress(0.5, desc="Halfway")
            return text.upper()

        gr.Button("Go").click(work, box, out)
    messages = FakeHost(demo).fire(0, "hi")
    assert [(p["fraction"], p["desc"]) for p in progress_of(messages)] == [(0.0, "Starting"), (0.5, "Halfway")]
    assert updates_of(messages) == [{"id": out.id, "value": "HI"}]
    assert final_stage(messages) == "done"


def test_progress_tqdm_counts_steps_of_an_iterable():
    with gr.Blocks() as demo:
        out = gr.Number(label="Out")

        def total(progress=gr.Progress()):
            return sum(progress.tqdm([1, 2, 3, 4], desc="Adding"))

        gr.Button("Go").click(total, None, out)
    messages = FakeHost(demo).fire(0)
    steps = progress_of(messages)
    assert [(p["index"], p["length"], p["desc"]) for p in steps] == [(i, 4, "Adding") for i in range(5)]
    assert steps[-1]["fraction"] == 1.0
    assert updates_of(messages)[0]["value"] == 10


def test_progress_outside_an_event_does_nothing():
    def work(progress=gr.Progress()):
        progress(0.3)
        return list(progress.tqdm(range(3)))

    assert work() == [0, 1, 2]


def test_repeated_identical_progress_is_sent_once():
    with gr.Blocks() as demo:
        out = gr.Textbox(label="Out")

        def work(progress=gr.Progress()):
            for _ in range(100):
                progress(0.25, desc="Same")
            return "done"

        gr.Button("Go").click(work, None, out)
    assert len(progress_of(FakeHost(demo).fire(0))) == 1


def test_track_tqdm_reports_bars_of_an_imported_tqdm(monkeypatch):
    # A stand-in with tqdm's shape: the core patches whatever the app imported.
    fake = types.ModuleType("tqdm")

    class tqdm:  # noqa: N801 - tqdm's name
        def __init__(self, iterable=None, total=None, desc=None):
            self.iterable, self.total, self.desc, self.n = iterable, total, desc, 0

        def update(self, n=1):
            self.n += n

        def __iter__(self):
            for item in self.iterable:
                yield item
                self.n += 1

    fake.tqdm = tqdm
    monkeypatch.setitem(sys.modules, "tqdm", fake)
    with gr.Blocks() as demo:
        out = gr.Number(label="Out")

        def work(progress=gr.Progress(track_tqdm=True)):
            bar = tqdm(total=2, desc="Manual")
            bar.update()
            bar.update()
            return sum(tqdm([1, 2, 3], total=3, desc="Loop"))

        gr.Button("Go").click(work, None, out)
    steps = [(p["index"], p["length"], p["desc"]) for p in progress_of(FakeHost(demo).fire(0))]
    assert steps[:2] == [(1, 2, "Manual"), (2, 2, "Manual")]
    assert (3, 3, "Loop") in steps
    assert "pagelet" not in sys.modules["tqdm"].__name__


def test_core_does_not_import_tqdm():
    assert "tqdm" not in sys.modules or not hasattr(sys.modules["tqdm"], "__file__")
