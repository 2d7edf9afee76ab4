"""The Starlette app that serves one ``Blocks``: page, socket, Gradio's API, files, login."""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import BaseRoute, Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles

from ..admission import Admission
from ..blocks import Blocks
from . import auth, call_api, heartbeat, routes
from .api_info import API_PREFIX
from .client_session import ClientSessions
from .files import ServerFolders
from .options import ServerOptions
from ..pages import page_list
from .page import STATIC, SOCKET_PATH, index


def thread_runner(executor: ThreadPoolExecutor) -> Callable[[Callable[..., Any], list[Any]], Any]:
    """Run blocking functions in ``executor``, in a copy of the caller's context
    (so ``gr.Info`` inside them still reaches the session that called)."""

    async def run_sync(fn: Callable[..., Any], args: list[Any]) -> Any:
        context = contextvars.copy_context()
        return await asyncio.get_running_loop().run_in_executor(executor, lambda: context.run(fn, *args))

    return run_sync


def create_app(blocks: Blocks, options: ServerOptions | None = None) -> Starlette:
    """A Starlette app serving ``blocks``; mount it, or run it with any ASGI server."""
    options = options or ServerOptions()
    blocks.attach_load_events()
    executor = ThreadPoolExecutor(max_workers=options.max_threads, thread_name_prefix="pagelet-fn")
    files = ServerFolders(options)
    api: list[BaseRoute] = [
        Route("/config", routes.config),
        Route("/info", routes.info),
        Route("/queue/join", routes.queue_join, methods=["POST"]),
        Route("/queue/data", routes.queue_data),
        Route("/cancel", routes.cancel, methods=["POST"]),
        Route("/upload", routes.upload, methods=["POST"]),
        Route("/file={path:path}", routes.file),
        Route("/call/{api_name}", call_api.call, methods=["POST"]),
        Route("/call/{api_name}/{event_id}", call_api.results),
        Route("/heartbeat/{session_hash}", heartbeat.heartbeat),
    ]
    pages: list[Any] = [
        Route("/", index),
        Route("/config", routes.config),
        WebSocketRoute("/" + SOCKET_PATH, routes.page_socket),
        # Each page of a multipage app (demo.route) is the same page at its own path; the host shows that page.
        *(Route("/" + path, index) for path, _name, _shown in page_list(blocks) if path),
    ]
    if STATIC.is_dir():
        pages.append(Mount("/assets", StaticFiles(directory=STATIC)))
    mcp = None
    if options.mcp_server:
        from .mcp_server import McpEndpoint  # the optional ``mcp`` package, only when asked for

        mcp = McpEndpoint(blocks)
        api += mcp.routes()
    middleware: list[Middleware] = []
    logins = None
    if options.auth is not None:
        logins = auth.Logins(options.auth, options.auth_message)
        pages += [
            Route("/login", auth.login_form),
            Route("/login", auth.login_submit, methods=["POST"]),
            Route("/logout", auth.logout),
        ]
        api.append(Route("/login", auth.login_submit, methods=["POST"]))
        middleware.append(Middleware(auth.AuthGate, logins=logins))

    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        async with mcp.running() if mcp is not None else contextlib.nullcontext():
            yield
        executor.shutdown(wait=False, cancel_futures=True)
        app.state.client_sessions.close()
        files.close()

    app = Starlette(routes=[*pages, Mount(API_PREFIX, routes=api)], middleware=middleware, lifespan=lifespan)
    app.state.blocks = blocks
    app.state.options = options
    app.state.files = files
    app.state.logins = logins
    app.state.run_sync = thread_runner(executor)
    # As in Gradio, max_threads also bounds the events running at once.
    app.state.admission = Admission(blocks, max_jobs=options.max_threads)
    app.state.client_sessions = ClientSessions(blocks, app.state.admission, app.state.run_sync, options, files)
    if mcp is not None:
        mcp.bind(app.state)
    return app
