"""What a static page says about ``launch()`` options that need a server.

In the browser there is no server: options such as ``mcp_server=True`` are
accepted (the same app file runs on both), and the page tells the person
once, as an info note, instead of failing or ignoring them silently.
"""

from __future__ import annotations

import os
from typing import Any

MCP_NOT_SERVED = (
    "mcp_server=True: this page runs in the browser with no server, so it has no MCP endpoint. "
    "Run the same app with `pagelet run app.py` to serve its functions as MCP tools."
)


def launch_notes(options: dict[str, Any]) -> list[str]:
    """The notes to show for the ``launch()`` options a static page cannot act on."""
    notes = []
    asked = options.get("mcp_server")
    if asked or (asked is None and os.environ.get("GRADIO_MCP_SERVER", "").lower() in ("1", "true", "yes")):
        notes.append(MCP_NOT_SERVED)
    return notes
