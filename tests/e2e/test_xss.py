"""A visitor types hostile markup; every output shows it and none of it runs or fetches.

The corpus (tests/data/xss_payloads.json) is echoed through Textbox,
Markdown, HTML, Chatbot, Label, JSON, Dataframe, File names, Gallery
captions, HighlightedText, Dataset samples, Dropdown and Radio choices, a
Textbox's label, placeholder and info, gr.Info / gr.Warning toasts and a
gr.Error, and shown as gr.Examples; all payloads travel in one event. Each
payload that could run calls ``window.__xss(n)``; the page records those
calls and every dialog, and the ``page`` fixture records every request to a
host other than loopback. Runs in ``<gradio-lite>`` and on the CPython server.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Dialog, Page, expect

from pages import BOOT_TIMEOUT_MS, Site
from server_app import run_app
from xss_app import app_source, payloads

SENTINEL = """
window.__xssCalls = [];
window.__xss = (n) => { window.__xssCalls.push(String(n)); };
"""

# What no output may hold once the payloads are shown: elements that run or
# load something, handler attributes, and script URLs.
FINDINGS = """
() => {
  const found = [];
  const roots = document.querySelectorAll(".pagelet-body, .pagelet-toasts");
  const runnable = new Set(["script", "iframe", "object", "embed", "base", "meta", "link", "form", "frame"]);
  const scriptUrl = /^(javascript|vbscript|data:text\\/html)/i;
  for (const root of roots) {
    for (const element of root.querySelectorAll("*")) {
      const tag = element.localName;
      // The app's own stylesheets sit directly in the body; any other <style> came from markup.
      if (runnable.has(tag) || (tag === "style" && element.parentElement !== root)) found.push(element.outerHTML.slice(0, 120));
      for (const attribute of element.attributes) {
        const value = attribute.value.replace(/[\\u0000-\\u0020]/g, "");
        if (attribute.name.startsWith("on") || scriptUrl.test(value)) found.push(`${tag} ${attribute.name}=${attribute.value.slice(0, 80)}`);
      }
    }
  }
  return found;
}
"""


@pytest.fixture
def dialogs(page: Page) -> list[str]:
    """The sentinel every payload calls, and every alert/confirm/prompt, recorded."""
    opened: list[str] = []
    page.add_init_script(SENTINEL)

    def dismiss(dialog: Dialog) -> None:
        opened.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", dismiss)
    return opened


@pytest.fixture
def lite_url(site: Site) -> str:
    (site.root / "xss_app.py").write_text(app_source(), encoding="utf-8")
    # The source is fetched, not inlined: the author's page must not parse the corpus as HTML.
    return site.page("xss.html", '<gradio-lite><gradio-file name="app.py" url="xss_app.py" entrypoint></gradio-file></gradio-lite>')


@pytest.fixture
def server_url(tmp_path: Path) -> Iterator[str]:
    yield from run_app(tmp_path, app_source())


def echo_the_corpus_everywhere(page: Page, foreign_requests: list[str], dialogs: list[str]) -> None:
    corpus = payloads()
    assert len(corpus) >= 50
    page.get_by_label("Payloads", exact=True).fill(json.dumps(corpus))
    page.get_by_role("button", name="Echo").click()
    expect(page.get_by_label("Finished", exact=True)).to_have_value("done")
    # Each output shows the payloads as text, not as markup that ran.
    expect(page.get_by_label("Echo", exact=True)).to_have_value("\n".join(corpus))
    expect(page.get_by_role("log").get_by_text("${__xss(59)}", exact=True)).to_have_count(2)
    expect(page.get_by_role("status").filter(has_text="__xss(1)").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    # A person moves over and focuses what is on screen; handlers that survived would fire now.
    for block in page.locator(".pagelet-prose").all():
        block.hover()
    # Markup cannot cover the app: the Fail button still takes the click.
    page.get_by_role("button", name="Fail").click()
    expect(page.get_by_role("alert").filter(has_text="__xss(7)").first).to_be_visible()
    page.wait_for_load_state("networkidle")

    assert page.evaluate("window.__xssCalls") == []
    assert dialogs == []
    assert foreign_requests == []
    assert page.evaluate(FINDINGS) == []
    # A remote Markdown image is offered as a link, not fetched.
    expect(page.get_by_role("link", name="remote", exact=True).first).to_have_attribute("href", "http://evil.example/md-image.png")


@pytest.mark.e2e
def test_the_corpus_never_runs_in_the_browser_runtime(page: Page, lite_url: str, foreign_requests: list[str], dialogs: list[str]) -> None:
    page.goto(lite_url)
    expect(page.get_by_role("button", name="Echo")).to_be_visible(timeout=BOOT_TIMEOUT_MS)
    echo_the_corpus_everywhere(page, foreign_requests, dialogs)


@pytest.mark.e2e
def test_the_corpus_never_runs_on_the_server_page(page: Page, server_url: str, foreign_requests: list[str], dialogs: list[str]) -> None:
    page.goto(server_url)
    echo_the_corpus_everywhere(page, foreign_requests, dialogs)
