"""What the server refuses: files outside its folders, oversized uploads, a full queue, strangers."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import httpx
import pytest
from gradio_client.exceptions import AuthenticationError
from serving import TIMEOUT, client, http, served
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

import pagelet as gr


def echo(text: str) -> str:
    return text


@pytest.fixture
def folders(tmp_path: Path) -> dict[str, Path]:
    allowed = tmp_path / "allowed"
    (allowed / "blocked").mkdir(parents=True)
    (allowed / "public.txt").write_text("public")
    (allowed / ".env").write_text("SECRET=1")
    (allowed / "blocked" / "hidden.txt").write_text("blocked")
    outside = tmp_path / "outside.txt"
    outside.write_text("outside")
    os.symlink(outside, allowed / "escape.txt")
    return {"allowed": allowed, "outside": outside}


@pytest.fixture
def file_server(folders: dict[str, Path]):
    demo = gr.Interface(echo, "textbox", "textbox")
    allowed = folders["allowed"]
    with served(demo, allowed_paths=[str(allowed)], blocked_paths=[str(allowed / "blocked")], max_file_size="1kb") as url:
        with http(url) as session:
            yield session, folders


def test_files_in_allowed_paths_are_served(file_server) -> None:
    session, folders = file_server
    response = session.get(f"gradio_api/file={folders['allowed'] / 'public.txt'}")
    assert response.status_code == 200
    assert response.text == "public"


@pytest.mark.parametrize(
    "requested",
    [
        "{allowed}/../outside.txt",
        "{allowed}/%2e%2e/outside.txt",
        "{allowed}/..%2foutside.txt",
        "{allowed}/escape.txt",
        "{allowed}/.env",
        "{allowed}/blocked/hidden.txt",
        "/etc/passwd",
        "{allowed}/missing.txt",
        "{allowed}",
    ],
    ids=["traversal", "encoded-traversal", "encoded-slash", "symlink-escape", "dotfile", "blocked", "absolute", "missing", "directory"],
)
def test_files_outside_or_forbidden_are_not_found(file_server, requested: str) -> None:
    session, folders = file_server
    path = requested.format(allowed=folders["allowed"])
    response = session.get(httpx.URL(str(session.base_url) + f"gradio_api/file={path}"))
    assert response.status_code == 404
    assert "outside" not in response.text and "SECRET" not in response.text and "blocked" != response.text


def test_an_upload_is_stored_and_served_back(file_server) -> None:
    session, _ = file_server
    response = session.post("gradio_api/upload", files=[("files", ("../../notes.txt", b"hello"))])
    assert response.status_code == 200
    [stored] = response.json()
    assert Path(stored).name == "notes.txt"
    assert session.get(f"gradio_api/file={stored}").text == "hello"


def test_an_upload_over_max_file_size_is_refused(file_server) -> None:
    session, _ = file_server
    response = session.post("gradio_api/upload", files=[("files", ("big.bin", b"x" * 5000))])
    assert response.status_code == 413
    assert "limit" in response.json()["detail"]


def test_a_full_queue_refuses_cleanly_and_the_app_keeps_working() -> None:
    release = threading.Event()

    def slow(text: str) -> str:
        release.wait(TIMEOUT)
        return text

    demo = gr.Interface(slow, "textbox", "textbox").queue(max_size=1, default_concurrency_limit=1)
    with served(demo) as url:
        with http(url) as session:
            def join(session_hash: str) -> httpx.Response:
                return session.post("gradio_api/queue/join", json={"fn_index": 0, "data": ["x"], "session_hash": session_hash})

            assert join("first").status_code == 200
            # The first runs; one may wait; the third is refused.
            assert _wait_until_running(session, "first")
            assert join("second").status_code == 200
            refused = join("third")
            assert refused.status_code == 503
            assert refused.json() == {"detail": "Queue is full."}
            release.set()
        assert client(url).predict("again", api_name="/slow") == "again"


def _wait_until_running(session: httpx.Client, session_hash: str) -> bool:
    with session.stream("GET", "gradio_api/queue/data", params={"session_hash": session_hash}) as stream:
        for line in stream.iter_lines():
            if line.startswith("data:") and json.loads(line[5:])["msg"] == "process_starts":
                return True
    return False


def test_malformed_joins_are_refused_with_a_reason() -> None:
    demo = gr.Interface(echo, "textbox", "textbox")
    with served(demo) as url, http(url) as session:
        for body in ([], {"fn_index": 99, "data": [], "session_hash": "s"}, {"fn_index": 0, "data": "x", "session_hash": "s"}):
            response = session.post("gradio_api/queue/join", json=body)
            assert response.status_code == 422
            assert response.json()["detail"]
        assert session.post("gradio_api/queue/join", content=b"{not json").status_code == 422


# --- auth ----------------------------------------------------------------------------

ROUTES = [
    ("GET", "config"),
    ("GET", "gradio_api/config"),
    ("GET", "gradio_api/info"),
    ("POST", "gradio_api/queue/join"),
    ("GET", "gradio_api/queue/data?session_hash=s"),
    ("POST", "gradio_api/upload"),
    ("POST", "gradio_api/cancel"),
    ("GET", "gradio_api/file=/etc/hostname"),
    ("GET", "assets/page.js"),
]


@pytest.fixture(params=[("ada", "lovelace"), [("ada", "lovelace"), ("bob", "builder")], lambda user, password: password == user[::-1]])
def private_url(request: pytest.FixtureRequest):
    demo = gr.Interface(echo, "textbox", "textbox")
    with served(demo, auth=request.param) as url:
        yield url, "ada", "lovelace" if not callable(request.param) else "ada"


def test_every_route_needs_a_login(private_url) -> None:
    url, _, _ = private_url
    with http(url) as session:
        for method, path in ROUTES:
            assert session.request(method, path).status_code == 401, path
        page = session.get("")
        assert page.status_code == 302 and page.headers["location"] == "./login"


def test_the_socket_needs_a_login(private_url) -> None:
    url, _, _ = private_url
    with pytest.raises(InvalidStatus):
        connect(url.replace("http", "ws") + "ws", open_timeout=TIMEOUT).close()


def test_gradio_client_logs_in_and_calls(private_url) -> None:
    url, user, password = private_url
    with pytest.raises(AuthenticationError):
        client(url, auth=(user, "wrong"))
    assert client(url, auth=(user, password)).predict("hi", api_name="/echo") == "hi"


def test_a_logged_in_socket_gets_the_config(private_url) -> None:
    url, user, password = private_url
    with http(url) as session:
        assert session.post("login", data={"username": user, "password": password}).status_code == 200
        cookie = f"access-token={session.cookies['access-token']}"
    with connect(url.replace("http", "ws") + "ws", additional_headers={"Cookie": cookie}, open_timeout=TIMEOUT) as socket:
        assert json.loads(socket.recv(timeout=TIMEOUT))["type"] == "config"


def test_a_socket_from_another_origin_is_refused() -> None:
    demo = gr.Interface(echo, "textbox", "textbox")
    with served(demo) as url:
        socket_url = url.replace("http", "ws") + "ws"
        with pytest.raises(InvalidStatus):
            connect(socket_url, origin="http://evil.example", open_timeout=TIMEOUT).close()
        with connect(socket_url, origin=url.rstrip("/"), open_timeout=TIMEOUT) as socket:
            assert json.loads(socket.recv(timeout=TIMEOUT))["type"] == "config"


def test_no_cross_origin_headers_by_default() -> None:
    demo = gr.Interface(echo, "textbox", "textbox")
    with served(demo) as url, http(url) as session:
        response = session.get("config", headers={"Origin": "http://evil.example"})
        assert "access-control-allow-origin" not in response.headers
