"""``gr.cache`` and ``gr.Cache``: results kept by the content of their inputs.

``@gr.cache`` on a function (sync or async, plain or generator) keeps its
results in a least-recently-used table keyed by a hash of the arguments'
content (numpy arrays and PIL images by their bytes), and answers a repeated
call from it; a generator's yields are kept and replayed. ``gr.Cache()`` is
the same table with ``get``/``set`` by hand. ``per_session=True`` keeps each
visitor's entries apart.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import pickle
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from .files import parse_size
from .request import current_session_hash


def cache_hash(value: Any) -> str:
    """A hash of ``value``'s content: equal inputs (arrays, images, data frames included) hash alike."""
    digest = hashlib.sha256()
    _feed(digest, value)
    return digest.hexdigest()


def _feed(digest: Any, value: Any) -> None:
    kind = type(value)
    digest.update(f"{kind.__module__}.{kind.__qualname__}:".encode())
    if isinstance(value, (str, bytes, int, float, bool, type(None))):
        digest.update(repr(value).encode())
    elif isinstance(value, (list, tuple)):
        digest.update(str(len(value)).encode())
        for item in value:
            _feed(digest, item)
    elif isinstance(value, dict):
        for key in sorted(value, key=repr):
            _feed(digest, key)
            _feed(digest, value[key])
    elif hasattr(value, "tobytes") and hasattr(value, "shape") and hasattr(value, "dtype"):  # numpy
        digest.update(f"{value.dtype}{value.shape}".encode())
        digest.update(value.tobytes())
    elif hasattr(value, "tobytes") and hasattr(value, "mode") and hasattr(value, "size"):  # PIL
        digest.update(f"{value.mode}{value.size}".encode())
        digest.update(value.tobytes())
    else:
        try:
            digest.update(pickle.dumps(value, protocol=4))
        except Exception:
            digest.update(repr(value).encode())


def _size_of(value: Any) -> int:
    try:
        return len(pickle.dumps(value, protocol=4))
    except Exception:
        return len(repr(value))


class _Store:
    """A thread-safe LRU table with an entry limit and a memory limit."""

    def __init__(self, max_size: int, max_memory: str | int | None, per_session: bool) -> None:
        self.max_size = max_size
        self.max_memory = parse_size(max_memory)
        self.per_session = per_session
        self._entries: OrderedDict[str, tuple[dict[str, Any], int]] = OrderedDict()
        self._memory = 0
        self._lock = threading.Lock()

    def _key(self, key_hash: str) -> str:
        return f"{current_session_hash.get()}:{key_hash}" if self.per_session else key_hash

    def get(self, key_hash: str) -> dict[str, Any] | None:
        with self._lock:
            found = self._entries.get(self._key(key_hash))
            if found is None:
                return None
            self._entries.move_to_end(self._key(key_hash))
            return found[0]

    def put(self, key_hash: str, **data: Any) -> None:
        size = _size_of(data) if self.max_memory is not None else 0
        with self._lock:
            key = self._key(key_hash)
            old = self._entries.pop(key, None)
            if old is not None:
                self._memory -= old[1]
            self._entries[key] = (data, size)
            self._memory += size
            while self._entries and (
                (self.max_size > 0 and len(self._entries) > self.max_size)
                or (self.max_memory is not None and self._memory > self.max_memory and len(self._entries) > 1)
            ):
                _, (_, dropped) = self._entries.popitem(last=False)
                self._memory -= dropped

    def keys(self) -> list[Any]:
        with self._lock:
            return [data.get("_key") for data, _ in self._entries.values()]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._memory = 0

    def __len__(self) -> int:
        return len(self._entries)


class Cache:
    """A cache to fill by hand: ``c.get(key)`` gives the dict stored with ``c.set(key, **data)``, or None."""

    def __init__(self, *, max_size: int = 128, max_memory: str | int | None = None, per_session: bool = False) -> None:
        self._store = _Store(max_size, max_memory, per_session)

    def get(self, key: Any) -> dict[str, Any] | None:
        entry = self._store.get(cache_hash(key))
        return None if entry is None else {name: value for name, value in entry.items() if name != "_key"}

    def set(self, key: Any, **data: Any) -> None:
        self._store.put(cache_hash(key), _key=key, **data)

    def keys(self) -> list[Any]:
        return self._store.keys()

    def clear(self) -> None:
        self._store.clear()

    def __len__(self) -> int:
        return len(self._store)


def cache(
    fn: Callable[..., Any] | None = None,
    *,
    key: Callable[[dict[str, Any]], Any] | None = None,
    max_size: int = 128,
    max_memory: str | int | None = None,
    per_session: bool = False,
) -> Any:
    """``@gr.cache``, ``@gr.cache(max_size=...)`` or ``gr.cache(fn)(*args)``: ``fn`` with its results kept.

    ``key`` receives the call's arguments by name and returns what to key on.
    """

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        return _cached(func, key, _Store(max_size, max_memory, per_session))

    if fn is not None:
        if not callable(fn):
            raise TypeError("gr.cache(...) takes a function: write gr.cache(fn)(*args), not gr.cache(fn(*args)).")
        return decorate(fn)
    return decorate


def _cached(func: Callable[..., Any], key: Callable[[dict[str, Any]], Any] | None, store: _Store) -> Callable[..., Any]:
    signature = inspect.signature(func)

    def key_of(args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
        try:
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            named = dict(bound.arguments)
        except TypeError:
            named = {"args": args, "kwargs": kwargs}
        # Injected helpers (gr.Progress, gr.Request) say nothing about the result.
        named = {name: value for name, value in named.items() if type(value).__name__ not in ("Progress", "Request")}
        return cache_hash(key(named) if key is not None else named)

    if inspect.isasyncgenfunction(func):

        @functools.wraps(func)
        async def async_generator(*args: Any, **kwargs: Any) -> Any:
            cache_key = key_of(args, kwargs)
            hit = store.get(cache_key)
            if hit is not None:
                for item in hit["yields"]:
                    yield item
                return
            items = []
            async for item in func(*args, **kwargs):
                items.append(item)
                yield item
            store.put(cache_key, yields=items)

        return async_generator
    if inspect.isgeneratorfunction(func):

        @functools.wraps(func)
        def generator(*args: Any, **kwargs: Any) -> Any:
            cache_key = key_of(args, kwargs)
            hit = store.get(cache_key)
            if hit is not None:
                yield from hit["yields"]
                return
            items = []
            for item in func(*args, **kwargs):
                items.append(item)
                yield item
            store.put(cache_key, yields=items)

        return generator
    if inspect.iscoroutinefunction(func):

        @functools.wraps(func)
        async def coroutine(*args: Any, **kwargs: Any) -> Any:
            cache_key = key_of(args, kwargs)
            hit = store.get(cache_key)
            if hit is not None:
                return hit["result"]
            result = await func(*args, **kwargs)
            store.put(cache_key, result=result)
            return result

        return coroutine

    @functools.wraps(func)
    def plain(*args: Any, **kwargs: Any) -> Any:
        cache_key = key_of(args, kwargs)
        hit = store.get(cache_key)
        if hit is not None:
            return hit["result"]
        result = func(*args, **kwargs)
        store.put(cache_key, result=result)
        return result

    return plain
