"""A stand-in for the JS host: drives a Session and records its answers."""

from __future__ import annotations

import asyncio
import itertools
import json
from typing import Any

import pagelet as gr
from pagelet.protocol import encode
from pagelet.session import Session

_event_ids = itertools.count()


class FakeHost:
    """Sends events to a Session and keeps every message it answers with."""

    def __init__(self, app: gr.Blocks) -> None:
        self.messages: list[dict[str, Any]] = []
        # Round-trip through JSON as the real transports encode it.
        self.session = Session(app, lambda message: self.messages.append(json.loads(encode(message))))

    def fire(self, fn: int, *data: Any) -> list[dict[str, Any]]:
        """Run dependency ``fn``; return the messages of this event."""
        start = len(self.messages)
        event_id = f"e{next(_event_ids)}"
        asyncio.run(self.session.handle({"v": 1, "type": "event", "event_id": event_id, "fn": fn, "data": list(data)}))
        return self.messages[start:]

    def send_raw(self, raw: Any) -> list[dict[str, Any]]:
        start = len(self.messages)
        asyncio.run(self.session.handle(raw))
        return self.messages[start:]


def updates_of(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [update for message in messages if message["type"] == "update" for update in message["updates"]]


def final_stage(messages: list[dict[str, Any]]) -> str:
    return [message for message in messages if message["type"] == "status"][-1]["stage"]


def component(config: dict[str, Any], label: str) -> dict[str, Any]:
    matches = [c for c in config["components"] if c["props"].get("label") == label]
    assert len(matches) == 1, f"expected one component labelled {label!r}, found {len(matches)}"
    return matches[0]
