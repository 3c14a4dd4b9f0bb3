"""``planner serve``: the app in a web browser, via textual-serve.

Each browser tab starts its own ``planner app`` process with the same data dir
and library options, so the browser and the terminal see the same history.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from pathlib import Path

from planner.context import Context
from planner.domain.errors import PlannerError, UsageError

# planner's own page (a viewport for phones, nothing loaded from outside), in place of textual-serve's.
TEMPLATES = Path(__file__).resolve().parent / "web"


def serve(args: argparse.Namespace, context: Context) -> int:
    if not 1 <= args.port <= 65535:
        raise UsageError(f"--port: {args.port} is not a port number; use 1 to 65535")
    from planner.app.web_guard import GuardedServer

    command = [sys.executable, "-m", "planner", "app", "--data-dir", str(context.data_dir)]
    for folder in context.library_dirs:
        command += ["--library", str(folder)]
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"planner: serving on {args.host}: anyone who can reach this address can see and change "
              "your history once they have the printed address with its token, and the connection is not "
              "encrypted: use it only on a network you trust.", file=sys.stderr)
    server = GuardedServer(shlex.join(command), host=args.host, port=args.port, title="planner",
                           templates_path=TEMPLATES)
    try:
        server.serve()
    except OSError as err:
        raise PlannerError(f"serve: cannot listen on {args.host}:{args.port} ({os.strerror(err.errno) if err.errno else err}); "
                           "choose another --port, or stop what is using it") from None
    return 0
