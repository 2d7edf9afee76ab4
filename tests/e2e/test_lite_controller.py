"""The JS API under Gradio Lite's names: createGradioApp and its controller."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from pages import BOOT_TIMEOUT_MS, Site
from test_lite_requirements import build_wheel

# A page a person drives: the app, a box for new code with a Run button, and
# the app's printed output and errors as the controller's events report them.
CONTROLLER_PAGE = """
<div id="demo"></div>
<label>New code <textarea id="code" rows="8" cols="60"></textarea></label>
<button id="run" type="button">Run code</button>
<h2>Printed</h2><ul id="printed" aria-label="Printed"></ul>
<h2>Errors</h2><ul id="errors" aria-label="Errors"></ul>
<p id="readiness" role="status"></p>
<script type="module">
import { createGradioApp } from "./lite.js";
const code = [
  "import sys",
  "import gradio as gr",
  "sys.pagelet_runs = getattr(sys, 'pagelet_runs', 0) + 1",
  "print('first app started')",
  "print('a warning', file=sys.stderr)",
  "gr.Interface(lambda name: 'Hello ' + name, gr.Textbox(label='name'), gr.Textbox(label='greeting')).launch()",
].join("\\n");
const controller = createGradioApp({ target: document.querySelector("#demo"), code });
window.controller = controller;
const log = (list, text) => {
  const item = document.createElement("li");
  item.textContent = text;
  document.querySelector(list).append(item);
};
controller.addEventListener("stdout", (event) => log("#printed", "stdout: " + event.detail));
controller.addEventListener("stderr", (event) => log("#printed", "stderr: " + event.detail));
controller.addEventListener("error", (event) => log("#errors", event.detail.message));
let readies = 0;
controller.addEventListener("ready", () => {
  readies += 1;
  document.querySelector("#readiness").textContent = "ready " + readies;
});
document.querySelector("#run").addEventListener("click", () => {
  controller.run_code(document.querySelector("#code").value).catch(() => undefined);
});
</script>
"""

SECOND_APP = """import sys
import gradio as gr
sys.pagelet_runs = getattr(sys, 'pagelet_runs', 0) + 1
print('second app started')
with gr.Blocks() as demo:
    runs = gr.Number(value=sys.pagelet_runs, label='runs in this Python')
    word = gr.Textbox(label='word')
    shout = gr.Textbox(label='shouted')
    word.submit(lambda w: w.upper() + '!', word, shout)
demo.launch()
"""

BROKEN_APP = """import gradio as gr

def build():
    return missing_name

build()
"""


def open_controller_page(page: Page, site: Site) -> None:
    page.goto(site.page("controller.html", CONTROLLER_PAGE))
    expect(page.get_by_role("status")).to_have_text("ready 1", timeout=BOOT_TIMEOUT_MS)


def run_code(page: Page, code: str) -> None:
    page.get_by_label("New code").fill(code)
    page.get_by_role("button", name="Run code").click()


def test_create_gradio_app_starts_the_app_and_reports_what_it_prints(page: Page, site: Site) -> None:
    open_controller_page(page, site)
    page.get_by_label("name", exact=True).fill("Ada")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("greeting", exact=True)).to_have_value("Hello Ada")
    printed = page.get_by_role("list", name="Printed")
    expect(printed).to_contain_text("stdout: first app started")
    expect(printed).to_contain_text("stderr: a warning")


def test_run_code_replaces_the_app_in_the_same_python(page: Page, site: Site) -> None:
    open_controller_page(page, site)
    run_code(page, SECOND_APP)
    # The module-level counter lives in the same interpreter: no second Pyodide was booted.
    expect(page.get_by_label("runs in this Python")).to_have_value("2")
    expect(page.get_by_label("greeting", exact=True)).to_have_count(0)
    page.get_by_label("word", exact=True).fill("hey")
    page.get_by_label("word", exact=True).press("Enter")
    expect(page.get_by_label("shouted", exact=True)).to_have_value("HEY!")
    expect(page.get_by_role("list", name="Printed")).to_contain_text("stdout: second app started")
    expect(page.get_by_role("status")).to_have_text("ready 2")
    assert page.evaluate("performance.getEntriesByType('resource').filter((e) => e.name.endsWith('pyodide.asm.wasm')).length") <= 1


def test_a_python_error_shows_its_line_and_a_later_good_run_recovers(page: Page, site: Site) -> None:
    open_controller_page(page, site)
    run_code(page, BROKEN_APP)
    alert = page.locator("#demo").get_by_role("alert")
    expect(alert).to_contain_text("NameError: name 'missing_name' is not defined")
    expect(alert).to_contain_text("line 4, in build")
    expect(page.get_by_role("list", name="Errors")).to_contain_text("NameError: name 'missing_name' is not defined")
    expect(page.get_by_label("greeting", exact=True)).to_have_count(0)

    run_code(page, SECOND_APP)
    expect(page.get_by_label("runs in this Python")).to_have_value("2")
    expect(page.locator("#demo").get_by_role("alert")).to_have_count(0)


def test_write_rename_unlink_and_run_file_work_on_the_app_directory(page: Page, site: Site) -> None:
    open_controller_page(page, site)
    page.evaluate("""async () => {
        await controller.write("words.py", "WORD = 'first'\\n");
        await controller.write("main.py", [
            "import gradio as gr",
            "from words import WORD",
            "with gr.Blocks() as demo:",
            "    word = gr.Textbox(label='word')",
            "    gr.Button('Show word').click(lambda: WORD, None, word)",
            "demo.launch()",
        ].join("\\n"));
        await controller.run_file("main.py");
    }""")
    page.get_by_role("button", name="Show word").click()
    expect(page.get_by_label("word", exact=True)).to_have_value("first")

    # An edited module is read anew on the next run; renamed and deleted files behave as files do.
    page.evaluate("""async () => {
        await controller.write("words.py", "WORD = 'second'\\n");
        await controller.rename("main.py", "apps/main.py");
        await controller.run_file("apps/main.py");
    }""")
    page.get_by_role("button", name="Show word").click()
    expect(page.get_by_label("word", exact=True)).to_have_value("second")
    message = page.evaluate("""() => controller.unlink("missing.py").then(() => "deleted", (error) => error.message)""")
    assert message.startswith("Could not unlink missing.py")
    message = page.evaluate("""() => controller.run_file("../outside.py").then(() => "ran", (error) => error.message)""")
    assert "Invalid app file name" in message


def test_install_adds_a_requirement_for_the_next_run(page: Page, site: Site) -> None:
    wheels = site.root / "wheels"
    wheels.mkdir(exist_ok=True)
    build_wheel(wheels, "pagelet_triple", "1.0", "def triple(x):\n    return 3 * x\n")
    open_controller_page(page, site)
    page.evaluate(f"""() => controller.install(["{site.url}/wheels/pagelet_triple-1.0-py3-none-any.whl"])""")
    run_code(page, """import gradio as gr
from pagelet_triple import triple
gr.Interface(triple, gr.Number(label='x'), gr.Number(label='tripled')).launch()
""")
    page.get_by_label("x", exact=True).fill("14")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("tripled", exact=True)).to_have_value("42")


def test_files_given_by_url_and_data_and_a_forced_dark_theme(page: Page, site: Site) -> None:
    (site.root / "url-app.py").write_text(
        "import gradio as gr\n"
        "text = open('note.txt').read()\n"
        "gr.Interface(lambda: text, None, gr.Textbox(label='note')).launch()\n"
    )
    page.emulate_media(color_scheme="light")
    page.goto(site.page("controller-files.html", """
        <div id="demo"></div>
        <script type="module">
        import { createGradioApp } from "./lite.js";
        createGradioApp({
          target: document.querySelector("#demo"),
          files: { "app.py": { url: "url-app.py" }, "note.txt": { data: "a note from data" } },
          entrypoint: "app.py",
          themeMode: "dark",
        });
        </script>
    """))
    expect(page.get_by_role("button", name="Generate")).to_be_visible(timeout=BOOT_TIMEOUT_MS)
    page.get_by_role("button", name="Generate").click()
    expect(page.get_by_label("note", exact=True)).to_have_value("a note from data")
    background = page.locator(".pagelet-app").evaluate("(node) => getComputedStyle(node).backgroundColor")
    assert background == "rgb(11, 15, 25)"
    # Gradio's `dark` class, for the page's own `.dark ...` rules.
    assert "dark" in page.locator(".pagelet-lite").evaluate("(node) => [...node.classList]")


def test_a_call_waiting_on_a_runtime_that_fails_gets_the_failure(page: Page, site: Site) -> None:
    missing = f"{site.url}/wheels/not_there-1.0-py3-none-any.whl"
    page.goto(site.page("controller-fails.html", f"""
        <div id="demo"></div>
        <p id="outcome" role="status"></p>
        <script type="module">
        import {{ createGradioApp }} from "./lite.js";
        const controller = createGradioApp({{
          target: document.querySelector("#demo"),
          code: "import gradio as gr",
          requirements: ["{missing}"],
        }});
        // Asked during the boot, answered when the boot fails: never left hanging.
        controller.run_code("print('never runs')").then(
          () => {{ document.querySelector("#outcome").textContent = "ran"; }},
          (error) => {{ document.querySelector("#outcome").textContent = "refused: " + error.message; }},
        );
        </script>
    """))
    expect(page.get_by_role("status")).to_contain_text("refused: Installing requirements failed", timeout=BOOT_TIMEOUT_MS)
    expect(page.locator("#demo").get_by_role("alert")).to_contain_text("not_there-1.0-py3-none-any.whl")
