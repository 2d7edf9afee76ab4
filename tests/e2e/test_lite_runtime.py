"""The <gradio-lite> runtime: offline from a copy of dist/, boot errors, several files."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from pages import BOOT_TIMEOUT_MS, Site, open_app


def test_a_copy_of_dist_alone_runs_the_readme_example(page: Page, site: Site) -> None:
    url = site.page("readme.html", """
        <gradio-lite>
        import gradio as gr
        def greet(name):
            return "Hello " + name + "!"
        gr.Interface(greet, "textbox", "textbox").launch()
        </gradio-lite>
    """)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_app(page, url)
    page.get_by_label("name", exact=True).fill("offline")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("output", exact=True)).to_have_value("Hello offline!")
    assert requests and all(request.startswith(site.url) for request in requests)
    assert not any("micropip" in request for request in requests), "micropip must stay off the boot path"


def test_boot_stages_are_shown_while_loading(page: Page, site: Site) -> None:
    url = site.page("stages.html", """
        <gradio-lite>
        import gradio as gr
        gr.Interface(lambda x: x, "text", "text").launch()
        </gradio-lite>
    """)
    page.goto(url)
    expect(page.get_by_text("Loading Python runtime")).to_be_visible()
    page.locator("gradio-lite .pagelet-app").wait_for(timeout=BOOT_TIMEOUT_MS)
    expect(page.get_by_text("Loading Python runtime")).to_have_count(0)


def test_python_error_in_the_app_shows_its_traceback_in_the_element(page: Page, site: Site) -> None:
    url = site.page("broken.html", """
        <gradio-lite>
        import gradio as gr

        def build():
            return undefined_name

        build()
        </gradio-lite>
    """)
    page.goto(url)
    alert = page.locator("gradio-lite").get_by_role("alert")
    expect(alert).to_contain_text("NameError: name 'undefined_name' is not defined", timeout=BOOT_TIMEOUT_MS)
    expect(alert).to_contain_text("line 4, in build")


def test_a_missing_asset_is_reported_in_the_element(page: Page, site: Site) -> None:
    url = site.page("missing-file.html", """
        <gradio-lite>
        <gradio-file name="app.py" entrypoint url="does-not-exist.py"></gradio-file>
        </gradio-lite>
    """)
    page.goto(url)
    alert = page.locator("gradio-lite").get_by_role("alert")
    expect(alert).to_contain_text("does-not-exist.py", timeout=BOOT_TIMEOUT_MS)


def test_files_from_urls_and_gradio_code(page: Page, site: Site) -> None:
    (site.root / "shapes.py").write_text("def area(w, h):\n    return w * h\n", encoding="utf-8")
    url = site.page("files.html", """
        <gradio-lite>
        <gradio-file name="shapes.py" url="shapes.py"></gradio-file>
        <gradio-code>
        import gradio as gr
        from shapes import area
        gr.Interface(area, [gr.Number(label="Width"), gr.Number(label="Height")], gr.Number(label="Area")).launch()
        </gradio-code>
        </gradio-lite>
    """)
    open_app(page, url)
    page.get_by_label("Width", exact=True).fill("3")
    page.get_by_label("Height", exact=True).fill("5")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("Area", exact=True)).to_have_value("15")


def test_updates_change_visibility_choices_and_labels(page: Page, site: Site) -> None:
    url = site.page("updates.html", """
        <gradio-lite>
        import gradio as gr
        with gr.Blocks() as demo:
            kind = gr.Radio(["fruit", "colour"], label="Kind")
            item = gr.Dropdown([], label="Item", interactive=True)
            secret = gr.Textbox("hidden text", label="Secret", visible=False)
            show = gr.Button("Reveal")

            def pick(kind):
                options = {"fruit": ["apple", "pear"], "colour": ["red", "blue"]}[kind]
                return gr.update(choices=options, value=options[0], label=f"Pick a {kind}")

            kind.change(pick, kind, item)
            show.click(lambda: gr.Textbox(visible=True), None, secret)
        demo.launch()
        </gradio-lite>
    """)
    open_app(page, url)
    expect(page.get_by_label("Secret", exact=True)).to_be_hidden()
    page.get_by_label("colour", exact=True).check()
    item = page.get_by_label("Pick a colour", exact=True)
    expect(item).to_have_value("red")
    item.click()
    page.get_by_role("option", name="blue").click()
    expect(item).to_have_value("blue")
    page.get_by_role("button", name="Reveal").click()
    expect(page.get_by_label("Secret", exact=True)).to_have_value("hidden text")


def test_async_functions_and_load_events(page: Page, site: Site) -> None:
    url = site.page("async.html", """
        <gradio-lite>
        import asyncio
        import gradio as gr
        with gr.Blocks() as demo:
            status = gr.Textbox(label="Status")
            box = gr.Textbox(label="Shout")
            out = gr.Textbox(label="Result")

            async def shout(text):
                await asyncio.sleep(0.05)
                return text.upper()

            box.submit(shout, box, out)
            demo.load(lambda: "ready", None, status)
        demo.launch()
        </gradio-lite>
    """)
    open_app(page, url)
    expect(page.get_by_label("Status", exact=True)).to_have_value("ready")
    page.get_by_label("Shout", exact=True).fill("quiet")
    page.get_by_label("Shout", exact=True).press("Enter")
    expect(page.get_by_label("Result", exact=True)).to_have_value("QUIET")


def test_two_apps_on_one_page_are_independent(page: Page, site: Site) -> None:
    url = site.page("two.html", """
        <gradio-lite>
        import gradio as gr
        gr.Interface(lambda a: a + "!", gr.Textbox(label="First in"), gr.Textbox(label="First out")).launch()
        </gradio-lite>
        <gradio-lite>
        import gradio as gr
        gr.Interface(lambda a: a + "?", gr.Textbox(label="Second in"), gr.Textbox(label="Second out")).launch()
        </gradio-lite>
    """)
    open_app(page, url)
    page.get_by_label("First in", exact=True).fill("a")
    page.get_by_label("Second in", exact=True).fill("b")
    page.get_by_role("button", name="Submit").first.click()
    page.get_by_role("button", name="Submit").last.click()
    expect(page.get_by_label("First out", exact=True)).to_have_value("a!")
    expect(page.get_by_label("Second out", exact=True)).to_have_value("b?")


def test_the_element_reports_how_much_memory_python_holds(page: Page, site: Site) -> None:
    url = site.page("memory.html", """
        <gradio-lite>
        import gradio as gr
        gr.Interface(lambda x: x, "text", "text").launch()
        </gradio-lite>
    """)
    open_app(page, url)
    usage = page.evaluate("() => document.querySelector('gradio-lite').memoryUsage()")
    assert usage["wasmBytes"] > 8 * 2**20
