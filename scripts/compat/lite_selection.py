"""Which demos ``--lite-only`` boots: those gradio's cached side says started, importing only the stdlib."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import eligibility


def lite_only_demos(folders: Iterable[Path], cache: dict[str, Any], cache_key: Callable[[Path], str],
                    judge: Callable[[Path], eligibility.Eligibility] = eligibility.judge) -> list[Path]:
    """The stdlib-only eligible demos whose gradio answer is cached as started.

    A demo missing from the cache is left out rather than started under gradio:
    the point of the option is to boot in lite without any server.
    """
    chosen = []
    for folder in folders:
        judged = judge(folder)
        if judged.eligible and judged.stdlib_only and cache.get(cache_key(folder), {}).get("started"):
            chosen.append(folder)
    return chosen
