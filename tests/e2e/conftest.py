"""Browser fixtures: a loopback static server and a Chromium that reaches nothing else."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import BrowserContext, Page

from pages import CHROMIUM, CHROMIUM_ARGS, DIST, REPO, Site, abort_foreign_requests, serve_directory


@pytest.fixture(scope="session")
def base_url() -> Iterator[str]:
    if not (DIST / "lite.js").exists():
        pytest.fail("dist/lite.js is missing: run `make build` first")
    server, url = serve_directory(REPO)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def foreign_requests(context: BrowserContext) -> list[str]:
    """Every request to a host other than loopback, each aborted."""
    return abort_foreign_requests(context)


@pytest.fixture
def page(page: Page, foreign_requests: list[str]) -> Iterator[Page]:
    page.set_default_timeout(15_000)
    yield page
    assert foreign_requests == [], f"requests left the host: {foreign_requests}"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    root = tmp_path_factory.mktemp("site")
    shutil.copytree(DIST, root, dirs_exist_ok=True)
    server, url = serve_directory(root)
    yield Site(root, url)
    server.shutdown()
