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

# planner's own page (a viewport for phones, nothing loaded from outside), in place of textual-serve's.
TEMPLATES = Path(__file__).resolve().parent / "web"


def serve(args: argparse.Namespace, context: Context) -> int:
    if not 1 <= args.port <= 65535:
        raise UsageError(f"--port: {args.port} is not a port number; use 1 to 65535")
    check_host(args.host, args.port)
    from planner.app.web_guard import GuardedServer

    command = [sys.executable, "-m", "planner", "app", "--data-dir", str(context.data_dir)]
    for folder in context.library_dirs:
        command += ["--library", str(folder)]
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"planner: serving on {args.host}: anyone who can reach this address can see and change "
              "your history once they have the printed address with its token, and the connection is not "
              "encrypted: use it only on a network you trust.", file=sys.stderr)
    # exec: the shell becomes the app, so ending the process a tab started ends the app itself.
    server = GuardedServer("exec " + shlex.join(command), host=args.host, port=args.port, title="planner",
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
        socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (OSError, UnicodeError) as err:
        why = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        raise UsageError(f"--host: {host} is not an address planner can listen on ({why}); "
                         "use e.g. 127.0.0.1, ::1 or 0.0.0.0") from None
