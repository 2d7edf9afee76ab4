"""`<gradio-lite shared-worker>`: the apps of a page share one Python, each with globals of its own."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from pages import Site, open_app

# Each app counts itself in a module both would see if they shared an interpreter,
# keeps a global of its own, and says whether it sees the other's.
APP = """
import gradio as gr
import pagelet

pagelet._apps_in_this_python = getattr(pagelet, "_apps_in_this_python", 0) + 1
{name}_secret = "{name}"

def report(_):
    others = [key for key in globals() if key.endswith("_secret") and key != "{name}_secret"]
    return f"sees other app's globals: {{bool(others)}}"

with gr.Blocks() as demo:
    gr.Markdown(f"{name} is app {{pagelet._apps_in_this_python}} in its Python")
    out = gr.Textbox(label="{name} report")
    gr.Button("{name} check").click(report, out, out)
demo.launch()
"""


def two_apps(site: Site, name: str) -> str:
    return site.page(name, f"""
        <gradio-lite shared-worker>{APP.format(name="alpha")}</gradio-lite>
        <gradio-lite shared-worker>{APP.format(name="beta")}</gradio-lite>
    """)


def check_isolation(page: Page) -> None:
    for name in ("alpha", "beta"):
        page.get_by_role("button", name=f"{name} check").click()
        expect(page.get_by_label(f"{name} report")).to_have_value("sees other app's globals: False")


def test_two_apps_share_one_worker_and_keep_their_globals_apart(page: Page, site: Site) -> None:
    dedicated: list[str] = []
    page.on("worker", lambda worker: dedicated.append(worker.url))
    open_app(page, two_apps(site, "shared.html"))
    # One Python: the second app to start finds the first one's count.
    expect(page.get_by_text("is app 2 in its Python")).to_be_visible()
    expect(page.get_by_text("is app 1 in its Python")).to_be_visible()
    check_isolation(page)
    assert page.locator(".pagelet[data-worker=shared]").count() == 2
    assert dedicated == [], "no app started a dedicated worker"


def test_without_shared_worker_each_app_gets_a_dedicated_worker(page: Page, site: Site) -> None:
    dedicated: list[str] = []
    page.on("worker", lambda worker: dedicated.append(worker.url))
    page.add_init_script("delete window.SharedWorker")
    open_app(page, two_apps(site, "shared-fallback.html"))
    assert len(dedicated) >= 2
    expect(page.get_by_text("alpha is app 1 in its Python")).to_be_visible()
    expect(page.get_by_text("beta is app 1 in its Python")).to_be_visible()
    check_isolation(page)
    assert page.locator(".pagelet[data-worker=dedicated]").count() == 2


STUCK = """
import gradio as gr

def spin():
    while True:
        pass

with gr.Blocks() as demo:
    gr.Button("Spin").click(spin, None, gr.Textbox(label="Result"))
demo.launch()
"""


def test_a_shared_app_refuses_the_js_api_and_says_a_stuck_function_cannot_be_stopped(page: Page, site: Site) -> None:
    open_app(page, site.page("shared-stuck.html", f"<gradio-lite shared-worker>{STUCK}</gradio-lite>"))
    refusal = page.evaluate(
        "() => document.querySelector('gradio-lite').controller.run_code('print(1)').then(() => 'ran', (error) => error.message)"
    )
    assert "needs the app's own worker" in refusal
    page.get_by_role("button", name="Spin").click()
    page.get_by_role("button", name="Stop", exact=True).click()
    # No restart (it would end the page's other apps): the page says why, and the app stays on screen.
    expect(page.get_by_role("status").filter(has_text="shares its Python")).to_be_visible()
    expect(page.get_by_role("button", name="Spin")).to_be_visible()
    assert page.locator(".pagelet[data-worker=shared]").count() == 1
