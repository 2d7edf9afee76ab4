"""The server under 64 clients for 60 seconds: every call answered, memory flat.

    .venv/bin/python bench/soak.py [--clients 64] [--seconds 60]

Serves ``bench/server_app.py`` with ``python -m pagelet run`` in its own
process on loopback, warms it up, then runs ``bench/load.py``: half of the
clients are Gradio's API clients, half are page sockets. Prints calls,
errors, latency p50/p99 and the server's resident memory before and after;
exits non-zero on any error. ``make soak`` runs it; ``make test`` runs the
same load for 5 seconds (tests/py/server/test_server_load.py).
"""

from __future__ import annotations

import argparse
import sys

from load import rss_mib, run_load
from server import APP, free_port, server


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=60.0)
    arguments = parser.parse_args()

    with server([sys.executable, "-m", "pagelet", "run", str(APP)], free_port()) as url:
        from server import SERVED  # the process just started

        pid = SERVED[-1].pid
        # One short round first, so imports and first-call caches are in the "before" figure.
        run_load(url, arguments.clients, 2)
        before = rss_mib(pid)
        result = run_load(url, arguments.clients, arguments.seconds)
        after = rss_mib(pid)
    print(f"soak: {arguments.clients} clients for {arguments.seconds:g} s")
    print(f"  {result.summary()}")
    print(f"  clients answered: {result.clients_answered} of {arguments.clients}")
    print(f"  server memory (RSS): {before:.1f} MiB before, {after:.1f} MiB after ({after - before:+.1f} MiB)")
    for error in result.errors[:10]:
        print(f"  error: {error}")
    return 1 if result.errors or result.clients_answered < arguments.clients else 0


if __name__ == "__main__":
    sys.exit(main())
