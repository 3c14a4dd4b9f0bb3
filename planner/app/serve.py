"""``planner serve``: the app in a web browser, via textual-serve.

Each browser tab starts its own ``planner app`` process with the same data dir
and library options, so the browser and the terminal see the same history.
"""

from __future__ import annotations

import argparse
import errno
import os
import shlex
import socket
import sys
from pathlib import Path

from planner.context import Context
from planner.domain.errors import PlannerError, UsageError

# planner's own page (a viewport for phones, nothing loaded from outside), in place of textual-serve's,
# and its icons: the tab's, and the one a phone shows for a shortcut on its home screen.
TEMPLATES = Path(__file__).resolve().parent / "web"
ICONS = {"/favicon.ico": "favicon.ico", "/icon.svg": "icon.svg", "/apple-touch-icon.png": "apple-touch-icon.png"}
MANIFEST = {"name": "planner", "short_name": "planner", "display": "standalone", "background_color": "#0c181f",
            "theme_color": "#0c181f", "icons": [{"src": "/icon.svg", "sizes": "any", "type": "image/svg+xml"},
                                                {"src": "/apple-touch-icon.png", "sizes": "180x180",
                                                 "type": "image/png"}]}


def serve(args: argparse.Namespace, context: Context) -> int:
    if not 1 <= args.port <= 65535:
        raise UsageError(f"--port: {args.port} is not a port number; use 1 to 65535")
    check_host(args.host, args.port)
    from aiohttp import web

    from planner.app.web_guard import GuardedServer

    class PlannerServer(GuardedServer):
        """The guarded server, with planner's icons and web-app manifest beside the page."""

        async def _make_app(self) -> web.Application:
            app = await super()._make_app()
            for route, name in ICONS.items():
                app.router.add_get(route, lambda _request, name=name: web.FileResponse(
                    TEMPLATES / name, headers={"Cache-Control": "max-age=86400"}))
            app.router.add_get("/manifest.webmanifest", lambda _request: web.json_response(
                MANIFEST, content_type="application/manifest+json"))
            return app

    command = [sys.executable, "-m", "planner", "app", "--data-dir", str(context.data_dir)]
    for folder in context.library_dirs:
        command += ["--library", str(folder)]
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"planner: serving on {args.host}: anyone who can reach this address can see and change "
              "your history once they have the printed address with its token, and the connection is not "
              "encrypted: use it only on a network you trust.", file=sys.stderr)
    # exec: the shell becomes the app, so ending the process a tab started ends the app itself.
    server = PlannerServer("exec " + shlex.join(command), host=args.host, port=args.port, title="planner",
                           templates_path=TEMPLATES)
    try:
        server.serve()
    except OSError as err:
        why = os.strerror(err.errno) if err.errno else str(err)
        if err.errno in (errno.EADDRINUSE, errno.EACCES):
            raise PlannerError(f"serve: cannot listen on {args.host}:{args.port} ({why}); "
                               "choose another --port, or stop what is using it") from None
        raise PlannerError(f"serve: cannot listen on {args.host}:{args.port} ({why}); --host {args.host} is not "
                           "an address of this machine: use 127.0.0.1, or one from 'ip addr'") from None
    return 0


def check_host(host: str, port: int) -> None:
    """Refuse an empty ``--host`` (it would listen on every interface) and one that is no address at all,
    naming the host, not the port, as the problem."""
    if not host.strip():
        raise UsageError("--host: is empty, which would listen on every network interface; give an address, "
                         "e.g. --host 127.0.0.1 (this machine only) or --host 0.0.0.0 (every interface, on purpose)")
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (OSError, UnicodeError) as err:
        why = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        raise UsageError(f"--host: {host} is not an address planner can listen on ({why}); "
                         "use e.g. 127.0.0.1, ::1 or 0.0.0.0") from None
    family, kind, proto, _name, address = found[0]
    try:  # an address of another machine is refused before the "anyone who can reach it" warning is printed
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as err:
        if err.errno == errno.EADDRNOTAVAIL:
            raise UsageError(f"--host: {host} is not an address of this machine; use 127.0.0.1, ::1 or 0.0.0.0, "
                             "or one from 'ip addr'") from None
        # a port in use, or one only root may take: serve() says so when it listens
