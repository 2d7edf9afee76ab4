"""What the server refuses: files outside its folders, oversized uploads, a full queue, strangers."""

from __future__ import annotations

import json
import os
import re
import threading
from pathlib import Path

import httpx
import pytest
from gradio_client import handle_file
from gradio_client.exceptions import AppError, AuthenticationError
from serving import TIMEOUT, client, http, queue_messages, served, wait_until
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
    assert response.json()["detail"] == "big.bin is 4.9 KB; this app accepts files up to 1000 B."


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
            assert refused.json() == {"detail": "Queue is full. Max size is 1 and size is 1."}
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
    ("GET", "assets/index-page.js"),
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


# --- files an app returns, and files a client names ---------------------------


@pytest.fixture
def returned_paths(tmp_path: Path) -> dict[str, Path]:
    """Paths an app might return that the server must not offer."""
    secret = Path("/etc/passwd")  # outside the working directory, the temp folder and allowed_paths
    (tmp_path / "blocked").mkdir()
    (tmp_path / "blocked" / "private.txt").write_text("blocked")
    (tmp_path / ".secret").write_text("SECRET=1")
    os.symlink(secret, tmp_path / "link.txt")
    return {
        "outside": secret,
        "symlink-escape": tmp_path / "link.txt",
        "dotfile": tmp_path / ".secret",
        "blocked": tmp_path / "blocked" / "private.txt",
    }


@pytest.mark.parametrize("kind", ["outside", "symlink-escape", "dotfile", "blocked"])
def test_a_returned_path_outside_the_allowed_folders_is_refused_and_not_served(
    returned_paths: dict[str, Path], tmp_path: Path, kind: str
) -> None:
    returned = returned_paths[kind]

    def leak(_: str) -> str:
        return str(returned)

    demo = gr.Interface(leak, gr.Textbox(label="Ask"), gr.File(label="Leak"))
    with served(demo, blocked_paths=[str(tmp_path / "blocked")]) as url:
        with pytest.raises(AppError, match=f"Cannot offer {returned}"):
            client(url).predict("x", api_name="/leak")
        with http(url) as session:
            assert session.get(f"gradio_api/file={returned}").status_code == 404


def test_the_refusal_names_allowed_paths_as_the_way_to_offer_a_file() -> None:
    def leak(_: str) -> str:
        return "/etc/passwd"

    demo = gr.Interface(leak, gr.Textbox(label="Ask"), gr.File(label="Leak"))
    with served(demo) as url:
        with pytest.raises(AppError, match=re.escape("add /etc to launch(allowed_paths=[...])")):
            client(url).predict("x", api_name="/leak")


@pytest.mark.parametrize(
    "value",
    [{"path": "/etc/passwd", "orig_name": "passwd", "meta": {"_type": "gradio.FileData"}}, "/etc/passwd", [{"path": "/etc/passwd"}]],
    ids=["file-data", "bare-path", "list"],
)
def test_a_client_cannot_name_a_file_it_did_not_upload(value: object) -> None:
    read: list[str] = []

    def size(path: str) -> str:
        read.append(path)
        return str(Path(path).stat().st_size)

    demo = gr.Interface(size, gr.File(label="Document"), gr.Textbox(label="Size"))
    with served(demo) as url:
        messages = queue_messages(url, 0, [value])
        completed = next(message for message in messages if message["msg"] == "process_completed")
        assert completed["success"] is False
        assert completed["output"]["error"].startswith("Cannot read /etc/passwd: a file input must be uploaded to this app first")
        with connect(url.replace("http", "ws") + "ws", open_timeout=TIMEOUT) as socket:
            socket.recv(timeout=TIMEOUT)
            socket.send(json.dumps({"v": 1, "type": "event", "event_id": "e1", "fn": 0, "data": [value]}))
            replies = [json.loads(socket.recv(timeout=TIMEOUT)) for _ in range(2)]
        assert [reply["type"] for reply in replies] == ["alert", "status"]
        assert replies[1]["stage"] == "error" and replies[1]["message"].startswith("Cannot read /etc/passwd")
    assert read == []


def test_gradio_client_is_told_the_upload_limit_and_the_server_enforces_it(tmp_path: Path) -> None:
    big = tmp_path / "big.bin"
    big.write_bytes(b"x" * 5000)
    demo = gr.Interface(echo, gr.File(label="Document"), gr.Textbox(label="Name"))
    with served(demo, max_file_size="1kb") as url:
        with pytest.raises(ValueError, match="exceeds the maximum file size of 1000 bytes"):
            client(url).predict(handle_file(big), api_name="/echo")
        with http(url) as session:
            refused = session.post("gradio_api/upload", files=[("files", ("big.bin", big.read_bytes()))])
        assert refused.status_code == 413


def test_an_initial_value_outside_the_allowed_folders_stops_the_page_with_the_reason() -> None:
    demo = gr.Interface(echo, gr.Textbox(label="Text"), gr.File(value="/etc/passwd", label="Leak"))
    with served(demo) as url:
        with connect(url.replace("http", "ws") + "ws", open_timeout=TIMEOUT) as socket:
            message = json.loads(socket.recv(timeout=TIMEOUT))
        assert message["type"] == "error" and message["fatal"] is True
        assert message["message"].startswith("Cannot offer /etc/passwd")
        with http(url) as session:
            assert session.get("gradio_api/file=/etc/passwd").status_code == 404


# --- auth: the gaps a stranger might try ------------------------------------------------

# Spellings of protected routes that a path-matching mistake could let through.
ROUTE_SPELLINGS = [
    ("GET", "//config"),
    ("GET", "gradio_api//info"),
    ("GET", "gradio_api/info/"),
    ("GET", "%67radio_api/info"),
    ("GET", "gradio_api/./info"),
    ("GET", "login/../config"),
    ("GET", "gradio_api/login/../info"),
    ("GET", "login/"),
    ("GET", "LOGIN/../config"),
    ("HEAD", "config"),
    ("OPTIONS", "gradio_api/info"),
    ("POST", "gradio_api/login/../queue/join"),
    ("GET", "gradio_api/file=" + str(Path(__file__))),
    ("GET", "assets/"),
]


def _leaks_the_app(response: httpx.Response) -> bool:
    return response.status_code == 200 and ("components" in response.text or "named_endpoints" in response.text or "import" in response.text)


def test_no_spelling_of_a_route_gets_past_the_login() -> None:
    demo = gr.Interface(echo, "textbox", "textbox")
    with served(demo, auth=("ada", "lovelace")) as url, http(url, follow_redirects=False) as session:
        for method, path in ROUTE_SPELLINGS:
            response = session.request(method, httpx.URL(url + path))
            assert response.status_code in (302, 307, 401, 404, 405), (method, path, response.status_code)
            assert not _leaks_the_app(response), (method, path)
        # A made-up or stale cookie is no login.
        session.cookies.set("access-token", "made-up")
        assert session.get("config").status_code == 401


def test_socket_spellings_and_made_up_cookies_are_refused() -> None:
    demo = gr.Interface(echo, "textbox", "textbox")
    with served(demo, auth=("ada", "lovelace")) as url:
        socket_base = url.replace("http", "ws")
        for path in ("ws", "ws/", "/ws", "gradio_api/ws"):
            with pytest.raises(InvalidStatus):
                connect(socket_base + path, open_timeout=TIMEOUT).close()
        with pytest.raises(InvalidStatus):
            connect(socket_base + "ws", additional_headers={"Cookie": "access-token=made-up"}, open_timeout=TIMEOUT).close()


def test_logging_out_ends_the_login_for_every_route() -> None:
    demo = gr.Interface(echo, "textbox", "textbox")
    with served(demo, auth=("ada", "lovelace")) as url, http(url, follow_redirects=False) as session:
        assert session.post("login", data={"username": "ada", "password": "lovelace"}).status_code == 200
        token = session.cookies["access-token"]
        assert session.get("config").status_code == 200
        session.get("logout")
        session.cookies.set("access-token", token)  # a copy of the old cookie, kept by an attacker
        assert session.get("config").status_code == 401
        with pytest.raises(InvalidStatus):
            connect(url.replace("http", "ws") + "ws", additional_headers={"Cookie": f"access-token={token}"}, open_timeout=TIMEOUT).close()


def test_a_mounted_private_app_needs_its_login_under_its_path() -> None:
    import threading as _threading

    import uvicorn
    from starlette.applications import Starlette
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route

    async def home(_: object) -> PlainTextResponse:
        return PlainTextResponse("home")

    host = Starlette(routes=[Route("/", home)])
    gr.mount_gradio_app(host, gr.Interface(echo, "textbox", "textbox"), path="/demo", auth=("ada", "lovelace"))
    server = uvicorn.Server(uvicorn.Config(host, host="127.0.0.1", port=0, log_level="warning", lifespan="on"))
    thread = _threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        assert wait_until(lambda: server.started)
        port = server.servers[0].sockets[0].getsockname()[1]
        with http(f"http://127.0.0.1:{port}/", follow_redirects=False) as session:
            assert session.get("").text == "home"
            for path in ("demo/config", "demo/gradio_api/info", "demo//config", "demo/gradio_api/file=/etc/hostname"):
                assert session.get(path).status_code == 401, path
            assert session.post("demo/login", data={"username": "ada", "password": "lovelace"}).status_code == 200
            assert session.get("demo/config").status_code == 200
    finally:
        server.should_exit = True
        thread.join(TIMEOUT)


# --- served files cannot run script on the app's origin ---------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("page.html", b"<script>parent.__xss()</script>"),
        ("picture.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="__xss()"/>'),
        ("page.xhtml", b'<html xmlns="http://www.w3.org/1999/xhtml"><script>__xss()</script></html>'),
        ("notes.txt", b"<script>__xss()</script>"),
        ("no-extension", b"<html><script>__xss()</script>"),
    ],
)
def test_an_uploaded_file_is_served_so_that_it_cannot_run_script(name: str, content: bytes) -> None:
    demo = gr.Interface(echo, "textbox", "textbox")
    with served(demo) as url, http(url) as session:
        [stored] = session.post("gradio_api/upload", files=[("files", (name, content))]).json()
        response = session.get(f"gradio_api/file={stored}")
        assert response.status_code == 200 and response.content == content
        # The browser neither guesses a type nor runs what the file says, and documents are downloads.
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "sandbox" in response.headers["content-security-policy"]
        kind = response.headers["content-type"].split(";")[0]
        if kind not in ("text/plain",):
            assert response.headers["content-disposition"].startswith("attachment"), kind


def test_pictures_and_sounds_are_still_shown_in_place(tmp_path: Path) -> None:
    demo = gr.Interface(echo, "textbox", "textbox")
    with served(demo) as url, http(url) as session:
        [stored] = session.post("gradio_api/upload", files=[("files", ("photo.png", b"\x89PNG\r\n\x1a\n"))]).json()
        response = session.get(f"gradio_api/file={stored}")
        assert response.headers["content-type"] == "image/png"
        assert "content-disposition" not in response.headers or response.headers["content-disposition"].startswith("inline")


def test_allowed_paths_may_hold_a_list_of_folders(tmp_path: Path) -> None:
    # Gradio's demos pass allowed_paths=[gr.media.MEDIA_PATHS], a list inside the list.
    from pagelet.server.options import ServerOptions

    first, second = tmp_path / "a", tmp_path / "b"
    options = ServerOptions.from_launch(allowed_paths=[[str(first), str(second)], str(tmp_path)])
    assert options.allowed_paths == [first.resolve(), second.resolve(), tmp_path.resolve()]
