"""ColorPicker, DateTime, HighlightedText, AnnotatedImage, Code and plots on CPython."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
import pytest
from PIL import Image as PILImage

import pagelet as gr

matplotlib.use("Agg")


def test_color_picker_checks_the_colour() -> None:
    assert gr.ColorPicker().preprocess("#00ff80") == "#00ff80"
    assert gr.ColorPicker().preprocess(None) is None
    with pytest.raises(ValueError, match="A colour must be written #rrggbb"):
        gr.ColorPicker().preprocess("red")


def test_datetime_in_each_type() -> None:
    moment = dt.datetime(2024, 5, 1, 10, 30)
    assert gr.DateTime(type="datetime").preprocess("2024-05-01 10:30:00") == moment
    assert gr.DateTime(type="string").preprocess("2024-05-01 10:30:00") == "2024-05-01 10:30:00"
    assert gr.DateTime().preprocess("2024-05-01 10:30:00") == moment.timestamp()
    assert gr.DateTime(type="datetime", timezone="UTC").preprocess("2024-05-01").tzinfo is not None
    now = dt.datetime.now()
    ago = gr.DateTime(type="datetime").preprocess("now - 2h")
    assert abs((now - ago).total_seconds() - 7200) < 60
    assert gr.DateTime().postprocess(moment) == "2024-05-01 10:30:00"
    assert gr.DateTime(include_time=False).postprocess(moment) == "2024-05-01"
    assert gr.DateTime(timezone="UTC").postprocess(0) == "1970-01-01 00:00:00"
    assert gr.DateTime().preprocess("") is None
    with pytest.raises(ValueError, match="Cannot read 'soon' as a date"):
        gr.DateTime().preprocess("soon")


def test_highlighted_text_from_pairs_and_entities() -> None:
    text = gr.HighlightedText()
    assert text.postprocess([("Ada", "NAME"), (" codes", None)]) == [
        {"token": "Ada", "class_or_confidence": "NAME"},
        {"token": " codes", "class_or_confidence": None},
    ]
    entities = {"text": "Ada met Alan", "entities": [{"entity": "PER", "start": 0, "end": 3}, {"entity_group": "PER", "start": 8, "end": 12}]}
    # Gradio keeps the empty text before and after the entities as tokens.
    assert [item["token"] for item in text.postprocess(entities)] == ["", "Ada", " met ", "Alan", ""]
    combined = gr.HighlightedText(combine_adjacent=True, adjacent_separator=" ").postprocess([("New", "LOC"), ("York", "LOC")])
    assert combined == [{"token": "New York", "class_or_confidence": "LOC"}]
    assert text.preprocess([{"token": "a", "class_or_confidence": 0.5}]) == [("a", 0.5)]


def test_annotated_image_keeps_boxes_and_labels(tmp_path: Path) -> None:
    path = tmp_path / "scene.png"
    PILImage.new("RGB", (10, 10)).save(path)
    value = gr.AnnotatedImage().postprocess((str(path), [((1, 2, 5, 6), "cat"), (np.zeros((10, 10)), "sky")]))
    assert value["image"]["orig_name"] == "scene.png"
    assert value["annotations"] == [{"box": [1, 2, 5, 6], "label": "cat"}, {"box": None, "label": "sky"}]


def test_code_takes_text_or_a_file(tmp_path: Path) -> None:
    source = tmp_path / "hello.py"
    source.write_text("print('hi')\n")
    assert gr.Code(language="python").postprocess((str(source),)) == "print('hi')"
    assert gr.Code().postprocess(12) == "12"
    # Stripped, as Gradio 6 shows (and answers) code.
    assert gr.Code(language="html").postprocess("\n    <b>hi</b>\n") == "<b>hi</b>"
    with pytest.raises(ValueError, match="Language 'cobol' is not supported"):
        gr.Code(language="cobol")


def test_native_plots_from_a_dataframe_or_a_dict() -> None:
    frame = pd.DataFrame({"x": np.arange(3), "y": [1.5, 2.5, 3.5], "kind": ["a", "b", "a"]})
    value = gr.LinePlot(x="x", y="y", color="kind").postprocess(frame)
    assert value == {"columns": ["x", "y", "kind"], "data": [[0, 1.5, "a"], [1, 2.5, "b"], [2, 3.5, "a"]],
                     "datatypes": {"x": "quantitative", "y": "quantitative", "kind": "nominal"}, "mark": "line"}
    json.dumps(value)
    assert gr.BarPlot(x="k", y="v").postprocess({"k": ["a"], "v": [1]})["mark"] == "bar"
    assert gr.ScatterPlot(x="k", y="v").postprocess({"k": [1], "v": [1]})["mark"] == "point"
    with pytest.raises(ValueError, match="The plot's y='z' is not a column; the columns are k, v"):
        gr.LinePlot(x="k", y="z").postprocess({"k": [1], "v": [2]})
    with pytest.raises(ValueError, match="same length"):
        gr.LinePlot().postprocess({"k": [1, 2], "v": [2]})
    round_trip = gr.LinePlot().preprocess(value)
    assert isinstance(round_trip, pd.DataFrame) and list(round_trip.columns) == ["x", "y", "kind"]


def test_plot_renders_a_matplotlib_figure_to_png() -> None:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(2, 1), dpi=50)
    figure.add_subplot().plot([0, 1], [1, 0])
    value = gr.Plot().postprocess(figure)
    assert value["type"] == "matplotlib"
    with PILImage.open(value["plot"]["path"]) as image:
        assert image.format == "PNG" and image.size[0] > 10
    with pytest.raises(TypeError, match="return a matplotlib or Plotly figure"):
        gr.Plot().postprocess("nope")


def test_json_takes_gradio_6_size_and_index_options() -> None:
    props = gr.JSON(label="Data").get_props()
    assert (props["open"], props["show_indices"], props["height"], props["max_height"], props["min_height"]) == (False, False, None, 500, None)
    sized = gr.JSON(show_indices=True, height=200, max_height="50vh", min_height=80).get_props()
    assert (sized["show_indices"], sized["height"], sized["max_height"], sized["min_height"]) == (True, 200, "50vh", 80)
