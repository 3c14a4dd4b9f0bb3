"""Open the Textual app; imported only when the app is wanted."""

from __future__ import annotations

import argparse

from planner.context import Context


def run_app(args: argparse.Namespace, context: Context) -> int:
    from planner.app.main import PlannerApp

    PlannerApp(context).run()
    return 0
