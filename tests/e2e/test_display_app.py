"""Code, ColorPicker, DateTime, HighlightedText, AnnotatedImage and plots in Chromium."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from pages import Site, open_app


def test_pick_a_colour_and_a_date(page: Page, site: Site) -> None:
    url = site.page("pickers.html", """<gradio-lite>
import gradio as gr
with gr.Blocks() as demo:
    colour = gr.ColorPicker("#ff0000", label="Colour")
    hex_out = gr.Textbox(label="Hex")
    colour.input(lambda c: c.upper(), colour, hex_out)
    when = gr.DateTime(label="When", type="datetime")
    weekday = gr.Textbox(label="Weekday")
    when.submit(lambda d: d.strftime("%A"), when, weekday)
demo.launch()
</gradio-lite>""")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_app(page, url)
    # No plot, no code on this page: neither the chart library nor the highlighter is fetched.
    assert not [url for url in requests if "/chunks/plots-" in url or "/chunks/code-" in url]
    page.get_by_label("Colour", exact=True).fill("#00ff80")
    expect(page.get_by_label("Hex", exact=True)).to_have_value("#00FF80")
    when = page.get_by_label("When", exact=True)
    when.fill("2024-05-01 10:30:00")
    when.press("Enter")
    expect(page.get_by_label("Weekday", exact=True)).to_have_value("Wednesday")
    # Text that is no date is marked and not sent, as in Gradio: the value stays the last date.
    when.fill("not a date")
    when.press("Enter")
    expect(when).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Weekday", exact=True)).to_have_value("Wednesday")


def test_highlighted_text_and_code_are_shown(page: Page, site: Site) -> None:
    url = site.page("text-display.html", """<gradio-lite>
import gradio as gr

def analyse(sentence):
    words = [(word + " ", "NAME" if word.istitle() else None) for word in sentence.split()]
    return words, f"def greet():\\n    return {sentence!r}\\n"

gr.Interface(analyse, gr.Textbox(label="Sentence"),
             [gr.HighlightedText(label="Names", show_legend=True), gr.Code(label="Program", language="python")]).launch()
</gradio-lite>""")
    open_app(page, url)
    page.get_by_label("Sentence", exact=True).fill("ask Ada and Alan")
    page.get_by_role("button", name="Submit").click()
    names = page.get_by_role("group", name="Names")
    expect(names.locator("mark")).to_have_count(2)
    expect(names.locator("mark").first).to_contain_text("Ada")
    expect(names.get_by_role("listitem")).to_have_text(["NAME"])
    program = page.get_by_role("group", name="Program")
    expect(program).to_contain_text("return 'ask Ada and Alan'")
    # Highlighted: the keyword is marked up, the text unchanged.
    expect(program.locator(".hljs-keyword").first).to_have_text("def")


def test_plots_draw_from_columns_and_list_their_data(page: Page, site: Site) -> None:
    url = site.page("plots.html", """<gradio-lite>
import gradio as gr

def table(n):
    xs = list(range(int(n)))
    return {"x": xs, "y": [x * x for x in xs], "kind": ["even" if x % 2 == 0 else "odd" for x in xs]}

with gr.Blocks() as demo:
    count = gr.Number(3, label="Points")
    line = gr.LinePlot(x="x", y="y", title="Squares", label="Line")
    bars = gr.BarPlot(x="kind", y="y", label="Bars")
    count.change(table, count, line)
    count.change(table, count, bars)
    demo.load(table, count, line)
demo.launch()
</gradio-lite>""")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_app(page, url)
    assert [url for url in requests if "/chunks/plots-" in url]
    expect(page.get_by_role("img", name="Squares")).to_be_visible()
    squares = page.get_by_role("table", name="Squares")
    expect(squares.get_by_role("row")).to_have_count(4)
    page.get_by_label("Points", exact=True).fill("5")
    page.get_by_label("Points", exact=True).press("Enter")
    expect(squares.get_by_role("row")).to_have_count(6)
    expect(page.get_by_role("img", name="Bars")).to_be_visible()
    drawn = page.get_by_role("img", name="Squares").evaluate(
        "canvas => { const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;"
        " for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true; return false; }"
    )
    assert drawn
