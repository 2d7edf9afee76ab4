"""Files the app offers the person for download (``download`` messages).

A function running in an event calls ``offer(name, text)``; the session that
runs the event sends it, and the host saves it through the browser. Outside an
event there is no page, and the offer is dropped.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable

DownloadSink = Callable[[str, str, str], None]

current_sink: contextvars.ContextVar[DownloadSink | None] = contextvars.ContextVar("pagelet_download_sink", default=None)


def offer(filename: str, text: str, mime: str = "text/plain") -> bool:
    """Offer ``text`` as a file named ``filename``; False when no page is listening."""
    sink = current_sink.get()
    if sink is None:
        return False
    sink(filename, text, mime)
    return True
