"""JSON schemas of values several components share, as Gradio's /gradio_api/info writes them."""

from __future__ import annotations

from typing import Any


def optional_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` or null, defaulting to null (pydantic's ``X | None = None``)."""
    return {"anyOf": [schema, {"type": "null"}], "default": None}


# Gradio's FileData: what handle_file() sends and file outputs return.
FILE_DATA_SCHEMA: dict[str, Any] = {
    "title": "FileData",
    "type": "object",
    "properties": {
        "path": {"type": "string"},
        "url": optional_schema({"type": "string"}),
        "size": optional_schema({"type": "integer"}),
        "orig_name": optional_schema({"type": "string"}),
        "mime_type": optional_schema({"type": "string"}),
        "is_stream": {"type": "boolean", "default": False},
        "meta": {"type": "object", "default": {"_type": "gradio.FileData"}},
    },
    "required": ["path"],
    "additionalProperties": False,
}
