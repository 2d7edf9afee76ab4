"""gr.ImageEditor (Sketchpad, Paint, ImageMask) and gr.Model3D: Gradio 6's config, values and API schema."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image as PILImage

import pagelet as gr
from pagelet import files
from pagelet.server.api_info import api_info

from fake_host import FakeHost, final_stage, updates_of


@pytest.fixture
def pngs(tmp_path: Path) -> dict[str, Path]:
    made = {}
    for name, colour in (("background", (0, 0, 255, 255)), ("layer", (255, 0, 0, 128)), ("composite", (128, 0, 128, 255))):
        made[name] = tmp_path / f"{name}.png"
        PILImage.new("RGBA", (6, 4), colour).save(made[name])
    return made


def editor_payload(pngs: dict[str, Path]) -> dict:
    """What the page sends: each part uploaded as a PNG it drew."""
    return {
        "background": files.file_data(pngs["background"]),
        "layers": [files.file_data(pngs["layer"])],
        "composite": files.file_data(pngs["composite"]),
        "id": None,
    }


def props_of(component: gr.components.Component) -> dict:
    with gr.Blocks() as demo:
        component.render()
    return next(c["props"] for c in demo.get_config()["components"] if c["id"] == component.id)


def test_image_editor_config_has_gradio_6_tool_options() -> None:
    props = props_of(gr.ImageEditor(type="filepath", label="Editor"))
    # As gradio 6.31's config has them.
    assert props["brush"] == {
        "default_size": "auto",
        "colors": ["rgb(204, 50, 50)", "rgb(173, 204, 50)", "rgb(50, 204, 112)", "rgb(50, 112, 204)", "rgb(173, 50, 204)"],
        "default_color": "rgb(204, 50, 50)",
        "color_mode": "defaults",
    }
    assert props["eraser"] == {"default_size": "auto"}
    assert props["layers"] == {"allow_additional_layers": True, "layers": ["Layer 1"], "disabled": False}
    assert props["sources"] == ["upload", "webcam", "clipboard"]
    assert props["transforms"] == ["crop", "resize"]
    assert (props["format"], props["canvas_size"], props["fixed_canvas"], props["image_mode"]) == ("webp", [800, 800], False, "RGBA")
    assert props["webcam_options"] == {"mirror": True, "constraints": None}


def test_tool_options_false_and_custom() -> None:
    props = props_of(gr.ImageEditor(brush=gr.Brush(colors=["#ff0000", "#00ff00"], default_size=7), eraser=False, layers=False))
    assert props["brush"] == {"default_size": 7, "colors": ["#ff0000", "#00ff00"], "default_color": "#ff0000", "color_mode": "defaults"}
    assert props["eraser"] is False
    assert props["layers"]["disabled"] is True
    named = props_of(gr.ImageEditor(layers=gr.LayerOptions(layers=["Mask", "Notes"], allow_additional_layers=False)))
    assert named["layers"] == {"allow_additional_layers": False, "layers": ["Mask", "Notes"], "disabled": False}


def test_sketchpad_paint_and_image_mask_are_gradio_presets() -> None:
    sketch = props_of(gr.Sketchpad())
    assert (sketch["sources"], sketch["transforms"]) == ([], ["crop"])
    assert sketch["brush"]["colors"] == ["#000000"] and sketch["brush"]["color_mode"] == "fixed"
    paint = props_of(gr.Paint())
    assert paint["sources"] == [] and paint["brush"]["color_mode"] == "defaults"
    mask = props_of(gr.ImageMask())
    assert mask["sources"] == ["upload", "webcam", "clipboard"] and mask["layers"]["disabled"] is True
    assert all(isinstance(c, gr.ImageEditor) for c in (gr.Sketchpad(), gr.Paint(), gr.ImageMask()))


def test_preprocess_as_filepaths_needs_neither_numpy_nor_pil(pngs: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "numpy", None)
    monkeypatch.setitem(sys.modules, "PIL", None)
    monkeypatch.setitem(sys.modules, "PIL.Image", None)
    editor = gr.ImageEditor(type="filepath")
    assert editor.optional_packages() == ()
    assert editor.preprocess(editor_payload(pngs)) == {
        "background": str(pngs["background"]),
        "layers": [str(pngs["layer"])],
        "composite": str(pngs["composite"]),
    }
    assert editor.preprocess(None) is None
    assert editor.preprocess({"background": None, "layers": [], "composite": None}) == {"background": None, "layers": [], "composite": None}


def test_preprocess_as_pil_and_numpy_in_the_image_mode(pngs: dict[str, Path]) -> None:
    pil = gr.ImageEditor(type="pil").preprocess(editor_payload(pngs))
    assert pil["composite"].mode == "RGBA" and pil["composite"].size == (6, 4)
    array = gr.ImageEditor(image_mode="RGB").preprocess(editor_payload(pngs))
    assert isinstance(array["background"], np.ndarray) and array["background"].shape == (4, 6, 3)
    assert array["layers"][0].shape == (4, 6, 3)


def test_postprocess_of_a_single_image_a_dict_and_an_array(pngs: dict[str, Path]) -> None:
    editor = gr.ImageEditor()
    single = editor.postprocess(str(pngs["background"]))
    assert single["background"]["path"] == single["composite"]["path"] == str(pngs["background"])
    assert single["layers"] == [] and single["id"] is None
    whole = editor.postprocess({"background": None, "layers": [str(pngs["layer"])], "composite": str(pngs["composite"])})
    assert whole["background"] is None and whole["layers"][0]["orig_name"] == "layer.png"
    drawn = editor.postprocess({"background": np.zeros((3, 5, 3), dtype=np.uint8), "layers": [], "composite": None})
    with PILImage.open(drawn["background"]["path"]) as image:
        # Gradio's default format for arrays is webp.
        assert image.format == "WEBP" and image.size == (5, 3)


def test_bad_values_give_clear_errors() -> None:
    with pytest.raises(ValueError, match="Image type must be 'numpy', 'pil' or 'filepath'"):
        gr.ImageEditor(type="bytes")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="`sources` must be a list of"):
        gr.ImageEditor(sources=["camera"])
    with pytest.raises(TypeError, match="An ImageEditor value is a dict of background, layers and composite"):
        gr.ImageEditor(type="filepath").preprocess("not a dict")


def test_listening_to_apply_shows_save_changes() -> None:
    with gr.Blocks() as demo:
        editor = gr.ImageEditor()
        plain = gr.ImageEditor()
        editor.apply(lambda value: None, editor, None)
    props = {c["id"]: c["props"] for c in demo.get_config()["components"]}
    assert props[editor.id]["changeable"] is True and props[plain.id]["changeable"] is False


def test_an_app_receives_the_composite_path_and_returns_an_editor_value(pngs: dict[str, Path]) -> None:
    with gr.Blocks() as demo:
        editor = gr.ImageEditor(type="filepath", label="Editor")
        out = gr.Image(type="filepath", label="Composite")
        editor.change(lambda value: value["composite"], editor, out, api_name="predict")
        mirror = gr.ImageEditor(label="Mirror")
        editor.input(lambda value: value, editor, mirror)
    host = FakeHost(demo)
    messages = host.fire(0, editor_payload(pngs))
    assert final_stage(messages) == "done"
    assert updates_of(messages)[0]["value"]["path"] == str(pngs["composite"])
    echoed = updates_of(host.fire(1, editor_payload(pngs)))[0]["value"]
    assert echoed["composite"]["path"] == str(pngs["composite"]) and len(echoed["layers"]) == 1


def test_api_info_states_editor_data_and_model3d_filepath() -> None:
    with gr.Blocks() as demo:
        editor = gr.ImageEditor(type="filepath", label="Editor")
        model = gr.Model3D(label="Model")
        editor.change(lambda value: None, editor, None, api_name="edit")
        model.change(lambda value: value, model, model, api_name="view")
    named = api_info(demo)["named_endpoints"]
    parameter = named["/edit"]["parameters"][0]
    assert parameter["type"]["title"] == "EditorData"
    assert set(parameter["type"]["properties"]) == {"background", "layers", "composite", "id"}
    assert parameter["python_type"]["type"] == (
        "dict(background: filepath | None, layers: list[filepath], composite: filepath | None, id: str | None)"
    )
    assert named["/view"]["parameters"][0]["python_type"]["type"] == "filepath"
    assert named["/view"]["returns"][0]["type"]["title"] == "FileData"


# -- Model3D ----------------------------------------------------------------

def test_model3d_config_matches_gradio_6() -> None:
    props = props_of(gr.Model3D(label="Model"))
    assert props["clear_color"] == [0, 0, 0, 0]
    assert props["camera_position"] == [None, None, None]
    assert (props["zoom_speed"], props["pan_speed"], props["display_mode"], props["height"]) == (1, 1, None, None)
    custom = props_of(gr.Model3D(clear_color=(1, 1, 1, 1), camera_position=(90, 45, 3), zoom_speed=2, height=300))
    assert (custom["clear_color"], custom["camera_position"], custom["height"]) == ([1, 1, 1, 1], [90, 45, 3], 300)
    assert gr.Model3D.EVENTS == ("change", "upload", "edit", "clear")
    with pytest.raises(ValueError, match="display_mode must be"):
        gr.Model3D(display_mode="shaded")  # type: ignore[arg-type]


def test_model3d_value_is_a_file_and_the_function_gets_its_path(tmp_path: Path) -> None:
    model = tmp_path / "cube.obj"
    model.write_text("v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n")
    shown = gr.Model3D().postprocess(str(model))
    assert shown["orig_name"] == "cube.obj" and shown["path"] == str(model)
    assert gr.Model3D().preprocess(files.file_data(model)) == str(model)
    assert gr.Model3D().preprocess(None) is None and gr.Model3D().postprocess(None) is None
    assert gr.Model3D().postprocess(gr.get_model3d("Duck.glb"))["orig_name"] == "Duck.glb"
