"""Open the Textual app; imported only when the app is wanted."""

from __future__ import annotations

import argparse
import gc
from concurrent.futures import ThreadPoolExecutor

from planner.context import Context


def run_app(args: argparse.Namespace, context: Context) -> int:
    from planner.app import first_face

    kept = first_face.lookup(context)
    face = first_face.face_in(context, kept)
    if face is not None:  # Today as it was last shown, for this very state: drawn first, the plan loaded after
        from planner.app.main import PlannerApp

        gc.freeze()  # as below
        app = PlannerApp(context, face=face)
        app.run()
        return app.return_code or 0
    from planner.app.data import AppData

    # Read the store while Textual is imported (SQLite and file reads let go of the GIL), so the
    # app opens straight on Today; a failure is raised again, and shown, inside the app.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="opening") as pool:
        data = AppData(context, keep_faces=True, first_key=kept)  # the key just read is the one before this load
        opening = pool.submit(data.load)
        from planner.app.main import PlannerApp

        # What the imports made (Textual's and planner's classes, functions, tables) lives as long as the
        # app: moved out of the collector's sight, so the collections while the first frame is drawn (and
        # every one after) do not walk it again. About 5 % of the instructions to Today's first frame.
        gc.freeze()
        app = PlannerApp(context, data, opening)
        app.run()
    # Textual has printed the traceback of a crash; the shell must see that it failed, too.
    return app.return_code or 0
