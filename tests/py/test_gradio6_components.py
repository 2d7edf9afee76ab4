"""Gradio 6 components and options: buttons with files, special buttons,
BrowserState, HTML templates, buttons=, native-plot grouping, Gallery(sources=)."""

from __future__ import annotations

import datetime
import os
import inspect
from pathlib import Path

import pandas as pd
import pytest

import pagelet as gr
from fake_host import FakeHost, updates_of


def props_of(app: gr.Blocks, block: gr.Component) -> dict:
    return next(c for c in app.get_config()["components"] if c["id"] == block.id)["props"]


def test_upload_button_has_gradio_6_signature_and_gives_paths(tmp_path: Path) -> None:
    params = inspect.signature(gr.UploadButton.__init__).parameters
    assert list(params)[1:3] == ["label", "value"]
    assert {"file_count", "file_types", "type"} <= set(params)
    styled = gr.UploadButton("Go", None, variant="primary", size="sm", icon=None, scale=1, render=False)
    assert (styled.variant, styled.size) == ("primary", "sm")
    one, two = tmp_path / "a.txt", tmp_path / "b.csv"
    one.write_text("a")
    two.write_text("b")
    single = gr.UploadButton(render=False)
    assert single.label == "Upload a File"
    assert single.preprocess({"path": str(one)}) == str(one)
    assert single.preprocess([{"path": str(one)}]) == str(one)
    several = gr.UploadButton("Pick", file_count="multiple", render=False)
    assert several.preprocess([{"path": str(one)}, {"path": str(two)}]) == [str(one), str(two)]
    assert gr.UploadButton(type="binary", render=False).preprocess({"path": str(one)}) == b"a"
    with pytest.raises(ValueError, match="Invalid file type"):
        gr.UploadButton(file_types=[".csv"], render=False).preprocess({"path": str(one)})
    with pytest.raises(ValueError, match="file_types must be a list"):
        gr.UploadButton(file_types=".csv", render=False)  # type: ignore[arg-type]
    shown = several.postprocess([str(one), str(two)])
    assert [item["orig_name"] for item in shown] == ["a.txt", "b.csv"]


def test_upload_button_upload_event_reaches_the_function(tmp_path: Path) -> None:
    upload = tmp_path / "notes.txt"
    upload.write_text("hello")
    with gr.Blocks() as app:
        button = gr.UploadButton("Upload notes", file_types=[".txt"])
        shown = gr.Textbox(label="Content")
        button.upload(lambda path: Path(path).read_text(), button, shown)
    props = props_of(app, button)
    assert props["label"] == "Upload notes" and props["file_types"] == [".txt"] and props["interactive"] is True
    host = FakeHost(app)
    assert updates_of(host.fire(0, {"path": str(upload), "orig_name": "notes.txt"})) == [{"id": shown.id, "value": "hello"}]


def test_download_button_value_is_a_file(tmp_path: Path) -> None:
    report = tmp_path / "report.csv"
    report.write_text("a,b\n")
    with gr.Blocks() as app:
        button = gr.DownloadButton("Get report", value=str(report))
    props = props_of(app, button)
    assert props["label"] == "Get report"
    assert props["value"]["orig_name"] == "report.csv"
    assert button.preprocess(props["value"]) == props["value"]["path"]
    assert gr.DownloadButton(render=False).label == "Download"


def test_duplicate_button_is_inert_off_spaces_and_links_on_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SPACE_ID", raising=False)
    with gr.Blocks() as app:
        off = gr.DuplicateButton()
    props = props_of(app, off)
    assert (props["value"], props["variant"], props["size"], props["scale"]) == ("Duplicate Space", "huggingface", "sm", 0)
    assert props["link"] is None and app.dependencies == []
    monkeypatch.setenv("SPACE_ID", "ada/demo")
    assert gr.DuplicateButton(render=False).link == "https://huggingface.co/spaces/ada/demo?duplicate=true"


def test_deep_link_and_login_buttons_keep_gradio_defaults() -> None:
    with gr.Blocks() as app:
        link = gr.DeepLinkButton()
        login = gr.LoginButton()
    assert props_of(app, link)["value"] == "Share via Link"
    assert props_of(app, link)["copied_value"] == "Link Copied!"
    assert props_of(app, login)["value"] == "Sign in with Hugging Face"
    assert props_of(app, login)["logout_value"] == "Logout ({})"


def test_browser_state_defaults_and_preprocess() -> None:
    with gr.Blocks() as app:
        kept = gr.BrowserState(["a"], storage_key="notes", secret="s3")
        fresh = gr.BrowserState()
    props = props_of(app, kept)
    assert (props["default_value"], props["storage_key"], props["secret"]) == (["a"], "notes", "s3")
    assert len(props_of(app, fresh)["storage_key"]) == 16 and props_of(app, fresh)["secret"] != props_of(app, fresh)["storage_key"]
    assert kept.preprocess(None) == ["a"]
    assert kept.preprocess({"n": 1}) == {"n": 1}
    with pytest.raises(TypeError, match="JSON"):
        kept.postprocess(object())


def test_browser_state_defaults_are_fixed_in_the_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every page load starts the app again there: a random key would lose the value on reload.
    monkeypatch.setattr("sys.platform", "emscripten")
    state = gr.BrowserState(render=False)
    assert state.storage_key == f"browserstate-{state.id}"


def test_html_template_props_and_updates() -> None:
    with gr.Blocks() as app:
        stars = gr.HTML(3, html_template="${'*'.repeat(value)} ${size}", css_template="img { height: ${size}px }", size=40)
        size = gr.Slider(20, 100, label="Size")
        size.change(lambda s: gr.HTML(size=s), size, stars)
        grow = gr.Button("Grow")
        grow.click(lambda: gr.update(size=80, label="Big"), None, stars)
    props = props_of(app, stars)
    assert props["props"] == {"size": 40}
    assert props["html_template"].startswith("${")
    assert props["js_on_load"] == "element.addEventListener('click', function() { trigger('click') });"
    host = FakeHost(app)
    # Gradio's updated props carry the update's "__type__" too, and so its API answers.
    assert updates_of(host.fire(0, 60)) == [{"id": stars.id, "props": {"props": {"size": 60, "__type__": "update"}}}]
    assert updates_of(host.fire(1)) == [{"id": stars.id, "props": {"label": "Big", "props": {"size": 80, "__type__": "update"}}}]


def test_html_custom_events_come_from_js_on_load() -> None:
    with gr.Blocks() as app:
        widget = gr.HTML(js_on_load="element.onclick = () => trigger('rate', {stars: 4})")
        out = gr.Number(label="Stars")
        widget.rate(lambda data: data.stars if hasattr(data, "stars") else 4, None, out)
        widget.submit(lambda: 1, None, out)
    assert [targets[0][1] for targets in (dep.targets for dep in app.dependencies)] == ["rate", "submit"]
    with pytest.raises(AttributeError, match="js_on_load"):
        widget.not_an_event  # noqa: B018


def test_html_children_are_in_its_layout() -> None:
    with gr.Blocks() as app:
        with gr.HTML(html_template="<h2>${form_name}</h2>@children", form_name="Form") as form:
            name = gr.Textbox(label="Name")
    node = next(child for child in app.get_config()["layout"]["children"] if child["id"] == form.id)
    assert node["children"] == [{"id": name.id}]


def test_html_warns_that_script_tags_do_not_run() -> None:
    with pytest.warns(UserWarning, match="js_on_load"):
        gr.HTML("<script>alert(1)</script>", render=False)


def test_buttons_option_with_names_and_a_button() -> None:
    with gr.Blocks() as app:
        extra = gr.Button("Reset")
        box = gr.Textbox(label="Text", buttons=["copy", extra])
        image = gr.Image(buttons=["fullscreen"])
        chat = gr.Chatbot()
        old = gr.Textbox(label="Old", show_copy_button=True)
        extra.click(lambda: "", None, box)
    assert props_of(app, box)["buttons"] == ["copy", {"id": extra.id, "value": "Reset", "icon": None}]
    # The button moved into the toolbar: it is no longer in the layout.
    assert extra.id not in [child["id"] for child in app.get_config()["layout"]["children"]]
    assert props_of(app, image)["buttons"] == ["fullscreen"] and props_of(app, image)["show_download_button"] is False
    assert props_of(app, chat)["buttons"] == ["share", "copy", "copy_all"]
    assert props_of(app, old)["buttons"] == ["copy"]
    with pytest.raises(TypeError, match="list"):
        gr.Textbox(buttons="copy", render=False)  # type: ignore[arg-type]


def test_bar_plot_sums_categories_and_sorts() -> None:
    plot = gr.BarPlot(x="fruit", y="sold", sort="-y", render=False)
    value = plot.postprocess({"fruit": ["apple", "pear", "apple", "fig"], "sold": [1, 5, 2, 4], "shop": ["a", "b", "c", "d"]})
    assert value == {"columns": ["fruit", "sold"], "data": [["pear", 5], ["fig", 4], ["apple", 3]],
                     "datatypes": {"fruit": "nominal", "sold": "quantitative"}, "mark": "bar"}
    ordered = gr.BarPlot(x="fruit", y="sold", sort=["fig", "apple", "pear"], y_aggregate="max", render=False)
    assert ordered.postprocess({"fruit": ["apple", "pear", "apple", "fig"], "sold": [1, 5, 2, 4]})["data"] == [["fig", 4], ["apple", 2], ["pear", 5]]


def test_numeric_x_bin_and_aggregates_per_colour() -> None:
    plot = gr.ScatterPlot(x="t", y="v", color="kind", x_bin=10, y_aggregate="mean", render=False)
    value = plot.postprocess({"t": [1, 5, 12, 14, 3], "v": [2, 4, 6, 8, 10], "kind": ["a", "a", "a", "a", "b"]})
    assert value["columns"] == ["t", "v", "kind"]
    assert value["data"] == [[0, 3.0, "a"], [0, 10.0, "b"], [10, 7.0, "a"]]
    # Without a bin, points stay points; lines of numbers too.
    assert gr.ScatterPlot(x="t", y="v", render=False).postprocess({"t": [2, 1], "v": [1, 2]})["data"] == [[2, 1], [1, 2]]


def test_datetime_x_bins_by_time_step() -> None:
    start = datetime.datetime(2024, 1, 1, 10, 0)
    times = [start, start + datetime.timedelta(minutes=20), start + datetime.timedelta(minutes=70)]
    plot = gr.LinePlot(x="when", y="n", x_bin="1h", y_aggregate="count", render=False)
    value = plot.postprocess({"when": times, "n": [1, 1, 1]})
    # Times travel as Gradio sends them: milliseconds since the epoch, the column marked temporal.
    ten, eleven = (round(datetime.datetime(2024, 1, 1, h, tzinfo=datetime.timezone.utc).timestamp() * 1000) for h in (10, 11))
    assert value["data"] == [[ten, 2], [eleven, 1]]
    assert value["datatypes"] == {"when": "temporal", "n": "quantitative"}


def test_a_dataframes_times_are_epoch_milliseconds_as_in_gradio() -> None:
    frame = pd.DataFrame({"time": pd.to_datetime(["2024-01-01 00:00:01"]), "price": [3], "origin": ["DAL"]})
    value = gr.ScatterPlot(x="time", y="price", render=False).postprocess(frame)
    assert value["data"] == [[1704067201000, 3, "DAL"]]
    assert value["datatypes"] == {"time": "temporal", "price": "quantitative", "origin": "nominal"}


def test_bad_plot_options_are_refused_at_start() -> None:
    with pytest.raises(ValueError, match="y_aggregate"):
        gr.LinePlot(y_aggregate="average", render=False)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="x_bin"):
        gr.LinePlot(x_bin="1w", render=False)
    with pytest.raises(ValueError, match="sort"):
        gr.BarPlot(x="a", y="b", sort="z", render=False).postprocess({"a": [1], "b": [1]})  # type: ignore[arg-type]


def test_native_plots_accept_gradio_6_options() -> None:
    params = set(inspect.signature(gr.LinePlot.__init__).parameters)
    assert {"x_bin", "y_aggregate", "tooltip", "sort", "color_map", "color_title", "caption", "colors_in_legend"} <= params
    plot = gr.LinePlot(x="a", y="b", tooltip=["a"], color_map={"x": "red"}, render=False)
    assert plot.get_props()["tooltip"] == ["a"] and plot.get_props()["color_map"] == {"x": "red"}


def test_gallery_sources_and_uploads(tmp_path: Path) -> None:
    gallery = gr.Gallery(sources=["upload"], type="filepath", render=False)
    assert gallery.get_props()["sources"] == ["upload"]
    assert gr.Gallery(render=False).sources == ["upload"]
    with pytest.raises(ValueError):
        gr.Gallery(sources=["scanner"], render=False)
    picture = tmp_path / "cat.png"
    picture.write_bytes(b"\x89PNG")
    assert gallery.preprocess([{"image": {"path": str(picture)}, "caption": None}]) == [(str(picture), None)]


def test_interface_deep_link_puts_a_button_under_the_outputs() -> None:
    demo = gr.Interface(lambda text: text, "textbox", "textbox", deep_link="Share this")
    # As in Gradio's config, a DeepLinkButton is a "button"; its copied_value tells the host what it is.
    buttons = [c for c in demo.get_config()["components"] if "copied_value" in c["props"]]
    assert [(button["type"], button["props"]["value"]) for button in buttons] == [("button", "Share this")]
    plain = gr.Interface(lambda text: text, "textbox", "textbox")
    assert not [c for c in plain.get_config()["components"] if "copied_value" in c["props"]]


def test_native_plots_are_gradios_nativeplot_named_by_kind() -> None:
    with gr.Blocks() as app:
        line = gr.LinePlot(x="a", y="b")
        points = gr.ScatterPlot(x="a", y="b")
        bars = gr.BarPlot(x="a", y="b")
    by_id = {c["id"]: c for c in app.get_config()["components"]}
    assert [(by_id[p.id]["type"], by_id[p.id]["props"]["name"]) for p in (line, points, bars)] == [
        ("nativeplot", "lineplot"), ("nativeplot", "scatterplot"), ("nativeplot", "barplot"),
    ]


def test_image_slider_is_a_pair_of_images_both_ways(tmp_path: Path) -> None:
    from PIL import Image as PILImage

    before, after = tmp_path / "before.png", tmp_path / "after.png"
    PILImage.new("RGB", (4, 2), "red").save(before)
    PILImage.new("RGB", (4, 2), "blue").save(after)
    slider = gr.ImageSlider(label="Compare", type="filepath", slider_position=30, render=False)
    shown = slider.postprocess((str(before), str(after)))
    assert [item["orig_name"] for item in shown] == ["before.png", "after.png"]
    assert slider.postprocess((str(before), None))[1] is None and slider.postprocess(None) is None
    assert slider.preprocess(shown) == (str(before), str(after))
    pictures = gr.ImageSlider(type="pil", render=False).preprocess([shown[0], None])
    assert pictures[0].size == (4, 2) and pictures[1] is None
    assert slider.get_props()["slider_position"] == 30
    # Gradio's API: SliderData, a pair of nullable files; the client's type names both.
    schema = slider.api_info()
    assert schema["title"] == "SliderData" and schema["anyOf"][0]["maxItems"] == 2
    with pytest.raises(ValueError, match="pair"):
        slider.postprocess(str(before))


def test_param_viewer_shows_the_parameters_it_is_given() -> None:
    docs = {"number": {"type": "int | float", "description": "The number to round", "default": None}}
    viewer = gr.ParamViewer(docs, language="python", header="Arguments", render=False)
    props = viewer.get_props()
    assert props["value"] == docs and props["header"] == "Arguments" and props["language"] == "python"
    assert viewer.api_info() == {"type": {}, "description": "any valid json"}
    with pytest.raises(TypeError, match="ParamViewer shows"):
        viewer.postprocess(["number"])


def test_html_server_functions_answer_calls_from_the_page(tmp_path: Path) -> None:
    """Gradio's html_server_functions demo: js_on_load's server.list_files(path) runs the Python function."""
    (tmp_path / "notes.txt").write_text("hi", encoding="utf-8")

    def list_files(path):
        return sorted(os.listdir(path))

    def broken():
        raise ValueError("no such folder")

    with gr.Blocks() as demo:
        tree = gr.HTML(str(tmp_path), js_on_load="server.list_files(props.value)", server_functions=[list_files, broken])
    assert props_of(demo, tree)["server_fns"] == ["list_files", "broken"]
    host = FakeHost(demo)

    def call(name: str, *args: object) -> dict:
        [answer] = host.send_raw({"v": 1, "type": "call", "call_id": f"c-{name}", "component_id": tree.id, "name": name, "args": list(args)})
        return answer

    assert call("list_files", str(tmp_path)) == {"v": 1, "type": "called", "call_id": "c-list_files", "value": ["notes.txt"]}
    assert call("broken")["error"] == "ValueError: no such folder"
    assert "no server function 'os_system'" in call("os_system", "ls")["error"]
