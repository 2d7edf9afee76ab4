"""Holds every message the core emits against protocol/messages.schema.json.

``tests/py/conftest.py`` installs a ``MessageChecker`` for the whole CPython
suite: it listens where messages leave the core (``Session._emit``, and
``protocol.encode`` wherever a module imported it: the worker bridge and the
server send a few messages outside a session) and records what does not match.
A test fails at teardown when its messages did, so a builder that drifts from
the schema is caught by whichever test first makes it emit.
"""

from __future__ import annotations

import collections
import functools
import json
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import pagelet.protocol
from pagelet.session import Session

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "protocol" / "messages.schema.json"


def _load_validators() -> tuple[dict[str, jsonschema.protocols.Validator], dict[str, Any]]:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    defs = schema["$defs"]
    validators: dict[str, jsonschema.protocols.Validator] = {}
    # One validator per kind, found by the `type` constant: an anyOf's errors would name every kind.
    for option in defs["ServerMessage"]["anyOf"]:
        name = option["$ref"].rsplit("/", 1)[-1]
        kind = defs[name]["properties"]["type"]["const"]
        validators[kind] = jsonschema.Draft202012Validator({"$ref": f"#/$defs/{name}", "$defs": defs})
    return validators, schema


class MessageChecker:
    """Validates core messages as they go out and keeps the violations."""

    def __init__(self) -> None:
        self._validators, self.schema = _load_validators()
        self._encode = pagelet.protocol.encode
        self.violations: list[str] = []
        self.checked = 0
        self._lock = threading.Lock()
        # A session's message passes _emit, then the transport's encode: checked once.
        self._recent: collections.deque[Any] = collections.deque(maxlen=64)

    def problems(self, message: Any) -> list[str]:
        """Why ``message`` (as it goes on the wire) does not match the schema; empty when it does."""
        wire = json.loads(self._encode(message))
        validator = self._validators.get(wire.get("type")) if isinstance(wire, dict) else None
        if validator is None:
            return [f"unknown core message type {wire.get('type') if isinstance(wire, dict) else wire!r}"]
        return [
            f"{'/'.join(map(str, error.absolute_path)) or '(message)'}: {error.message}"
            for error in validator.iter_errors(wire)
        ]

    def check(self, message: Any) -> None:
        # Never raises: the core under test must behave exactly as without the checker.
        with self._lock:
            if any(seen is message for seen in self._recent):
                return
            self._recent.append(message)
        try:
            found = self.problems(message)
        except Exception as exc:  # a message encode itself cannot write is a violation too
            found = [f"cannot be encoded: {exc!r}"]
        with self._lock:
            self.checked += 1
            if found:
                self.violations.append(f"{_summary(message)}: " + "; ".join(found))

    def take(self) -> list[str]:
        with self._lock:
            taken, self.violations = self.violations, []
        return taken

    def checking_encode(self) -> Callable[[Any], str]:
        @functools.wraps(self._encode)
        def encode(message: Any) -> str:
            self.check(message)
            return self._encode(message)

        return encode

    def install(self, patch: pytest.MonkeyPatch) -> None:
        """Listen on ``Session._emit`` and every ``encode`` a pagelet module imported, until ``patch`` is undone."""
        original_emit = Session._emit
        checker = self

        def emit(session: Session, message: Any) -> None:
            checker.check(message)
            original_emit(session, message)

        patch.setattr(Session, "_emit", emit)
        self.patch_encoders(patch)

    def patch_encoders(self, patch: pytest.MonkeyPatch) -> None:
        """Point every loaded pagelet module's ``encode`` at the checking one (modules load lazily: call again)."""
        checking = self.checking_encode()
        for name, module in list(sys.modules.items()):
            # Not pagelet.protocol itself: a test may encode any value with it directly.
            if name.startswith("pagelet.") and name != "pagelet.protocol" and getattr(module, "encode", None) is self._encode:
                patch.setattr(module, "encode", checking)


def _summary(message: Any) -> str:
    text = repr(message)
    return text if len(text) <= 300 else text[:300] + "…"
