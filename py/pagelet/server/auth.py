"""Login for ``launch(auth=...)``: a form, a cookie, and a gate on every route and socket.

A successful login sets an unguessable ``access-token`` cookie that maps to
the user in this process. Without it, the page redirects to the login form,
API routes answer 401 and sockets are closed before they open.
"""

from __future__ import annotations

import html
import secrets

from starlette.requests import HTTPConnection, Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from .options import AuthCheck

COOKIE = "access-token"
# Reachable without logging in: the form and where it posts.
OPEN_PATHS = frozenset({"/login", "/gradio_api/login"})


class Logins:
    """The tokens handed out by this process."""

    def __init__(self, check: AuthCheck, message: str | None) -> None:
        self._check = check
        self._tokens: dict[str, str] = {}
        self.message = message

    def user(self, token: str | None) -> str | None:
        return self._tokens.get(token) if token else None

    def login(self, username: str, password: str) -> str | None:
        if not self._check(username, password):
            return None
        token = secrets.token_urlsafe(32)
        self._tokens[token] = username
        return token

    def logout(self, token: str | None) -> None:
        if token:
            self._tokens.pop(token, None)


class AuthGate:
    """ASGI middleware: lets a request through only with a valid login."""

    def __init__(self, app: ASGIApp, logins: Logins) -> None:
        self.app = app
        self.logins = logins

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        path, root = scope["path"], scope.get("root_path", "")
        if root and path.startswith(root):
            path = path[len(root):]
        connection = HTTPConnection(scope)
        if path in OPEN_PATHS or self.logins.user(connection.cookies.get(COOKIE)) is not None:
            await self.app(scope, receive, send)
            return
        if scope["type"] == "websocket":
            # Closing before accepting refuses the handshake (HTTP 403).
            await send({"type": "websocket.close", "code": 1008})
            return
        response: Response
        if path == "/" and scope["method"] == "GET":
            response = RedirectResponse("./login", status_code=302)
        else:
            response = JSONResponse({"detail": "Not authenticated"}, status_code=401)
        await response(scope, receive, send)


def login_page(message: str | None, failed: bool = False) -> HTMLResponse:
    note = f"<p>{html.escape(message)}</p>" if message else ""
    error = '<p role="alert">Incorrect Credentials</p>' if failed else ""
    body = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Login</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{font:16px system-ui,sans-serif;max-width:22rem;margin:4rem auto;padding:0 1rem}}
label{{display:block;margin:.75rem 0}}input{{display:block;width:100%;padding:.4rem;margin-top:.25rem}}
button{{padding:.5rem 1rem}}[role=alert]{{color:#b91c1c}}</style></head>
<body><h1>Login</h1>{note}{error}
<form method="post" action="login">
<label>Username<input name="username" autocomplete="username" required></label>
<label>Password<input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Login</button></form></body></html>"""
    return HTMLResponse(body, status_code=401 if failed else 200)


async def login_form(request: Request) -> Response:
    logins: Logins = request.app.state.logins
    return login_page(logins.message)


async def login_submit(request: Request) -> Response:
    logins: Logins = request.app.state.logins
    form = await request.form(max_files=0, max_fields=4)
    username, password = form.get("username"), form.get("password")
    token = logins.login(username, password) if isinstance(username, str) and isinstance(password, str) else None
    if token is None:
        return login_page(logins.message, failed=True)
    # gradio_client posts here too and reads the cookie from the answer.
    wants_page = "text/html" in request.headers.get("accept", "")
    response: Response = RedirectResponse("./", status_code=303) if wants_page else JSONResponse({"success": True})
    response.set_cookie(COOKIE, token, httponly=True, samesite="lax", path="/")
    return response


async def logout(request: Request) -> Response:
    logins: Logins = request.app.state.logins
    logins.logout(request.cookies.get(COOKIE))
    response = RedirectResponse("./", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response

