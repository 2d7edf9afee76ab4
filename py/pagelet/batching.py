"""``batch=True``: calls of one dependency that arrive together run as one.

The function receives one list per input and returns one list per output
(Gradio's batch contract). Events that arrive while a batch is being
collected join it, up to ``max_batch_size``; each event then gets its own
slice of the result.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from .events import Dependency

RunBatch = Callable[[list[list[Any]]], Awaitable[Any]]


class Batcher:
    """Collects the argument lists of concurrent events of batched dependencies."""

    def __init__(self) -> None:
        self._open: dict[int, list[tuple[list[Any], asyncio.Future[Any]]]] = {}

    async def call(self, dependency: Dependency, args: list[Any], run: RunBatch) -> Any:
        """Run ``args`` as part of a batch; return this event's own result."""
        key = id(dependency)
        batch = self._open.get(key)
        if batch is None or len(batch) >= dependency.max_batch_size:
            batch = []
            self._open[key] = batch
            asyncio.ensure_future(self._flush(key, dependency, batch, run))
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        batch.append((args, future))
        return await future

    async def _flush(self, key: int, dependency: Dependency, batch: list[tuple[list[Any], asyncio.Future[Any]]], run: RunBatch) -> None:
        # One turn of the loop lets events that arrived together join.
        await asyncio.sleep(0)
        if self._open.get(key) is batch:
            del self._open[key]
        columns = [list(column) for column in zip(*(args for args, _ in batch))]
        try:
            result = await run(columns)
            per_event = _split(dependency, result, len(batch))
        except BaseException as exc:  # every waiting event sees the failure
            for _, future in batch:
                if not future.done():
                    future.set_exception(exc)
            return
        for (_, future), value in zip(batch, per_event):
            if not future.done():
                future.set_result(value)


def _split(dependency: Dependency, result: Any, size: int) -> list[Any]:
    outputs = len(dependency.outputs)
    columns = list(result) if isinstance(result, (list, tuple)) else [result]
    if outputs == 1 and len(columns) != 1:
        columns = [columns]
    if len(columns) != outputs or any(not isinstance(c, (list, tuple)) or len(c) != size for c in columns):
        raise ValueError(
            f"A batch function returns one list per output ({outputs}), each with one value per call ({size})"
        )
    if outputs == 1:
        return list(columns[0])
    return [tuple(column[index] for column in columns) for index in range(size)]
