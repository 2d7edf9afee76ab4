"""Pagelet's benchmarks, every figure measured in one Chromium run on loopback.

    .venv/bin/python bench/run.py [--runs 5] [--clicks 200]

Prints a table and writes bench/results.json. Times are read in the page
(``performance.now()``, milliseconds since navigation start), so Playwright's
own latency is not counted.

(a) bare ``loadPyodide()`` in a module worker from dist/ assets, cold
(b) hello-world ``<gradio-lite>``: cold time until the app has answered a first click
(c) the same on a second visit in the same context (HTTP cache and memory snapshot)
(d) event round trip, click to DOM updated, p50 / p99
(e) streaming: rendered updates per second for a generator of 500 yields
(f) bytes transferred for hello-world beyond the Pyodide core files, gzip
(g) worker memory (JS heap + Python's wasm memory) after hello-world, against bare Pyodide
(h) Stop on an endless loop where the page is not cross-origin isolated: click to the
    restarted app's first answer (second visit: the snapshot is there)
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import threading
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, sync_playwright

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
from serve import make_server  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
PYODIDE_CORE = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")

# In-page helpers: find a control by its label as a person would, and wait for
# a value without timers that would round the measurement up.
PAGE_HELPERS = """
window.__bench = {
  control(label) {
    for (const element of document.querySelectorAll('label')) {
      if (element.textContent.trim() === label && element.control) return element.control;
    }
    const named = document.querySelector(`[aria-label="${label}"]`);
    if (named) return named;
    throw new Error(`no control labelled ${label}`);
  },
  button(name) {
    const found = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === name);
    if (!found) throw new Error(`no button ${name}`);
    return found;
  },
  // Resolves when the host writes `expected` into the control: an own
  // property shadows the prototype's value setter, so no polling delays it.
  // Calls onWrite(value, time) each time the host writes the control's value:
  // an own property shadows the prototype's setter, so nothing polls.
  // Returns a function that removes the hook.
  watchWrites(control, onWrite) {
    const { get, set } = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(control), 'value');
    Object.defineProperty(control, 'value', {
      configurable: true,
      get() { return get.call(this); },
      set(value) { set.call(this, value); onWrite(String(value), performance.now()); },
    });
    return () => { delete control.value; };
  },
  // Resolves with the time the host writes `expected` into the control.
  written(control, expected, limitMs = 60000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${expected}`)), limitMs);
      const unwatch = this.watchWrites(control, (value, at) => {
        if (value !== expected) return;
        unwatch();
        clearTimeout(timer);
        resolve(at);
      });
    });
  },
  async ask(inputLabel, buttonName, outputLabel, text, expected) {
    const input = this.control(inputLabel);
    const output = this.control(outputLabel);
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const done = this.written(output, expected);
    const start = performance.now();
    this.button(buttonName).click();
    const elapsed = (await done) - start;
    await this.idle();
    return elapsed;
  },
  // The next click must wait until the event has ended, or the host drops it
  // as a repeat of a running event (Gradio's trigger_mode "once").
  idle() {
    const busy = () => document.querySelector('[aria-busy="true"]') !== null;
    if (!busy()) return Promise.resolve();
    return new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (!busy()) { observer.disconnect(); resolve(); }
      });
      observer.observe(document.body, { attributes: true, subtree: true, attributeFilter: ['aria-busy'] });
    });
  },
};
"""

FIRST_ANSWER = """async () => {
  await customElements.whenDefined('gradio-lite');
  await document.querySelector('gradio-lite').ready;
  await window.__bench.ask('name', 'Submit', 'output', 'bench', 'Hello bench!');
  return performance.now();
}"""


SNAPSHOT_STORED = """async () => {
  const start = performance.now();
  while (performance.now() - start < 60000) {
    const keys = await (await caches.open('pagelet-snapshots')).keys();
    if (keys.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no snapshot was stored within 60 s');
}"""


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def bare_boot(browser: Browser, base: str) -> float:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{base}/bench/pages/bare.html")
        return page.evaluate("async () => (await window.bareReady).readyAt")
    finally:
        context.close()


def hello_cold_and_warm(browser: Browser, base: str) -> tuple[float, float, list[str]]:
    context = browser.new_context()
    try:
        context.add_init_script(PAGE_HELPERS)
        page = context.new_page()
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(f"{base}/public/examples/hello.html")
        cold = page.evaluate(FIRST_ANSWER)
        first_visit = list(requested)
        # A real second visit comes later; wait until the first one has stored
        # its warm-start snapshot, which it builds in the background when idle.
        page.evaluate(SNAPSHOT_STORED)
        page.goto(f"{base}/public/examples/hello.html")
        warm = page.evaluate(FIRST_ANSWER)
        boot = page.evaluate("() => document.querySelector('gradio-lite .pagelet').dataset.boot")
        if boot != "snapshot":
            raise RuntimeError(f"the second visit booted {boot!r}, not from the snapshot")
        return cold, warm, first_visit
    finally:
        context.close()


def round_trips(browser: Browser, base: str, clicks: int) -> list[float]:
    context = browser.new_context()
    try:
        context.add_init_script(PAGE_HELPERS)
        page = context.new_page()
        page.goto(f"{base}/bench/pages/roundtrip.html")
        return page.evaluate(
            """async (clicks) => {
              await customElements.whenDefined('gradio-lite');
              await document.querySelector('gradio-lite').ready;
              const times = [];
              for (let i = 0; i < clicks; i++) {
                times.push(await window.__bench.ask('Source', 'Echo', 'Echo', `n${i}`, `n${i}!`));
              }
              return times;
            }""",
            clicks,
        )
    finally:
        context.close()


def streaming(browser: Browser, base: str) -> dict[str, float]:
    """Count every value the host writes while a 500-yield generator runs."""
    context = browser.new_context()
    try:
        context.add_init_script(PAGE_HELPERS)
        page = context.new_page()
        page.goto(f"{base}/bench/pages/stream.html")
        return page.evaluate(
            """async () => {
              await customElements.whenDefined('gradio-lite');
              await document.querySelector('gradio-lite').ready;
              const output = window.__bench.control('Count');
              let writes = 0;
              let last = performance.now();
              window.__bench.watchWrites(output, (value, at) => { writes++; last = at; });
              const start = performance.now();
              window.__bench.button('Stream').click();
              await window.__bench.idle();
              await new Promise((resolve) => setTimeout(resolve, 50));
              await window.__bench.idle();
              return { writes, seconds: (last - start) / 1000, last: output.value };
            }"""
        )
    finally:
        context.close()


STOP_AND_ANSWER = """async () => {
  await customElements.whenDefined('gradio-lite');
  const element = document.querySelector('gradio-lite');
  await element.ready;
  const state = (wanted) => new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (element.dataset.state === wanted) { observer.disconnect(); resolve(); }
    });
    observer.observe(element, { attributes: true, attributeFilter: ['data-state'] });
  });
  window.__bench.button('Spin').click();
  const stop = await new Promise((resolve) => {
    const look = () => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Stop');
      if (button) resolve(button); else setTimeout(look, 10);
    };
    look();
  });
  const restarting = state('booting');
  const start = performance.now();
  stop.click();
  await restarting;
  await state('ready');
  await window.__bench.ask('Source', 'Echo', 'Echo', 'again', 'again!');
  return performance.now() - start;
}"""


def stop_by_restart(browser: Browser, base: str) -> float:
    """(h) on a page without COOP/COEP: Stop terminates the worker and runs the app again."""
    context = browser.new_context()
    try:
        context.add_init_script(PAGE_HELPERS)
        page = context.new_page()
        page.goto(f"{base}/bench/pages/stop.html")
        page.evaluate("async () => { await customElements.whenDefined('gradio-lite'); await document.querySelector('gradio-lite').ready; }")
        page.evaluate(SNAPSHOT_STORED)
        page.goto(f"{base}/bench/pages/stop.html")
        if page.evaluate("crossOriginIsolated"):
            raise RuntimeError("the stop page must not be cross-origin isolated")
        return page.evaluate(STOP_AND_ANSWER)
    finally:
        context.close()


MEMORY = """async (label) => {
  const measured = await performance.measureUserAgentSpecificMemory();
  const heap = measured.breakdown
    .filter((entry) => entry.attribution.some((a) => a.scope === 'DedicatedWorkerGlobalScope' && a.url.includes(label)))
    .reduce((sum, entry) => sum + entry.bytes, 0);
  return heap;
}"""


def memory(browser: Browser, base: str) -> tuple[int, int]:
    """Bytes held by the worker (JS heap + wasm memory): bare Pyodide, then hello-world."""
    context = browser.new_context()
    try:
        context.add_init_script(PAGE_HELPERS)
        page = context.new_page()
        page.goto(f"{base}/bench/pages/bare.html")
        wasm = page.evaluate("async () => (await window.bareReady).wasmBytes")
        bare = wasm + page.evaluate(MEMORY, "bare-worker.js")
        page.goto(f"{base}/public/examples/hello.html")
        page.evaluate(FIRST_ANSWER)
        # Let the background snapshot worker (same script URL) finish and go first.
        page.evaluate(SNAPSHOT_STORED)
        page.wait_for_timeout(500)
        wasm = page.evaluate("async () => (await document.querySelector('gradio-lite').memoryUsage()).wasmBytes")
        app = wasm + page.evaluate(MEMORY, "worker.js")
        return bare, app
    finally:
        context.close()


def gzip_bytes_beyond_core(urls: list[str]) -> tuple[int, list[tuple[str, int]]]:
    """Gzip size of each distinct same-host file fetched, Pyodide's core files excluded."""
    sizes: list[tuple[str, int]] = []
    for path in sorted({urlsplit(url).path for url in urls}):
        if path.rsplit("/", 1)[-1] in PYODIDE_CORE or path.endswith(".html"):
            continue
        file = REPO / path.lstrip("/")
        if file.is_file():
            sizes.append((path, len(gzip.compress(file.read_bytes(), compresslevel=9))))
    return sum(size for _, size in sizes), sizes


def main() -> int:
    parser = argparse.ArgumentParser(description="Pagelet benchmarks")
    parser.add_argument("--runs", type=int, default=5, help="fresh browser contexts per start-up figure")
    parser.add_argument("--clicks", type=int, default=200, help="clicks for the round-trip figure")
    args = parser.parse_args()

    server = make_server(root=REPO, quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    # Most static hosts send no COOP/COEP: there a Stop must restart the worker.
    plain = make_server(root=REPO, quiet=True, isolated=False)
    threading.Thread(target=plain.serve_forever, daemon=True).start()
    plain_base = f"http://127.0.0.1:{plain.server_address[1]}"
    results: dict[str, Any] = {"runs": args.runs, "clicks": args.clicks}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            results["chromium"] = browser.version
            bare, cold, warm = [], [], []
            first_visit: list[str] = []
            # Interleaved so that drift in the machine's load hits both alike.
            for _ in range(args.runs):
                bare.append(bare_boot(browser, base))
                cold_ms, warm_ms, first_visit = hello_cold_and_warm(browser, base)
                cold.append(cold_ms)
                warm.append(warm_ms)
            trips = round_trips(browser, base, args.clicks)
            stream = streaming(browser, base)
            bare_memory, app_memory = memory(browser, base)
            stops = [stop_by_restart(browser, plain_base) for _ in range(min(args.runs, 3))]
            browser.close()
    finally:
        server.shutdown()
        plain.shutdown()

    total, files = gzip_bytes_beyond_core(first_visit)
    a, b, c = median(bare), median(cold), median(warm)
    results.update(
        bare_boot_ms={"median": a, "all": bare},
        hello_cold_ms={"median": b, "all": cold},
        hello_warm_ms={"median": c, "all": warm},
        ratio_cold=b / a,
        ratio_warm=c / a,
        round_trip_ms={"p50": percentile(trips, 0.5), "p99": percentile(trips, 0.99)},
        hello_gzip_bytes_beyond_core={"total": total, "files": dict(files)},
        streaming={**stream, "updates_per_second": stream["writes"] / stream["seconds"]},
        worker_memory_bytes={"bare": bare_memory, "hello": app_memory, "ratio": app_memory / bare_memory},
        stop_by_restart_ms={"median": median(stops), "all": stops},
    )
    rate = results["streaming"]["updates_per_second"]
    rows = [
        ("(a) bare loadPyodide() in a module worker, cold", f"{a:.0f} ms", ""),
        ("(b) hello-world time to first answer, cold", f"{b:.0f} ms", f"b/a = {b / a:.2f} (target <= 1.15)"),
        ("(c) hello-world, second visit (snapshot)", f"{c:.0f} ms", f"c/a = {c / a:.2f} (target <= 0.5)"),
        ("(d) round trip, click to DOM, p50", f"{results['round_trip_ms']['p50']:.1f} ms", "target <= 5 ms"),
        ("(d) round trip, click to DOM, p99", f"{results['round_trip_ms']['p99']:.1f} ms", "target <= 25 ms"),
        ("(e) streaming, rendered updates per second", f"{rate:.0f} /s",
         f"{stream['writes']} of 500 shown, last {stream['last']!r} (target >= 200/s, last '499')"),
        ("(f) hello-world bytes beyond Pyodide core, gzip", f"{total / 1024:.1f} KB", "target <= 150 KB"),
        ("(g) worker memory, hello-world", f"{app_memory / 2**20:.1f} MiB",
         f"bare {bare_memory / 2**20:.1f} MiB, ratio {app_memory / bare_memory:.2f} (target <= 1.2)"),
        ("(h) Stop by restart (not isolated), to first answer", f"{median(stops):.0f} ms", "target <= 3000 ms"),
    ]
    print(f"Pagelet benchmarks: Chromium {results['chromium']}, medians of {args.runs} fresh contexts, {args.clicks} clicks")
    width = max(len(row[0]) for row in rows)
    for name, value, note in rows:
        print(f"  {name:<{width}}  {value:>10}  {note}")
    for path, size in files:
        print(f"      {path}: {size / 1024:.1f} KB gzip")
    out = REPO / "bench" / "results.json"
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"written to {out.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
