"""Gradio's HTTP protocols spoken with a plain HTTP client (the standard library's ``http.client``).

``gradio_client`` polls its stream reader every 50 ms, which hides how fast a
server answers; these clients read each reply the moment it arrives, over one
keep-alive connection per client, so the figures are the server's.

- ``QueueClient.call``: ``POST /gradio_api/queue/join``, then
  ``GET /gradio_api/queue/data`` read to its end (the page and both of
  Gradio's clients use this protocol).
- ``RestClient.call``: ``POST /gradio_api/call/<api_name>``, then
  ``GET /gradio_api/call/<api_name>/<event_id>`` (Gradio's curl API).
"""

from __future__ import annotations

import http.client
import json
import secrets
from typing import Any
from urllib.parse import urlsplit

TIMEOUT = 60


def _connection(url: str) -> http.client.HTTPConnection:
    parts = urlsplit(url)
    return http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port or 80, timeout=TIMEOUT)


def _json(response: http.client.HTTPResponse) -> Any:
    body = response.read()
    if response.status != 200:
        raise RuntimeError(f"HTTP {response.status}: {body[:200]!r}")
    return json.loads(body)


def _events(response: http.client.HTTPResponse) -> list[tuple[str | None, Any]]:
    """Every ``(event name, data)`` of an event stream, read to its end."""
    if response.status != 200:
        raise RuntimeError(f"HTTP {response.status}: {response.read()[:200]!r}")
    events: list[tuple[str | None, Any]] = []
    name: str | None = None
    while line := response.readline():
        if line.startswith(b"event:"):
            name = line[6:].strip().decode()
        elif line.startswith(b"data:"):
            events.append((name, json.loads(line[5:])))
            name = None
    return events


def fn_index(url: str, api_name: str) -> int:
    """The index of the function named ``api_name``, read from ``/config``."""
    connection = _connection(url)
    try:
        connection.request("GET", "/config")
        config = _json(connection.getresponse())
    finally:
        connection.close()
    return next(dependency["id"] for dependency in config["dependencies"] if dependency.get("api_name") == api_name)


class QueueClient:
    """One visitor of Gradio's queue protocol: a session hash per call, as ``gradio_client`` does per job."""

    def __init__(self, url: str, fn: int) -> None:
        self._connection = _connection(url)
        self._fn = fn

    def call(self, *data: Any) -> list[Any]:
        session_hash = secrets.token_hex(6)
        body = json.dumps({"data": list(data), "fn_index": self._fn, "session_hash": session_hash, "event_data": None, "trigger_id": None})
        self._connection.request("POST", "/gradio_api/queue/join", body, {"Content-Type": "application/json"})
        _json(self._connection.getresponse())
        self._connection.request("GET", f"/gradio_api/queue/data?session_hash={session_hash}")
        for _, message in _events(self._connection.getresponse()):
            if message["msg"] == "process_completed":
                if not message["success"]:
                    raise RuntimeError(f"the call failed: {message['output']}")
                return message["output"]["data"]
        raise RuntimeError("the stream ended without process_completed")

    def close(self) -> None:
        self._connection.close()


class RestClient:
    """One caller of Gradio's REST call API."""

    def __init__(self, url: str, api_name: str) -> None:
        self._connection = _connection(url)
        self._path = f"/gradio_api/call/{api_name}"

    def call(self, *data: Any) -> list[Any]:
        self._connection.request("POST", self._path, json.dumps({"data": list(data)}), {"Content-Type": "application/json"})
        event_id = _json(self._connection.getresponse())["event_id"]
        self._connection.request("GET", f"{self._path}/{event_id}")
        for name, value in _events(self._connection.getresponse()):
            if name == "complete":
                return value
            if name == "error":
                raise RuntimeError(f"the call failed: {value}")
        raise RuntimeError("the stream ended without event: complete")

    def close(self) -> None:
        self._connection.close()


def rest_api_served(url: str, api_name: str) -> bool:
    """Does the server answer Gradio's REST call API (a 404 means it has none)?"""
    connection = _connection(url)
    try:
        connection.request("POST", f"/gradio_api/call/{api_name}", json.dumps({"data": ["probe"]}), {"Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        return response.status == 200
    finally:
        connection.close()
