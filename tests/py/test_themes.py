"""gr.themes: named themes and .set() become CSS variables for the host."""

from __future__ import annotations

import pytest

import pagelet as gr


def test_no_theme_keeps_the_stock_look():
    with gr.Blocks() as demo:
        gr.Textbox()
    assert demo.get_config()["theme"] is None


def test_built_in_themes_by_object_class_or_name():
    soft = gr.Blocks(theme=gr.themes.Soft()).get_config()["theme"]
    assert soft["name"] == "soft" and soft["light"]["--pl-primary"] == gr.themes.colors.indigo.c500
    assert soft["light"]["--pl-radius"] == "12px" and soft["font"].startswith("Montserrat")
    assert gr.Blocks(theme=gr.themes.Monochrome).get_config()["theme"]["light"]["--pl-primary"] == gr.themes.colors.neutral.c800
    assert gr.Blocks(theme="glass").get_config()["theme"]["name"] == "glass"
    default = gr.Interface(str.upper, "textbox", "textbox", theme=gr.themes.Default(primary_hue="emerald")).get_config()["theme"]
    assert default["light"]["--pl-primary"] == gr.themes.colors.emerald.c500


def test_set_overrides_light_and_dark_with_shade_references():
    theme = gr.themes.Base(primary_hue=gr.themes.colors.red).set(
        button_primary_background_fill="*primary_200",
        body_background_fill_dark="#101010",
        block_radius="2px",
        some_variable_this_host_does_not_draw="red",
        body_text_color="red; } body { display: none",
    )
    config = theme.to_config()
    assert config["light"]["--pl-primary"] == gr.themes.colors.red.c200
    assert config["dark"]["--pl-background"] == "#101010"
    assert config["light"]["--pl-radius"] == "2px"
    assert "display" not in str(config)


def test_hub_themes_fall_back_and_nonsense_is_refused(capsys):
    assert gr.Blocks(theme="someone/fancy").get_config()["theme"] is None
    assert "not built in" in capsys.readouterr().out
    with pytest.raises(TypeError):
        gr.Blocks(theme=42).get_config()
    with pytest.raises(ValueError):
        gr.themes.Base(primary_hue="plaid")
