"""transformers.js in the browser: model load time and per-call latency.

    .venv/bin/python bench/ml.py [--runs 3] [--calls 30]

Needs `make build model`. For each dtype (fp32: onnx/model.onnx, q8:
onnx/model_quantized.onnx) and each run, a fresh browser context (no HTTP or
Cache Storage cache) opens bench/pages/ml.html, whose app times, in the
worker, `await pipeline(...)` (download, wasm start, session creation) and
then `--calls` embeddings of one sentence. Prints medians over runs (load) and
over all calls (latency); writes bench/ml-results.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, expect, sync_playwright

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO / "bench"))
from run import ARGS, CHROMIUM  # noqa: E402
from serve import make_server  # noqa: E402

MODEL_DIR = REPO / "models" / "Xenova" / "all-MiniLM-L6-v2"
DTYPES = ("fp32", "q8")
TIMEOUT_MS = 300_000


def one_run(browser: Browser, base: str, dtype: str, calls: int) -> dict[str, Any]:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(f"{base}/bench/pages/ml.html")
        page.get_by_label("dtype", exact=True).fill(dtype)
        page.get_by_label("calls", exact=True).fill(str(calls))
        page.get_by_role("button", name="Submit").click()
        shown = page.get_by_role("group", name="timings").locator("pre")
        expect(shown).not_to_be_empty(timeout=TIMEOUT_MS)
        return json.loads(shown.text_content() or "{}")
    finally:
        context.close()


def main() -> int:
    parser = argparse.ArgumentParser(description="transformers.js benchmarks")
    parser.add_argument("--runs", type=int, default=3, help="fresh browser contexts per dtype")
    parser.add_argument("--calls", type=int, default=30, help="embedding calls per run")
    args = parser.parse_args()
    if not (MODEL_DIR / "onnx" / "model.onnx").exists():
        print(f"bench/ml.py: {MODEL_DIR.relative_to(REPO)} is missing: run `make model`", file=sys.stderr)
        return 1

    server = make_server(root=REPO, quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    results: dict[str, Any] = {"runs": args.runs, "calls": args.calls}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            results["chromium"] = browser.version
            measured: dict[str, list[dict[str, Any]]] = {dtype: [] for dtype in DTYPES}
            # Interleaved so that drift in the machine's load hits both alike.
            for _ in range(args.runs):
                for dtype in DTYPES:
                    measured[dtype].append(one_run(browser, base, dtype, args.calls))
            browser.close()
    finally:
        server.shutdown()

    print(f"transformers.js all-MiniLM-L6-v2 in Chromium {results['chromium']}: {args.runs} fresh contexts per dtype, {args.calls} calls each")
    for dtype, runs in measured.items():
        loads = [run["load_ms"] for run in runs]
        calls = [ms for run in runs for ms in run["call_ms"]]
        results[dtype] = {
            "load_ms": {"median": statistics.median(loads), "all": loads},
            "call_ms": {"median": statistics.median(calls), "max": max(calls)},
        }
        print(f"  {dtype:>5}: model load {statistics.median(loads):7.0f} ms (median)   one sentence {statistics.median(calls):6.1f} ms (median)")
    out = REPO / "bench" / "ml-results.json"
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"written to {out.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
