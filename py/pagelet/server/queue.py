"""Concurrency limits and the queue's size, as ``demo.queue()`` and listeners set them.

Each dependency runs at most ``concurrency_limit`` events at once (the
listener's own, else ``default_concurrency_limit``, Gradio's default 1;
``None`` means no limit). Events waiting for a slot count against
``max_size``; one more is refused with ``QueueFull``.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

from ..blocks import Blocks
from ..session import QueueFull

DEFAULT_CONCURRENCY_LIMIT = 1


class EventQueue:
    """Shared by every connection to one app; used from the server's event loop only."""

    def __init__(self, app: Blocks) -> None:
        settings = app.queue_settings
        self.max_size: int | None = settings.get("max_size")
        default = settings.get("default_concurrency_limit", DEFAULT_CONCURRENCY_LIMIT)
        self._slots: list[asyncio.Semaphore | None] = []
        for dependency in app.dependencies:
            limit = dependency.concurrency_limit
            limit = default if limit == "default" else limit
            self._slots.append(asyncio.Semaphore(limit) if isinstance(limit, int) else None)
        self.waiting = 0

    @contextlib.asynccontextmanager
    async def admit(self, fn_index: int) -> AsyncIterator[Any]:
        slot = self._slots[fn_index]
        if slot is None:
            yield
            return
        if slot.locked():
            if self.max_size is not None and self.waiting >= self.max_size:
                raise QueueFull()
            self.waiting += 1
            try:
                await slot.acquire()
            finally:
                self.waiting -= 1
        else:
            await slot.acquire()
        try:
            yield
        finally:
            slot.release()

    def is_full(self, fn_index: int) -> bool:
        """Would one more event for ``fn_index`` be refused now?"""
        slot = self._slots[fn_index] if fn_index < len(self._slots) else None
        return slot is not None and slot.locked() and self.max_size is not None and self.waiting >= self.max_size
