"""The ``planner`` command: parse, dispatch, and render errors as one line each.

Handlers live in per-topic modules imported only when their command runs,
so ``planner today`` never pays for Textual or for commands it does not use.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import signal
import sys
import threading
from collections.abc import Sequence

HANDLERS = {
    "validate": "planner.cli.library_commands:validate",
    "library": "planner.cli.library_commands:list_exercises",
    "show": "planner.cli.library_commands:show_exercise",
    "schema": "planner.cli.library_commands:write_schemas",
    "programs": "planner.cli.library_commands:list_programs",
    "plan": "planner.cli.plan_commands:plan",
    "today": "planner.cli.session_commands:today",
    "done": "planner.cli.session_commands:done",
    "undo": "planner.cli.session_commands:undo",
    "skip": "planner.cli.session_commands:skip",
    "history": "planner.cli.session_commands:history",
    "pain": "planner.cli.pain_commands:pain",
    "note": "planner.cli.note_command:note",
    "relief": "planner.cli.relief_command:relief",
    "migrate": "planner.cli.migrate_command:migrate",
    "resume": "planner.cli.pain_commands:resume",
    "screen": "planner.cli.screen_commands:screen",
    "function": "planner.cli.function_commands:function",
    "adjustments": "planner.cli.pain_commands:adjustments",
    "simulate": "planner.cli.simulate_command:simulate",
    "export": "planner.cli.export_commands:export",
    "import": "planner.cli.export_commands:import_plan",
    "report": "planner.cli.report_command:report",
    "lessons": "planner.cli.lesson_commands:list_lessons",
    "lesson": "planner.cli.lesson_commands:show_lesson",
    "status": "planner.cli.status_commands:status",
    "calendar": "planner.cli.status_commands:calendar",
    "app": "planner.cli.app_command:run_app",
    "serve": "planner.app.serve:serve",
}


# Commands whose output can come from the read model (planner/store/views.py) while nothing changed.
VIEWS = ("today", "status")


# Writes after which today's and the status line's views are worked out and kept at once, so the next
# ``planner today`` or ``planner status --line`` (a tmux status bar: every few seconds) prints a kept view.
KEEP_VIEWS_AFTER = ("done", "pain", "undo", "skip")


# Writes a plain run of which (no ids, no date, no options) can be replayed from the read model: the rows the
# command would write, rehearsed when the views were kept (planner/cli/prepared_writes.py).
PREPARED = ("done", "pain")


# Commands whose output is a full-screen program (Textual, the web server's log), not lines of text.
RAW_OUTPUT = ("app", "serve")


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit status (0 done, 1 refused or failed, 2 bad usage)."""
    from planner.cli.output import OutputError, guarded_streams, silence_stdout

    try:
        with guarded_streams():
            try:
                code = _run(argv)
            except SystemExit as stop:  # argparse: --help, --version, or a usage error already printed
                code = stop.code if isinstance(stop.code, int) else int(stop.code is not None)
            sys.stdout.flush()
        return code
    except BrokenPipeError:  # the reader has gone (``| head``): stop quietly, as Unix tools do
        silence_stdout()
        return 0
    except OutputError as err:  # ``> /dev/full``, ``>&-``: say so once
        silence_stdout()
        with contextlib.suppress(OSError, ValueError, AttributeError, UnicodeError):
            print(f"planner: {err}", file=sys.stderr)
        return 1


def _run(argv: Sequence[str] | None) -> int:
    from planner.cli.parser import build_parser, command_named

    argv = list(sys.argv[1:] if argv is None else argv)
    named = command_named(argv)
    if named is None and not {"-h", "--help", "--version"} & set(argv):
        named = "app"  # no command opens the app
    args = build_parser(only=named if named in HANDLERS else None).parse_args(argv)
    command = args.command or "app"
    kept = None
    if command in VIEWS:
        from planner.actions import views
        from planner.cli import read_model

        try:
            kept = views.lookup(command, args)
        except OSError:  # a folder that cannot be read: no view; the command itself says why, in one line
            kept = None
        if kept is not None and read_model.show(command, args, kept.views):
            return 0  # printed from the read model: nothing of the domain imported
    elif command in PREPARED:
        from planner.cli import prepared_writes

        if prepared_writes.plain(command, args):
            from planner.actions import views

            try:
                ready = views.lookup_prepared(command, args)
            except OSError:
                ready = None
            if ready is not None and prepared_writes.replay(command, args, ready):
                return 0  # written and printed from the read model: nothing of the domain imported
    module_name, _, function = HANDLERS[command].partition(":")
    try:
        return _dispatch(args, command, module_name, function, kept)
    finally:
        _say_damage()


def _say_damage() -> None:
    """Rows the store could not read and left out: said once, in one line, after the command."""
    rows = sys.modules.get("planner.store.record_rows")
    damage = getattr(rows, "DAMAGE", None)
    if damage:
        more = f" (and {len(damage) - 1} more)" if len(damage) > 1 else ""
        print(f"planner: {damage[0]}{more}; the rest of your history was read", file=sys.stderr)
        damage.clear()


def _dispatch(args: argparse.Namespace, command: str, module_name: str, function: str, kept: object = None) -> int:
    from planner.cli.output import unguarded_streams
    from planner.context import Context
    from planner.domain.errors import PlannerError

    try:
        context = Context.from_args(args)
        first_run = not context.database_exists()
        handler = getattr(importlib.import_module(module_name), function)
        if command in RAW_OUTPUT:
            with unguarded_streams():
                code = int(handler(args, context) or 0)
        elif kept is not None:
            from planner.actions.views import Kept, keeping

            assert isinstance(kept, Kept)
            _stop_cleanly_on_sigterm()
            with keeping(kept) as views:
                args.views = views
                code = int(handler(args, context) or 0)
                damage = getattr(sys.modules.get("planner.store.record_rows"), "DAMAGE", None)
                if code != 0 or damage:  # a damaged row is said on every run, so nothing is kept
                    views.clear()
                elif views:
                    _prepare_writes(views, context)
        else:
            _stop_cleanly_on_sigterm()
            code = int(handler(args, context) or 0)
            if code == 0 and command in KEEP_VIEWS_AFTER and not first_run:
                _keep_views(args, context)
        if first_run and context.database_exists() and command != "app":
            from planner.domain.pain.warning_signs import DISCLAIMER

            print(f"\nA note before you start: {DISCLAIMER}", file=sys.stderr)
        return code
    except PlannerError as err:
        field = getattr(err, "field", None)  # the domain names the input; the CLI adds its flag
        said = str(err)
        if not getattr(err, "problems", None):  # one refusal, one line: a value typed with a newline is shown escaped
            from planner.domain.files.control import visible

            said = visible(said, keep_layout=False)
        print(f"planner: --{field}: {said}" if field else f"planner: {said}", file=sys.stderr)
        return err.exit_code
    except Terminated:
        return 143
    except KeyboardInterrupt:
        print("planner: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader has gone: main() ends quietly
        raise
    except OSError as err:
        # The one place a path the system refused (a name too long, a folder not allowed, a
        # special file) becomes a line: a cousin of a case met before must not become a traceback.
        where = f"{err.filename}: " if err.filename else ""
        print(f"planner: {where}{err.strerror or err}; nothing was changed", file=sys.stderr)
        return 1


def _keep_views(args: argparse.Namespace, context: object) -> None:
    """After a write, work out what ``planner today`` and ``planner status`` now show and keep it (the read
    model, :mod:`planner.actions.views`), as those commands themselves would on their next run.

    Their output is not shown; anything either would say on standard error means nothing is kept (the
    command will say it itself next time), and so does a day ``planner today`` would first record something
    for (the gap rule's easing after a week away): this writes nothing. Never fails the write it follows.

    After a write for another day (``--date``: filling in days gone by, usually several in a row) the plain
    ``done`` and ``pain N`` are not rehearsed: the next write is most likely another day's too, and a plain one
    then runs its action and rehearses once."""
    import io

    from planner.actions import views as read_model

    shown = argparse.Namespace(**{**vars(args), "date": None, "json": False, "ascii": False, "line": True,
                                  "views_only": True})
    kept = read_model.lookup("today", shown)
    if kept is None or ({"today", "status"} <= set(kept.views) and read_model.rehearsed(kept)):
        return
    today = importlib.import_module("planner.cli.session_commands").today
    status = importlib.import_module("planner.cli.status_commands").status
    from planner.actions.reading import active_plan

    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = io.StringIO(), io.StringIO()  # type: ignore[assignment]
    try:
        with read_model.keeping(kept) as views:
            shown.views, shown.active = views, active_plan(context)  # read once for both views
            if today(shown, context) or status(shown, context) or getattr(
                    sys.modules.get("planner.store.record_rows"), "DAMAGE", None):
                views.clear()
            elif _for_today(args, context):
                _prepare_writes(views, context)  # not after a write for another day (see above)
    except (Exception, KeyboardInterrupt):  # noqa: BLE001 - the write is done and said; the views wait
        pass
    finally:
        sys.stdout, sys.stderr = saved


def _for_today(args: argparse.Namespace, context: object) -> bool:
    """Whether the write was for today (no ``--date``, or today's)."""
    date = getattr(args, "date", None)
    today = getattr(context, "today", None)
    return date is None or (today is not None and str(date).strip() == today.isoformat())


def _prepare_writes(views: dict, context: object) -> None:
    """Keep, with the views, what a plain ``done`` and ``pain N`` would write now (planner/cli/prepared_writes.py).
    Anything that goes wrong leaves them out: the commands then run themselves."""
    from planner.cli.prepared_writes import prepare

    try:
        views["prepared"] = prepare(context)  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 - a rehearsal never fails the command it follows; nothing is prepared
        views.pop("prepared", None)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is, so ``finally`` blocks (temporary files) still run."""


def _stop_cleanly_on_sigterm() -> None:
    def stop(signum: int, frame: object) -> None:
        raise Terminated

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, stop)
