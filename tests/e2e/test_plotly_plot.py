"""gr.Plot with a Plotly figure: plotly installed in the page's Python, the chart drawn by plotly.js."""

from __future__ import annotations

import shutil

from playwright.sync_api import Page, expect

from pages import BOOT_TIMEOUT_MS, Site, open_app
from plotly_wheels import answer_simple_index, plotly_wheels


def test_a_plotly_figure_is_drawn_with_its_title_and_traces(page: Page, site: Site) -> None:
    served = site.root / "plotly-wheels"
    served.mkdir(exist_ok=True)
    urls = []
    for wheel in plotly_wheels():
        shutil.copy(wheel, served / wheel.name)
        urls.append(f"{site.url}/plotly-wheels/{wheel.name}")
    requirements = "\n".join(urls)
    scripts: list[str] = []
    page.on("request", lambda request: scripts.append(request.url) if "plotly" in request.url and request.url.endswith(".js") else None)
    url = site.page("plotly.html", f"""
        <gradio-lite>
        <gradio-requirements>
        {requirements}
        </gradio-requirements>
        <gradio-code>
        import gradio as gr
        import plotly.graph_objects as go

        def chart(kind):
            figure = go.Figure(layout={{"title": {{"text": f"Sales by {{kind}}"}}}})
            figure.add_trace(go.Bar(x=["North", "South"], y=[3, 5], name="Bikes"))
            figure.add_trace(go.Scatter(x=["North", "South"], y=[4, 2], name="Cars"))
            return figure

        gr.Interface(chart, gr.Textbox(label="Kind"), gr.Plot(label="Chart")).launch()
        </gradio-code>
        </gradio-lite>
    """)
    open_app(page, url)
    # Nothing of plotly.js is fetched before a Plotly figure is shown.
    assert scripts == []
    page.get_by_label("Kind", exact=True).fill("region")
    page.get_by_role("button", name="Submit").click()
    chart = page.get_by_role("figure", name="Chart")
    expect(chart.locator("svg.main-svg").first).to_be_visible(timeout=BOOT_TIMEOUT_MS)
    expect(chart.locator(".gtitle")).to_have_text("Sales by region")
    expect(chart.locator(".legendtext")).to_have_text(["Bikes", "Cars"])
    expect(chart.locator(".xtick text")).to_have_text(["North", "South"])
    assert chart.locator(".trace.bars .point").count() == 2
    assert len(scripts) == 1 and "/chunks/" in scripts[0]


def test_the_plotly_example_page(page: Page, base_url: str) -> None:
    wheels = plotly_wheels()
    answer_simple_index(page, wheels, f"{base_url}/build/test-wheels/")
    open_app(page, f"{base_url}/public/examples/plotly.html")
    chart = page.get_by_role("figure", name="Waves")
    expect(chart.locator(".gtitle")).to_have_text("Waves at 1 Hz", timeout=BOOT_TIMEOUT_MS)
    expect(chart.locator(".legendtext")).to_have_text(["sine", "cosine"])
    expect(chart.locator(".xtitle")).to_have_text("seconds")
    slider = page.get_by_label("range slider for Frequency (Hz)", exact=True)
    slider.fill("2")
    expect(chart.locator(".gtitle")).to_have_text("Waves at 2 Hz")
