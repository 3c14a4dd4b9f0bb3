"""The lock on ``planner serve``: who may load the page and drive the app through its websocket.

textual-serve accepts a websocket from any web page and ignores the ``Host`` header, so any page open
in the person's browser could type into their planner (a cross-site websocket), and a page on a domain
that re-points its DNS at 127.0.0.1 could read it (DNS rebinding). Three checks close that, as
Jupyter's server does:

- every request must name this server in ``Host``: its own ``--host``, ``localhost`` or an IP address
  (a rebinding attack always arrives under the attacker's domain name), with the port it listens on;
- the page (``/?token=...``) and the websocket (``/ws/TOKEN``) need an unguessable token, made fresh
  each run and printed only to the person who started ``serve``;
- the websocket must come from a page of this very server: ``Origin`` equal to ``http://`` + ``Host``.

Each websocket drives a ``planner app`` process of its own (~40 MB), so the server also bounds what a
tab can cost: at most :data:`MAX_TABS` at once (one more is refused with a sentence), no message over
:data:`MAX_MESSAGE_BYTES`, and the process is ended when its socket closes, asked to quit, then
SIGTERM, then SIGKILL, each after :data:`STOP_GRACE_SECONDS`, so a busy or stuck app never outlives its tab.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import secrets
import signal
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, log, to_int
from yarl import URL

REFUSED = "planner serve: open the address that 'planner serve' printed (it ends in ?token=...)"
MAX_TABS = 4
MAX_MESSAGE_BYTES = 64 * 1024  # keys, pastes and resizes; aiohttp's default of 4 MB is far more than a tab needs
STOP_GRACE_SECONDS = 2.0


class GuardedServer(Server):
    """textual-serve's server with the host, token and origin checks; the rest is unchanged."""

    def __init__(self, command: str, *, host: str, port: int, title: str, token: str | None = None,
                 max_tabs: int = MAX_TABS, **kwargs: Any) -> None:
        super().__init__(command, host=host, port=port, title=title, **kwargs)
        self.token = token or secrets.token_urlsafe(32)
        self.max_tabs = max_tabs
        self.tabs = 0

    @property
    def url(self) -> str:
        """The address to open: the only thing that lets a browser in."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/?token={self.token}"

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._check_host])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes([
            web.get("/", self.handle_index, name="index"),
            web.get("/ws/{token}", self.handle_websocket, name="websocket"),
            web.get("/download/{key}", self.handle_download, name="download"),
            web.static("/static", self.statics_path, name="static"),  # no folder listings
        ])
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    def serve(self, debug: bool = False) -> None:
        """As textual-serve's, but the address is printed once the socket listens (not before a failed
        bind), and a bind failure is raised as the ``OSError`` it is."""
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        for signal_number in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(signal_number, self.request_exit)
        web.run_app(self._make_app(), host=self.host, port=self.port, handle_signals=False, loop=loop,
                    print=lambda *_: self._announce())

    async def on_startup(self, app: web.Application) -> None:
        """textual-serve prints its banner and a token-less address here; planner prints after binding."""

    def _announce(self) -> None:
        print("planner: serving the app; open this address in your browser (ctrl+c stops):", flush=True)
        print(self.url, flush=True)

    def host_allowed(self, header: str | None) -> bool:
        """``Host`` names this server: its port, and its own host name, ``localhost`` or an IP address."""
        if not header:
            return False
        try:
            url = URL(f"http://{header}")
            name, port = url.host, url.port
        except ValueError:
            return False
        if name is None or port != self.port or url.path not in ("", "/") or url.user or url.query_string:
            return False
        name = name.lower().rstrip(".")
        if name in ("localhost", self.host.lower()):
            return True
        try:
            ipaddress.ip_address(name.strip("[]"))
        except ValueError:
            return False
        return True

    @web.middleware
    async def _check_host(self, request: web.Request, handler: Any) -> web.StreamResponse:
        if not self.host_allowed(request.headers.get("Host")):
            raise web.HTTPForbidden(text="planner serve: unknown Host; use the address it printed\n")
        return await handler(request)

    def _token_ok(self, given: str | None) -> bool:
        return given is not None and secrets.compare_digest(given.encode(), self.token.encode())

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        """The page, with the websocket address built from the ``Host`` it was loaded from (already
        checked), so the page's origin and the websocket's host always match."""
        if not self._token_ok(request.query.get("token")):
            raise web.HTTPForbidden(text=REFUSED + "\n")
        return {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": f"ws://{request.headers['Host']}/ws/{self.token}",
            "config": {"static": {"url": "/static/"}},
            "application": {"name": self.title},
        }

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        if not self._token_ok(request.match_info.get("token")):
            raise web.HTTPForbidden(text=REFUSED + "\n")
        origin = request.headers.get("Origin", "")
        if origin.lower() != f"http://{request.headers['Host']}".lower():
            raise web.HTTPForbidden(text="planner serve: the websocket is open only to this server's own page\n")
        if self.tabs >= self.max_tabs:
            raise web.HTTPServiceUnavailable(
                text=f"planner serve: {self.max_tabs} tabs already have the app open; close one and reload this page\n")
        self.tabs += 1
        try:
            return await self._drive(request)
        finally:
            self.tabs -= 1

    async def _drive(self, request: web.Request) -> web.WebSocketResponse:
        """textual-serve's websocket handler, with a bounded message size and an app that is ended for
        sure when the socket closes."""
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_MESSAGE_BYTES)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        service: AppService | None = None
        try:
            await websocket.prepare(request)
            service = AppService(self.command, write_bytes=websocket.send_bytes, write_str=websocket.send_str,
                                 close=websocket.close, download_manager=self.download_manager, debug=self.debug)
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # noqa: BLE001 (a bad message ends this tab, never the server)
            log.warning("planner serve: a tab was closed: %s", error)
        finally:
            if service is not None:
                await end_app(service)
        return websocket


async def end_app(service: AppService, grace: float = STOP_GRACE_SECONDS) -> None:
    """End a tab's app: ask it to quit; if it has not within ``grace``, SIGTERM; then SIGKILL."""
    process = service._process  # noqa: SLF001 (textual-serve keeps the process to itself)
    with contextlib.suppress(Exception):
        await asyncio.wait_for(service.stop(), grace)
    if process is None or process.returncode is not None:
        return
    for end in (process.terminate, process.kill):
        with contextlib.suppress(ProcessLookupError):
            end()
        try:
            await asyncio.wait_for(process.wait(), grace)
            return
        except TimeoutError:
            continue
