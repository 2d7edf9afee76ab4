"""The pages of a multipage app: ``with demo.route("Name", "/path"):``.

As in Gradio 6, every page belongs to the same Blocks: one set of listeners,
so an event on one page may read and write components of another. In the
layout the pages are the children of one ``Pages`` block under the app's
root (like Tab under Tabs): the host shows one page at a time and draws the
navbar over them. An app with a single page never gets a ``Pages`` block, so
its layout is the one it always had.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Any

from .layouts import Layout
from .tree import BlockContext, current_context

if TYPE_CHECKING:
    from .blocks import Blocks

# URL segments the server (and Gradio's) already uses; a page may not take them.
RESERVED_PATHS = frozenset({
    "theme.css", "robots.txt", "pwa_icon", "manifest.json", "login", "logout", "svelte", "config",
    "static", "assets", "favicon.ico", "gradio_api", "monitoring", "ws",
})
_VALID_PATH = re.compile(r"^[a-zA-Z0-9\-._~!$&'()*+,;=:@\[\]]+$")


class Page(Layout):
    """One page: the blocks created under one ``demo.route(...)`` (the home page's path is "")."""

    TYPE = "page"
    PROPS = ("path", "name", "show_in_navbar")

    def __init__(self, path: str, name: str, show_in_navbar: bool = True) -> None:
        self.path = path
        self.name = name
        self.show_in_navbar = show_in_navbar
        super().__init__(render=False)


class Pages(Layout):
    """The app's pages, one shown at a time, with the navbar that links them."""

    TYPE = "pages"

    def __init__(self) -> None:
        super().__init__(render=False)

    @property
    def pages(self) -> list[Page]:
        return [child for child in self.children if isinstance(child, Page)]


def slug(name: str) -> str:
    """A page's default path from its name: ASCII, lower case, dashes for spaces."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text.lower())
    return re.sub(r"[-\s]+", "-", text).strip("-_")


def page_path(name: str, path: str | None, taken: set[str]) -> str:
    """The path a new page gets; an invalid one is refused with the reason."""
    if path:
        path = path.strip("/")
        if not _VALID_PATH.match(path):
            raise ValueError(
                f"Path {path!r} contains invalid characters: a page's path may hold letters, digits "
                "and -._~!$&'()*+,;=:@[]"
            )
        if path in RESERVED_PATHS:
            raise ValueError(f"Route with path {path!r} already exists")
    if not path:
        path = slug(name)
        if not path:
            raise ValueError(f"Route with path {name!r} is not valid: give the page a path")
    # Gradio's rule for a path already taken: prefix underscores until it is free.
    while path in RESERVED_PATHS or path in taken:
        path = "_" + path
    return path


def add_page(app: Blocks, name: str, path: str | None, show_in_navbar: bool) -> Page:
    """Open a new page of ``app``: the blocks created next (under ``with app``) go into it."""
    if current_context() is not None:
        raise ValueError(
            "You cannot create a route while inside a Blocks() context. "
            "Call route() outside the Blocks() context (unindent this line)."
        )
    pages = app.pages_block
    if pages is None:
        # The blocks made so far are the home page.
        pages = Pages()
        home = Page("", "Home")
        for child in list(app.children):
            home.add_child(child)
        pages.add_child(home)
        BlockContext.add_child(app, pages)
        app.pages_block = pages
    page = Page(page_path(name, path, {page.path for page in pages.pages}), name, show_in_navbar)
    pages.add_child(page)
    app.current_page = page
    return page


def page_list(app: Any) -> list[tuple[str, str, bool]]:
    """Gradio's ``pages`` config entry: (path, name, show_in_navbar) of each page."""
    pages: Pages | None = getattr(app, "pages_block", None)
    if pages is None:
        return [("", "Home", True)]
    return [(page.path, page.name, page.show_in_navbar) for page in pages.pages]


def without_pages(config: dict[str, Any]) -> dict[str, Any]:
    """``config`` as Gradio's clients know it: no ``pages``/``page`` blocks, each page's blocks at the root.

    The host needs the page blocks to show one page at a time; Gradio's config has none.
    """
    wrappers = {entry["id"] for entry in config["components"] if entry["type"] in (Pages.TYPE, Page.TYPE)}
    if not wrappers:
        return config

    def unwrapped(node: dict[str, Any]) -> list[dict[str, Any]]:
        children = [child for grandchild in node.get("children", []) for child in unwrapped(grandchild)]
        if node["id"] in wrappers:
            return children
        return [{**node, "children": children}] if "children" in node else [node]

    return {
        **config,
        "components": [entry for entry in config["components"] if entry["id"] not in wrappers],
        "layout": unwrapped(config["layout"])[0],
    }
