"""gr.Dataframe's Gradio 6 options: counts, column widths, search, pinned and static columns, Styler values."""

from __future__ import annotations

import pandas as pd
import pytest

import pagelet as gr


def test_counts_are_numbers_or_fixed_and_dynamic_pairs_as_in_gradio_6() -> None:
    table = gr.Dataframe()
    assert table.row_count == [3, "dynamic"] and table.column_count == [3, "dynamic"]
    sized = gr.Dataframe(headers=["a", "b"], row_count=(4, "fixed"), column_count=(2, "fixed"))
    props = sized.get_props()
    assert props["row_count"] == [4, "fixed"]
    assert props["column_count"] == props["col_count"] == [2, "fixed"]
    assert gr.Dataframe(column_count=5).get_props()["headers"] == ["1", "2", "3", "4", "5"]
    # The Gradio 5 name still works when the new one is not given.
    assert gr.Dataframe(col_count=(2, "fixed")).column_count == [2, "fixed"]
    with pytest.raises(ValueError, match=r"headers \(2\) must equal column_count \(3\)"):
        gr.Dataframe(headers=["a", "b"], column_count=3)
    with pytest.raises(ValueError, match="a number or \\(n, 'fixed' \\| 'dynamic'\\)"):
        gr.Dataframe(row_count=(3, "sometimes"))  # type: ignore[arg-type]


def test_display_options_reach_the_page_in_gradio_6_form() -> None:
    props = gr.Dataframe(
        headers=["a", "b"], column_widths=[100, "20%"], pinned_columns=1, show_search="filter",
        show_row_numbers=True, static_columns=[0], max_chars=12, max_height=300, wrap=True,
    ).get_props()
    assert props["column_widths"] == ["100px", "20%"]
    assert (props["pinned_columns"], props["show_search"], props["show_row_numbers"]) == (1, "filter", True)
    assert (props["static_columns"], props["max_chars"], props["max_height"], props["wrap"]) == ([0], 12, 300, True)
    assert props["latex_delimiters"] == [{"left": "$$", "right": "$$", "display": True}]
    assert props["line_breaks"] is True
    with pytest.raises(ValueError, match="show_search must be 'none', 'search' or 'filter'"):
        gr.Dataframe(show_search="everything")  # type: ignore[arg-type]


def test_a_styler_value_keeps_its_shown_text_and_css_as_metadata() -> None:
    frame = pd.DataFrame({"a": [1, 2], "b": [3.5, 4.25]})
    styler = frame.style.highlight_max(color="lightgreen").format("{:.1f}", subset=["b"])
    # What gradio 6.31 answers for the same Styler.
    assert gr.Dataframe().postprocess(styler) == {
        "headers": ["a", "b"],
        "data": [[1, 3.5], [2, 4.25]],
        "metadata": {
            "display_value": [["1", "3.5"], ["2", "4.2"]],
            "styling": [["", ""], ["background-color: lightgreen", "background-color: lightgreen"]],
        },
    }


def test_a_dict_value_keeps_its_metadata_and_plain_frames_have_none() -> None:
    metadata = {"display_value": [["x"]], "styling": [["color: red"]]}
    assert gr.Dataframe().postprocess({"headers": ["a"], "data": [[1]], "metadata": metadata})["metadata"] == metadata
    assert gr.Dataframe().postprocess(pd.DataFrame({"a": [1], "b": [0.5]})) == {
        "headers": ["a", "b"], "data": [[1, 0.5]], "metadata": None,
    }


def test_numeric_column_labels_stay_numbers_both_ways() -> None:
    # As Gradio sends them: a DataFrame with columns=range(3) has headers [0, 1, 2], not ["0", "1", "2"].
    import pandas as pd

    table = gr.Dataframe(render=False)
    shown = table.postprocess(pd.DataFrame(0, index=range(2), columns=range(3)))
    assert shown["headers"] == [0, 1, 2]
    assert table.preprocess(shown).columns.tolist() == [0, 1, 2]
    assert table.postprocess(pd.DataFrame({"a": [1], 2.5: [2]}))["headers"] == ["a", 2.5]
