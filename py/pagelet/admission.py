"""When an event may run: concurrency limits, the queue's size and order, and batches.

One ``Admission`` decides for every event of the sessions that share it: the
browser makes one per page (its one session), a server one per app for all
its visitors. As in Gradio:

- listeners with the same ``concurrency_id`` share one limit (the lowest
  ``concurrency_limit`` among them; ``"default"`` follows
  ``demo.queue(default_concurrency_limit=...)``, 1 unless set; ``None`` is no
  limit); a listener without one is a group of its own;
- events wait in arrival order; the first waiting event whose group has room
  runs next, so a full group does not hold up the others;
- at most ``max_size`` events wait (``demo.queue(max_size=)``); one more is
  refused with ``QueueFull``;
- at most ``max_jobs`` events run at once over all groups (a server's
  ``max_threads``);
- a ``batch=True`` listener's events are collected while they wait, up to
  ``max_batch_size``, and the batch takes one place in its group, so calls
  arriving while the function is busy run together as one batch;
- ``queue=False`` skips all of it: the event runs at once.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from .batching import columns_of, split_result
from .blocks import Blocks
from .events import Dependency

# What Gradio's page and @gradio/client show when the queue refuses an event.
BUSY_MESSAGE = "This application is currently busy. Please try again."

RunBatch = Callable[[list[list[Any]]], Awaitable[Any]]


class QueueFull(Exception):
    """Too many events are waiting. ``str()`` is Gradio's server text (the HTTP 503 detail);
    ``BUSY_MESSAGE`` is what a page shows."""

    def __init__(self, max_size: int, size: int) -> None:
        super().__init__(f"Queue is full. Max size is {max_size} and size is {size}.")


@dataclass(eq=False)
class _Group:
    """The events of one concurrency id."""

    limit: int | None
    running: int = 0

    def has_room(self) -> bool:
        return self.limit is None or self.running < self.limit


@dataclass(eq=False)
class _Call:
    """One event inside a batch being collected."""

    args: list[Any]
    result: asyncio.Future[Any]
    started: Callable[[], None]


@dataclass(eq=False)
class _Place:
    """A place in the queue: one event, or the events of one batch."""

    group: _Group
    admitted: asyncio.Future[None]
    dependency: Dependency | None = None  # set for a batch
    calls: list[_Call] = field(default_factory=list)

    @property
    def events(self) -> int:
        return len(self.calls) if self.dependency is not None else 1


class Admission:
    """The one admission of a set of sessions; used from one event loop only."""

    def __init__(self, app: Blocks, max_jobs: int | None = None) -> None:
        self._app = app
        self.max_size: int | None = app.queue_settings.get("max_size")
        self._max_jobs = max_jobs
        self._groups: dict[Any, _Group] = {}
        self._queue: deque[_Place] = deque()
        self._waiting = 0  # events in ``_queue`` (a batch counts each of its events)
        self._running = 0  # places running, over all groups

    # -- what callers use ---------------------------------------------------------
    def is_full(self) -> bool:
        """Would one more waiting event be refused now?"""
        return self.max_size is not None and self._waiting >= self.max_size

    def check_room(self) -> None:
        """Raise ``QueueFull`` when one more waiting event would be refused (a route asks before it accepts one)."""
        if self.is_full():
            assert self.max_size is not None
            raise QueueFull(self.max_size, self._waiting)

    @contextlib.asynccontextmanager
    async def slot(self, dependency: Dependency) -> AsyncIterator[None]:
        """Held while one event of ``dependency`` runs; entered when its turn comes.
        Raises ``QueueFull`` at once when the queue has no room."""
        group = self._group(dependency)
        if group is None:
            yield
            return
        self.check_room()
        place = _Place(group, asyncio.get_running_loop().create_future())
        self._enqueue(place)
        self._dispatch()
        await self._wait_for_turn(place)
        try:
            yield
        finally:
            self._release(group)

    async def batched(self, dependency: Dependency, args: list[Any], run: RunBatch, started: Callable[[], None]) -> Any:
        """This event's own result of the batch it joins. ``run`` gets one list per input
        (called once per batch, with the first event's ``run``); ``started`` is called
        when the batch begins. Raises ``QueueFull`` at once when the queue has no room."""
        loop = asyncio.get_running_loop()
        call = _Call(args, loop.create_future(), started)
        group = self._group(dependency)
        if group is None:
            self._start_batch(_Place(_Group(None), loop.create_future(), dependency, [call]), run, counted=False)
            return await call.result
        self.check_room()
        place = self._open_batch(dependency)
        if place is None:
            place = _Place(group, loop.create_future(), dependency)
            self._enqueue(place)
            place.admitted.add_done_callback(lambda admitted: None if admitted.cancelled() else self._start_batch(place, run))
            # Its turn is looked for on the next pass of the loop, so that events arriving together join.
            loop.call_soon(self._dispatch)
        place.calls.append(call)
        self._waiting += 1
        try:
            return await call.result
        except asyncio.CancelledError:
            if place in self._queue and call in place.calls:
                place.calls.remove(call)
                self._waiting -= 1
                if not place.calls:
                    self._dequeue(place)
            raise

    # -- the queue ------------------------------------------------------------------
    def _group(self, dependency: Dependency) -> _Group | None:
        """The dependency's concurrency group, or ``None`` when it skips the queue."""
        if not dependency.queue:
            return None
        key = dependency.concurrency_id if dependency.concurrency_id is not None else id(dependency)
        group = self._groups.get(key)
        if group is None:
            members = [other for other in self._app.dependencies if other.concurrency_id == key] or [dependency]
            limits = [limit for limit in map(self._limit_of, members) if limit is not None]
            group = self._groups[key] = _Group(min(limits) if limits else None)
        return group

    def _limit_of(self, dependency: Dependency) -> int | None:
        limit = dependency.concurrency_limit
        if limit == "default":
            limit = self._app.queue_settings.get("default_concurrency_limit", 1)
        return limit if isinstance(limit, int) and limit >= 1 else None

    def _open_batch(self, dependency: Dependency) -> _Place | None:
        """A waiting batch of ``dependency`` with room for one more event."""
        for place in reversed(self._queue):
            if place.dependency is dependency and len(place.calls) < dependency.max_batch_size:
                return place
        return None

    def _enqueue(self, place: _Place) -> None:
        self._queue.append(place)
        if place.dependency is None:
            self._waiting += 1

    def _dequeue(self, place: _Place) -> None:
        self._queue.remove(place)
        self._waiting -= place.events

    def _dispatch(self) -> None:
        """Admit waiting places, in order, while their groups and ``max_jobs`` have room."""
        for place in list(self._queue):
            if self._max_jobs is not None and self._running >= self._max_jobs:
                return
            if place.group.has_room() and not place.admitted.done():
                self._dequeue(place)
                place.group.running += 1
                self._running += 1
                place.admitted.set_result(None)

    async def _wait_for_turn(self, place: _Place) -> None:
        try:
            await asyncio.shield(place.admitted)
        except asyncio.CancelledError:
            if place.admitted.done():  # admitted in the same pass as the cancel: give the turn back
                self._release(place.group)
            else:
                place.admitted.cancel()
                self._dequeue(place)
            raise

    def _release(self, group: _Group) -> None:
        group.running -= 1
        self._running -= 1
        self._dispatch()

    def _start_batch(self, place: _Place, run: RunBatch, counted: bool = True) -> None:
        assert place.dependency is not None
        task = asyncio.ensure_future(self._run_batch(place, place.dependency, run, counted))
        # A reference kept until it ends, so the batch cannot be collected mid-run.
        _batches.add(task)
        task.add_done_callback(_batches.discard)

    async def _run_batch(self, place: _Place, dependency: Dependency, run: RunBatch, counted: bool) -> None:
        calls = [call for call in place.calls if not call.result.done()]
        try:
            if not calls:
                return
            for call in calls:
                call.started()
            try:
                per_event = split_result(dependency, await run(columns_of([call.args for call in calls])), len(calls))
            except asyncio.CancelledError:
                for call in calls:
                    call.result.cancel()
                raise
            except BaseException as exc:  # every event of the batch sees the failure (a Stop too)
                for call in calls:
                    if not call.result.done():
                        call.result.set_exception(exc)
                return
            for call, value in zip(calls, per_event):
                if not call.result.done():
                    call.result.set_result(value)
        finally:
            if counted:
                self._release(place.group)


_batches: set[asyncio.Future[None]] = set()
