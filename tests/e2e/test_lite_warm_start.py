"""A second visit restores Python from a memory snapshot; a bad snapshot is never fatal."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from pages import Site, open_app

APP = """
    <gradio-lite>
    import gradio as gr
    gr.Interface(lambda name: "Hi " + name, gr.Textbox(label="Name"), gr.Textbox(label="Reply")).launch()
    </gradio-lite>
"""

SNAPSHOT_KEYS = "async () => (await (await caches.open('pagelet-snapshots')).keys()).map((request) => request.url)"


def boot_kind(page: Page) -> str | None:
    return page.locator("gradio-lite .pagelet").get_attribute("data-boot")


def wait_for_snapshot(page: Page) -> list[str]:
    """The snapshot is stored after the app is up; poll Cache Storage until it is there."""
    for _ in range(300):
        keys = page.evaluate(f"({SNAPSHOT_KEYS})()")
        if keys:
            return keys
        page.wait_for_timeout(100)
    raise AssertionError("no snapshot was stored")


def answer(page: Page, name: str) -> None:
    page.get_by_label("Name", exact=True).fill(name)
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("Reply", exact=True)).to_have_value("Hi " + name)


def test_second_visit_starts_from_the_snapshot_and_works(page: Page, site: Site) -> None:
    url = site.page("warm.html", APP)
    open_app(page, url)
    assert boot_kind(page) == "fresh"
    answer(page, "first")
    assert len(wait_for_snapshot(page)) == 1

    open_app(page, url)
    assert boot_kind(page) == "snapshot"
    answer(page, "second")


def test_a_corrupt_snapshot_is_dropped_and_the_app_boots_fresh(page: Page, site: Site) -> None:
    url = site.page("corrupt.html", APP)
    open_app(page, url)
    [key] = wait_for_snapshot(page)
    page.evaluate(
        """async (key) => {
            const cache = await caches.open('pagelet-snapshots');
            await cache.put(key, new Response(new Uint8Array(4096).fill(7)));
        }""",
        key,
    )
    open_app(page, url)
    assert boot_kind(page) == "fresh"
    answer(page, "again")
