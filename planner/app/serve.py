"""``planner serve``: the app in a web browser, via textual-serve.

Each browser tab starts its own ``planner app`` process with the same data dir
and library options, so the browser and the terminal see the same history.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from planner.context import Context
from planner.domain.errors import UsageError

# planner's own page (a viewport for phones, nothing loaded from outside), in place of textual-serve's.
TEMPLATES = Path(__file__).resolve().parent / "web"


def serve(args: argparse.Namespace, context: Context) -> int:
    if not 1 <= args.port <= 65535:
        raise UsageError(f"--port: {args.port} is not a port number; use 1 to 65535")
    from textual_serve.server import Server

    command = [sys.executable, "-m", "planner", "app", "--data-dir", str(context.data_dir)]
    for folder in context.library_dirs:
        command += ["--library", str(folder)]
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"planner: serving on {args.host}: anyone who can reach this address can see and change "
              "your history. There is no password.", file=sys.stderr)
    Server(shlex.join(command), host=args.host, port=args.port, title="planner",
           templates_path=TEMPLATES).serve()
    return 0
