"""Streaming, Stop and progress in the browser, with functions that block between yields."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from pages import open_app

# Records every value the "Counted" box shows, with the time it appeared and
# whether the box was still busy (the function still running) at that moment.
RECORD_VALUES = """() => {
    const box = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === 'Counted');
    const input = document.getElementById(box.htmlFor) || box.querySelector('textarea, input');
    window.seen = [];
    let last = input.value;
    const sample = () => {
        if (input.value !== last) {
            last = input.value;
            const busy = input.closest('[aria-busy="true"]') !== null;
            window.seen.push({ value: last, at: performance.now(), busy });
        }
    };
    new MutationObserver(sample).observe(document.body, { subtree: true, attributes: true, childList: true, characterData: true });
    window.setInterval(sample, 5);
}"""


def open_streaming(page: Page, base_url: str) -> Page:
    return open_app(page, f"{base_url}/public/examples/streaming.html")


def test_each_yield_appears_as_it_happens_while_the_function_still_runs(page: Page, base_url: str) -> None:
    open_streaming(page, base_url)
    page.evaluate(RECORD_VALUES)
    page.get_by_role("button", name="Count").click()
    counted = page.get_by_label("Counted", exact=True)
    expect(counted).to_have_value("1 2 3 4 5")
    expect(counted.locator("xpath=ancestor-or-self::*[@aria-busy='true']")).to_have_count(0)
    seen = page.evaluate("window.seen")
    assert [entry["value"] for entry in seen] == ["1", "1 2", "1 2 3", "1 2 3 4", "1 2 3 4 5"]
    # Every step but the last was on screen while the generator was still blocked in time.sleep.
    assert all(entry["busy"] for entry in seen[:-1])
    times = [entry["at"] for entry in seen]
    assert times == sorted(times) and len(set(times)) == len(times)


def test_stop_cancels_a_running_generator_and_the_app_keeps_working(page: Page, base_url: str) -> None:
    open_streaming(page, base_url)
    page.get_by_label("Count to", exact=True).fill("100")
    page.get_by_role("button", name="Count").click()
    counted = page.get_by_label("Counted", exact=True)
    # At least two numbers: under load the box may move on before a look catches "1 2" itself.
    expect(counted).to_have_value(re.compile(r"^1 2\b"))
    page.get_by_role("button", name="Stop").click()
    # The run ends long before it could have counted to 100.
    expect(page.locator("[aria-busy='true']")).to_have_count(0)
    stopped_at = counted.input_value().split()
    assert 2 <= len(stopped_at) < 100
    page.get_by_label("Count to", exact=True).fill("2")
    page.get_by_role("button", name="Count").click()
    expect(counted).to_have_value("1 2")


def test_progress_bar_follows_the_steps_then_the_result_shows(page: Page, base_url: str) -> None:
    open_streaming(page, base_url)
    page.get_by_role("tab", name="Progress").click()
    page.get_by_role("button", name="Run").click()
    bar = page.get_by_role("progressbar", name="Working")
    expect(bar).to_be_visible()
    # Some step in between; each lasts 0.2 s, shorter than the later polls of `expect`.
    expect(bar).to_have_attribute("aria-valuetext", re.compile(r"^Working [1-7]/8 steps$"))
    expect(page.get_by_label("Result", exact=True)).to_have_value("Finished 8 steps")
    expect(page.get_by_role("progressbar")).to_have_count(0)


def test_interface_shows_stop_while_a_generator_runs(page: Page, base_url: str) -> None:
    open_streaming(page, base_url)
    page.get_by_role("tab", name="Typewriter").click()
    page.get_by_label("Message", exact=True).fill("Hello from a generator that types slowly")
    page.get_by_role("button", name="Submit").click()
    stop = page.get_by_role("button", name="Stop")
    expect(stop).to_be_visible()
    expect(page.get_by_role("button", name="Submit")).to_be_hidden()
    expect(page.get_by_label("Typed", exact=True)).to_have_value(re.compile(r"^Hel"))
    stop.click()
    expect(page.get_by_role("button", name="Submit")).to_be_visible()
    expect(stop).to_be_hidden()
    typed = page.get_by_label("Typed", exact=True).input_value()
    assert typed.startswith("Hel") and typed != "Hello from a generator that types slowly"


def test_alerts_from_async_functions_and_generators_leave_the_app_working(page: Page, base_url: str) -> None:
    open_streaming(page, base_url)
    page.get_by_role("tab", name="Alerts").click()
    page.get_by_role("button", name="Check").click()
    expect(page.get_by_role("status").filter(has_text="Checking your text")).to_be_visible()
    error = page.get_by_role("alert").filter(has_text="Type something first.")
    expect(error).to_contain_text("Nothing to check")
    error.get_by_role("button", name="Close").click()
    page.get_by_label("Text to check", exact=True).fill("fine")
    page.get_by_role("button", name="Check").click()
    expect(page.get_by_label("Checked", exact=True)).to_have_value("FINE")
    expect(page.get_by_role("status").filter(has_text="Looks fine to me.")).to_be_visible()
    page.get_by_role("button", name="Run steps").click()
    expect(page.get_by_label("Steps done", exact=True)).to_have_value("step 1 done")
    expect(page.get_by_role("alert").filter(has_text="Step 2 broke.")).to_be_visible()
    page.get_by_label("Text to check", exact=True).fill("again")
    page.get_by_role("button", name="Check").click()
    expect(page.get_by_label("Checked", exact=True)).to_have_value("AGAIN")
