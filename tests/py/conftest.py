"""The CPython suite's shared checks: every message the core emits matches the protocol schema."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

# Imported now, so that their ``encode`` is checked from the first test on.
import pagelet.server.routes  # noqa: F401
import pagelet.worker_bridge  # noqa: F401
from schema_check import MessageChecker


@pytest.fixture(scope="session")
def message_checker() -> Iterator[MessageChecker]:
    checker = MessageChecker()
    with pytest.MonkeyPatch.context() as patch:
        checker.install(patch)
        yield checker


@pytest.fixture(autouse=True)
def _messages_match_schema(message_checker: MessageChecker) -> Iterator[None]:
    """Fails the test whose core emitted a message the schema does not describe."""
    with pytest.MonkeyPatch.context() as patch:
        message_checker.patch_encoders(patch)  # modules the earlier tests imported lazily
        yield
    violations = message_checker.take()
    if violations:
        pytest.fail("the core emitted messages that protocol/messages.schema.json does not describe:\n" + "\n".join(violations), pytrace=False)
