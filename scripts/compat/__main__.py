"""The compatibility runner: Gradio's own demos under real gradio and under Pagelet.

    make compat GRADIO_SRC=/path/to/gradio      (or: .venv/bin/python scripts/compat --gradio-src ...)

For each eligible demo (see ``eligibility``) it starts the demo under gradio
(``gradio_host.py`` in gradio's venv) and under ``pagelet run``, each a
subprocess on a free loopback port, two demos at a time; compares the named
endpoints, the components (type and label) and the answers to the same
calls (``calls``); then boots the standard-library-only demos in
``<gradio-lite>`` in one Chromium (``lite_boot``). Gradio's side is cached
by the hash of the demo's folder and of the runner's gradio-side code, so a
second run starts only Pagelet. Prints a table and writes every demo's
details, with the first error line of each failure, to
``build/compat/results.json``.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import shutil
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import calls
import eligibility
import lite_boot
import lite_selection
import servers

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
BUILD = REPO / "build" / "compat"
START_TIMEOUT_S = {"gradio": 120.0, "pagelet": 60.0}


def _folder_hash(folder: Path, *extra: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    for path in extra:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _fresh_copy(demo: Path, side: str) -> Path:
    """A writable copy of the demo's folder: demos write caches and flags next to themselves."""
    work = BUILD / "work" / side / demo.name
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(demo, work, ignore=shutil.ignore_patterns("__pycache__"))
    return work


def _serve_and_ask(side: str, demo: Path, start: Callable[[servers.DemoServer, Path], None],
                   plans: list[dict[str, Any]] | None, probe_path: Path | None = None) -> dict[str, Any]:
    """Start the demo with ``start(server, work_dir)``, read its API, ask it ``plans`` (gradio: make them)."""
    work = _fresh_copy(demo, side)
    (BUILD / "logs").mkdir(parents=True, exist_ok=True)
    server = servers.DemoServer(cwd=work, log=BUILD / "logs" / f"{demo.name}.{side}.log")
    result: dict[str, Any] = {"started": False}
    try:
        start(server, work)
        if not server.wait_ready(START_TIMEOUT_S[side]):
            result["error"] = server.error
            return result
        result["started"] = True
        config = servers.get_json(f"{server.url}/config")
        info = servers.get_json(f"{server.url}/gradio_api/info")
        result["components"] = calls.components_of(config)
        result["endpoints"] = calls.endpoints_of(info)
        if plans is None:  # gradio's side: it decides the questions
            probe: dict[str, Any] = {"examples": []}
            deadline = time.monotonic() + 10
            while probe_path is not None and not probe_path.exists() and time.monotonic() < deadline:
                time.sleep(0.2)
            if probe_path is not None and probe_path.exists():
                probe = json.loads(probe_path.read_text(encoding="utf-8"))
            plans = calls.plans_for(config, info, probe, BUILD / "files" / demo.name)
            result["plans"] = plans
            result["answers"] = calls.ask(server.url, plans, repeat=2)
        else:
            # The same calls as gradio's side, twice each, so that an app's state (a counter) has
            # seen as many calls on both sides when the first answers are compared.
            result["answers"] = [answers[0] for answers in calls.ask(server.url, plans, repeat=2)]
    except Exception as error:
        result["error"] = f"runner: {calls.first_line(error)}"
    finally:
        server.stop()
    return result


def _gradio_cache_key(demo: Path) -> str:
    return _folder_hash(demo, HERE / "gradio_host.py", HERE / "calls.py")


def _gradio_side(demo: Path, zygote: Callable[[], servers.GradioZygote], cache: dict[str, Any],
                 lock: threading.Lock) -> dict[str, Any]:
    key = _gradio_cache_key(demo)
    with lock:
        if key in cache:
            return cache[key]
    probe_path = BUILD / "probes" / f"{demo.name}.json"
    probe_path.parent.mkdir(parents=True, exist_ok=True)
    probe_path.unlink(missing_ok=True)

    def start(server: servers.DemoServer, work: Path) -> None:
        server.process = zygote().spawn(work, server.port, probe_path, server.log)

    result = _serve_and_ask("gradio", demo, start, None, probe_path)
    if not result.get("error", "").startswith("runner:"):  # a fault of the runner is not gradio's answer
        with lock:
            cache[key] = result
    return result


def _compare(record: dict[str, Any]) -> None:
    gradio, pagelet = record["gradio"], record["pagelet"]
    if not (gradio.get("started") and pagelet.get("started")):
        return
    if "endpoints" not in gradio or "endpoints" not in pagelet:
        return  # started, then the runner could not read its API: the side's "error" says why
    record["endpoints_equal"] = gradio["endpoints"] == pagelet["endpoints"]
    record["components_equal"] = gradio["components"] == pagelet["components"]
    if not record["endpoints_equal"]:
        record["endpoints_diff"] = {
            "only_gradio": sorted(set(gradio["endpoints"]) - set(pagelet["endpoints"])),
            "only_pagelet": sorted(set(pagelet["endpoints"]) - set(gradio["endpoints"])),
        }
    if not record["components_equal"]:
        g, p = collections.Counter(map(tuple, gradio["components"])), collections.Counter(map(tuple, pagelet["components"]))
        record["components_diff"] = {"only_gradio": sorted(map(list, g - p)), "only_pagelet": sorted(map(list, p - g))}
    record["calls"] = []
    for plan, (first, second), answer in zip(gradio.get("plans", []), gradio.get("answers", []), pagelet.get("answers", [])):
        call = {"api_name": plan["api_name"], "source": plan["source"], "gradio": first, "pagelet": answer}
        if first != second:
            call["outcome"] = "nondeterministic"
        elif first == answer or (isinstance(first, dict) and isinstance(answer, dict) and "error" in first and "error" in answer and len(first) == len(answer) == 1):
            call["outcome"] = "equal"
        else:
            call["outcome"] = "different"
        record["calls"].append(call)


def _percent(part: int, whole: int) -> str:
    return f"{part} of {whole} ({100 * part / whole:.0f}%)" if whole else "0 of 0"


def _table(records: list[dict[str, Any]], total_demos: int) -> str:
    eligible = [r for r in records if r["eligible"]]
    by_gradio = [r for r in eligible if r["gradio"].get("started")]
    both = [r for r in by_gradio if r["pagelet"].get("started")]
    lite = [r for r in by_gradio if r.get("lite") is not None]
    call_list = [c for r in both for c in r.get("calls", [])]
    compared = [c for c in call_list if c["outcome"] != "nondeterministic"]
    rows = [
        ("demos in demo/", str(total_demos)),
        ("eligible (stdlib-only)", f"{len(eligible)} ({sum(r['stdlib_only'] for r in eligible)})"),
        ("started under gradio 6.31", _percent(len(by_gradio), len(eligible))),
        ("started under Pagelet server", _percent(len(both), len(by_gradio))),
        ("booted in lite (stdlib-only)", _percent(sum(bool(r["lite"]["booted"]) for r in lite), len(lite))),
        ("endpoints equal", _percent(sum(bool(r.get("endpoints_equal")) for r in both), len(both))),
        ("components equal", _percent(sum(bool(r.get("components_equal")) for r in both), len(both))),
        ("answers equal", _percent(sum(c["outcome"] == "equal" for c in compared), len(compared))
         + f"; {len(call_list) - len(compared)} nondeterministic left out"),
    ]
    width = max(len(name) for name, _ in rows)
    lines = [f"| {'':{width}} | result |", f"|{'-' * (width + 2)}|--------|"]
    lines += [f"| {name:{width}} | {value} |" for name, value in rows]
    return "\n".join(lines)


def _causes(records: list[dict[str, Any]]) -> str:
    counts: collections.Counter[str] = collections.Counter()
    for r in records:
        if r["eligible"] and r["gradio"].get("started"):
            if not r["pagelet"].get("started"):
                counts["server: " + r["pagelet"].get("error", "")] += 1
            if r.get("lite") and not r["lite"]["booted"]:
                counts["lite: " + r["lite"]["error"]] += 1
    return "\n".join(f"{n:4}  {cause[:160]}" for cause, n in counts.most_common(25))


def main() -> int:
    parser = argparse.ArgumentParser(prog="compat", description=__doc__.split("\n\n")[0])
    parser.add_argument("--gradio-src", required=True, type=Path, help="a checkout of gradio-app/gradio")
    parser.add_argument("--gradio-python", type=Path, default=REPO / ".venv-bench" / "bin" / "python")
    parser.add_argument("--pagelet-python", type=Path, default=Path(sys.executable))
    parser.add_argument("--only", default="", help="comma-separated demo names")
    parser.add_argument("--jobs", type=int, default=2, help="demos at a time (each one server at a time)")
    parser.add_argument("--no-lite", action="store_true", help="skip the <gradio-lite> boots")
    parser.add_argument("--lite-only", action="store_true",
                        help="no servers: boot in lite the stdlib-only demos gradio-cache.json says gradio started")
    parser.add_argument("--out", type=Path, default=None,
                        help="default: build/compat/results.json (lite-results.json with --lite-only)")
    arguments = parser.parse_args()
    if arguments.out is None:
        arguments.out = BUILD / ("lite-results.json" if arguments.lite_only else "results.json")

    BUILD.mkdir(parents=True, exist_ok=True)
    folders = eligibility.demo_folders(arguments.gradio_src)
    if arguments.only:
        wanted = set(arguments.only.split(","))
        folders = [f for f in folders if f.name in wanted]
    cache_path = BUILD / "gradio-cache.json"
    cache: dict[str, Any] = json.loads(cache_path.read_text(encoding="utf-8")) if cache_path.exists() else {}
    if arguments.lite_only:
        return _lite_only(lite_selection.lite_only_demos(folders, cache, _gradio_cache_key), arguments.out)
    lock = threading.Lock()
    records: dict[str, dict[str, Any]] = {}
    started = time.monotonic()
    zygotes: list[servers.GradioZygote] = []

    def zygote() -> servers.GradioZygote:
        """Gradio's zygote, started when a demo first needs gradio (never, when all are cached)."""
        with lock:
            if not zygotes:
                zygotes.append(servers.GradioZygote(arguments.gradio_python, HERE / "gradio_host.py"))
            return zygotes[0]

    def run_demo(demo: Path) -> None:
        judged = eligibility.judge(demo)
        record: dict[str, Any] = {"name": demo.name, "eligible": judged.eligible, "stdlib_only": judged.stdlib_only,
                                  "reason": judged.reason, "gradio": {}, "pagelet": {}, "lite": None}
        if judged.eligible:
            record["gradio"] = _gradio_side(demo, zygote, cache, lock)
            if record["gradio"].get("started"):
                def start(server: servers.DemoServer, work: Path) -> None:
                    server.start_subprocess([str(arguments.pagelet_python), "-m", "pagelet", "run", "run.py",
                                             "--port", str(server.port)])

                record["pagelet"] = _serve_and_ask("pagelet", demo, start, record["gradio"].get("plans", []))
            _compare(record)
        with lock:
            records[demo.name] = record
            done = len(records)
            if judged.eligible:
                print(f"[{done}/{len(folders)} {time.monotonic() - started:5.0f}s] {demo.name}: gradio "
                      f"{'up' if record['gradio'].get('started') else 'DOWN'}, pagelet "
                      f"{'up' if record['pagelet'].get('started') else 'DOWN ' + record['pagelet'].get('error', '')}",
                      flush=True)
            cache_path.write_text(json.dumps(cache), encoding="utf-8")

    pool = ThreadPoolExecutor(max_workers=max(1, min(arguments.jobs, 2)))
    try:
        list(pool.map(run_demo, folders))
    finally:
        # On Ctrl+C the demos not started yet are dropped; the two running finish and stop their servers.
        pool.shutdown(wait=True, cancel_futures=True)
        for started_zygote in zygotes:
            started_zygote.close()

    lite_demos = [arguments.gradio_src / "demo" / name for name, r in sorted(records.items())
                  if r["eligible"] and r["stdlib_only"] and r["gradio"].get("started")]
    if not arguments.no_lite and lite_demos:
        def report(demo: Path, error: str, seconds: float) -> None:
            records[demo.name]["lite"] = {"booted": not error, "error": error, "seconds": round(seconds, 1)}
            print(f"lite {demo.name} ({seconds:.1f} s): {'up' if not error else error}", flush=True)

        lite_boot.boot_all(lite_demos, BUILD / "pages", report)

    ordered = [records[name] for name in sorted(records)]
    arguments.out.parent.mkdir(parents=True, exist_ok=True)
    arguments.out.write_text(json.dumps(ordered, indent=1), encoding="utf-8")
    print()
    print(_table(ordered, len(folders)))
    print(f"\nmost common start-up failures (of demos gradio starts):\n{_causes(ordered)}")
    print(f"\ndetails: {arguments.out}  ({time.monotonic() - started:.0f} s)")
    return 0


def _lite_only(demos: list[Path], out: Path) -> int:
    """Boot ``demos`` in lite, print each and a summary, write {name: lite record} to ``out``."""
    started = time.monotonic()
    results: dict[str, dict[str, Any]] = {}

    def report(demo: Path, error: str, seconds: float) -> None:
        results[demo.name] = {"booted": not error, "error": error, "seconds": round(seconds, 1)}
        print(f"[{len(results)}/{len(demos)}] lite {demo.name} ({seconds:.1f} s): {error or 'up'}", flush=True)

    lite_boot.boot_all(demos, BUILD / "pages", report)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1, sort_keys=True), encoding="utf-8")
    booted = sum(r["booted"] for r in results.values())
    causes = collections.Counter(r["error"] for r in results.values() if not r["booted"])
    print(f"\nbooted in lite: {_percent(booted, len(demos))}")
    print("\n".join(f"{n:4}  {cause[:160]}" for cause, n in causes.most_common(25)))
    print(f"\ndetails: {out}  ({time.monotonic() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
