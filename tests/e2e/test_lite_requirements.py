"""<gradio-requirements>: micropip installs pure-Python wheels, only when asked."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from pages import BOOT_TIMEOUT_MS, Site, open_app
from tiny_wheel import build_wheel


def test_a_wheel_requirement_is_installed_before_the_app_runs(page: Page, site: Site) -> None:
    wheels = site.root / "wheels"
    wheels.mkdir(exist_ok=True)
    build_wheel(wheels, "pagelet_tiny", "1.0", "def double(x):\n    return 2 * x\n")
    url = site.page("requirements.html", f"""
        <gradio-lite>
        <gradio-requirements>
        # a local wheel, so that no index is needed
        {site.url}/wheels/pagelet_tiny-1.0-py3-none-any.whl
        </gradio-requirements>
        <gradio-code>
        import gradio as gr
        from pagelet_tiny import double
        gr.Interface(double, gr.Number(label="x"), gr.Number(label="twice")).launch()
        </gradio-code>
        </gradio-lite>
    """)
    open_app(page, url)
    page.get_by_label("x", exact=True).fill("21")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("twice", exact=True)).to_have_value("42")


def test_a_missing_requirement_names_the_package_and_url(page: Page, site: Site) -> None:
    missing = f"{site.url}/wheels/not_there-1.0-py3-none-any.whl"
    url = site.page("missing-requirement.html", f"""
        <gradio-lite>
        <gradio-requirements>{missing}</gradio-requirements>
        import gradio as gr
        gr.Interface(lambda x: x, "text", "text").launch()
        </gradio-lite>
    """)
    page.goto(url)
    alert = page.locator("gradio-lite").get_by_role("alert")
    expect(alert).to_contain_text("not_there", timeout=BOOT_TIMEOUT_MS)
    expect(alert).to_contain_text(missing)
