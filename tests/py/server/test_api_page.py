"""The "Use via API" page on a server: what it reads, and that it stays off the page's boot path."""

from __future__ import annotations

from pathlib import Path

import pytest
from serving import http, served

import pagelet as gr
from pagelet.server import page

STATIC = Path(page.__file__).resolve().parent / "static"


def shout(text: str) -> str:
    return text.upper() + "!"


@pytest.mark.skipif(not (STATIC / "index-page.js").exists(), reason="the page's scripts are not built (make build)")
def test_the_api_page_is_a_lazy_chunk_and_the_footer_link_is_in_the_page() -> None:
    boot = (STATIC / "index-page.js").read_text()
    assert "Use via API" in boot
    assert "from gradio_client import Client" not in boot
    chunks = [path.name for path in (STATIC / "chunks").glob("api-view-*.js")]
    assert len(chunks) == 1 and "from gradio_client import Client" in (STATIC / "chunks" / chunks[0]).read_text()


def test_the_api_page_reads_the_api_info_and_whether_mcp_is_served() -> None:
    demo = gr.Interface(shout, "textbox", "textbox")
    with served(demo) as url, http(url) as session:
        assert session.get("gradio_api/config").json()["mcp_server"] is False
        assert list(session.get("gradio_api/info").json()["named_endpoints"]) == ["/shout"]
        assert session.get("/", params={"view": "api"}).status_code == 200
    with served(demo, mcp_server=True) as url, http(url) as session:
        assert session.get("gradio_api/config").json()["mcp_server"] is True
