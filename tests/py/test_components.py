"""Each component converts values as Gradio documents it."""

from __future__ import annotations

import math

import pytest

import pagelet as gr


def test_textbox_values_are_strings():
    box = gr.Textbox(render=False)
    assert box.preprocess(None) is None
    assert box.preprocess(12) == "12"
    assert box.postprocess(3.5) == "3.5"
    with pytest.raises(TypeError):
        box.preprocess({"a": 1})


def test_textbox_line_defaults():
    assert gr.Textbox(render=False).max_lines == 20
    assert gr.Textbox(type="password", render=False).max_lines == 1
    assert gr.TextArea(render=False).lines == 7


@pytest.mark.parametrize(("precision", "given", "expected"), [(None, 3, 3), (None, 2.5, 2.5), (0, 2.6, 3), (2, 1.23456, 1.23)])
def test_number_rounds_to_precision(precision, given, expected):
    number = gr.Number(precision=precision, render=False)
    result = number.preprocess(given)
    assert result == expected and type(result) is type(expected)


@pytest.mark.parametrize("bad", ["abc", float("nan"), float("inf"), [1], True])
def test_number_refuses_what_is_not_a_finite_number(bad):
    with pytest.raises(gr.Error):
        gr.Number(label="n", render=False).preprocess(bad)


def test_number_bounds_are_enforced():
    number = gr.Number(minimum=0, maximum=10, render=False)
    with pytest.raises(gr.Error, match="less than minimum"):
        number.preprocess(-1)
    with pytest.raises(gr.Error, match="greater than maximum"):
        number.preprocess(11)
    assert number.preprocess(None) is None


def test_slider_defaults_and_range():
    slider = gr.Slider(0, 10, label="s", render=False)
    assert slider.value == 0 and slider.step == 0.1
    assert gr.Slider(render=False).step == 1
    assert slider.preprocess(7) == 7
    with pytest.raises(gr.Error, match="outside the range"):
        slider.preprocess(11)
    with pytest.raises(ValueError):
        gr.Slider(5, 1, render=False)


def test_slider_randomize_picks_a_value_on_the_grid():
    slider = gr.Slider(0, 10, step=2, randomize=True, render=False)
    assert slider.value_fn is not None
    value = slider.value_fn()
    assert 0 <= value <= 10 and value % 2 == 0


def test_choice_components_normalize_choices_and_check_values():
    radio = gr.Radio([("One", 1), ("Two", 2)], render=False)
    assert radio.choices == [["One", 1], ["Two", 2]]
    assert radio.preprocess(2) == 2
    with pytest.raises(gr.Error, match="not in the list of choices"):
        radio.preprocess(3)
    assert gr.Radio(["a", "b"], type="index", render=False).preprocess("b") == 1


def test_checkboxgroup_returns_a_list():
    group = gr.CheckboxGroup(["a", "b", "c"], render=False)
    assert group.preprocess(["a", "c"]) == ["a", "c"]
    assert group.preprocess(None) == []
    assert group.postprocess("a") == ["a"]
    with pytest.raises(gr.Error):
        group.preprocess("a")


def test_dropdown_first_choice_multiselect_and_custom_values():
    assert gr.Dropdown(["x", "y"], render=False).value == "x"
    assert gr.Dropdown(["x", "y"], value=None, render=False).value is None
    multi = gr.Dropdown(["x", "y"], multiselect=True, max_choices=1, render=False)
    assert multi.value == [] and multi.preprocess(["y"]) == ["y"]
    with pytest.raises(gr.Error, match="at most 1"):
        multi.preprocess(["x", "y"])
    custom = gr.Dropdown(["x"], allow_custom_value=True, render=False)
    assert custom.preprocess("z") == "z"
    with pytest.raises(gr.Error):
        gr.Dropdown(["x"], render=False).preprocess("z")


def test_checkbox_accepts_only_booleans():
    box = gr.Checkbox(render=False)
    assert box.preprocess(True) is True
    with pytest.raises(gr.Error):
        box.preprocess("yes")


def test_label_sorts_confidences_and_keeps_top_classes():
    label = gr.Label(num_top_classes=2, render=False)
    shown = label.postprocess({"cat": 0.2, "dog": 0.7, "fox": 0.1})
    assert shown == {"label": "dog", "confidences": [{"label": "dog", "confidence": 0.7}, {"label": "cat", "confidence": 0.2}]}
    assert label.postprocess("yes") == {"label": "yes", "confidences": None}
    assert label.preprocess(shown) == {"dog": 0.7, "cat": 0.2}


def test_json_parses_strings_and_lists_tuples():
    box = gr.JSON(render=False)
    assert box.postprocess('{"a": [1, 2]}') == {"a": [1, 2]}
    assert box.postprocess({"t": (1, 2)}) == {"t": [1, 2]}


def test_markdown_is_dedented():
    assert gr.Markdown(render=False).postprocess("\n    # Title\n    text\n") == "# Title\ntext"


def test_html_keeps_json_values_for_its_template():
    # Gradio 6: the value is whatever the template reads (a number for a star rating).
    assert gr.HTML(render=False).postprocess(5) == 5
    assert gr.HTML(render=False).postprocess(["a", "b"]) == ["a", "b"]
    assert gr.HTML(render=False).postprocess(object.__new__(type("Odd", (), {"__str__": lambda self: "odd"}))) == "odd"


def test_state_default_is_copied_per_session():
    state = gr.State({"n": []}, render=False)
    first, second = state.initial_value(), state.initial_value()
    first["n"].append(1)
    assert second == {"n": []} and state.value == {"n": []}


def test_button_is_interactive_by_default():
    assert gr.Button("Go", render=False).get_props()["interactive"] is True
    assert gr.Button("Go", interactive=False, render=False).get_props()["interactive"] is False


def test_non_finite_floats_do_not_break_json():
    from pagelet.protocol import encode

    assert encode({"value": math.nan, "x": [math.inf]}) == '{"value":null,"x":[null]}'


def test_latex_is_drawn_between_double_dollars_unless_turned_off():
    # Gradio's default for Markdown and Chatbot; [] turns LaTeX off, and given delimiters are kept as given.
    dollars = [{"left": "$$", "right": "$$", "display": True}]
    assert gr.Markdown(render=False).get_props()["latex_delimiters"] == dollars
    assert gr.Chatbot(render=False).get_props()["latex_delimiters"] == dollars
    assert gr.Markdown(latex_delimiters=[], render=False).get_props()["latex_delimiters"] == []
    inline = [{"left": "$", "right": "$", "display": False}]
    assert gr.Chatbot(latex_delimiters=inline, render=False).get_props()["latex_delimiters"] == inline
