"""The command-line grammar: one table of commands, handlers imported lazily.

Global options (``--data-dir``, ``--library``) are accepted before or after
the subcommand: they live on a parent parser shared by every subparser, with
``SUPPRESS`` defaults so a later position never erases an earlier one.
"""

from __future__ import annotations

import argparse

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs a quick command ~7 % of its floor
if TYPE_CHECKING:
    from typing import NoReturn

PAIN_WHEN = ("during", "after", "next-morning")
EASES = ("forward", "back", "neither")
JSON_HELP = "print JSON for scripts instead of text, e.g. --json | jq ."


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors: the message and where to read more, no usage dump."""

    def error(self, message: str) -> NoReturn:
        from planner.domain.files.control import visible  # an argument typed with a newline stays on one line

        self.exit(2, f"{self.prog}: {visible(_did_you_mean(message), keep_layout=False)} (see '{self.prog} --help')\n")

    def parse_args(self, args=None, namespace=None):  # type: ignore[no-untyped-def,override]
        """As argparse's, but an option the command does not know points to that command's help
        ('planner done --foo': see 'planner done --help'), where its options are listed."""
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            chosen: argparse.ArgumentParser = self
            while True:
                sub = next((a for a in chosen._actions if isinstance(a, argparse._SubParsersAction)), None)
                name = getattr(parsed, sub.dest, None) if sub is not None else None
                if sub is None or name not in sub.choices:
                    break
                chosen = sub.choices[name]
            chosen.error(f"unrecognized arguments: {' '.join(extras)}")
        return parsed


def _did_you_mean(message: str) -> str:
    """A mistyped command or choice, with the nearest ones ("'todya' is not a command (did you mean today?)").
    difflib and re are loaded only here, on the error path."""
    import difflib
    import re

    found = re.search(r"argument (\S+): invalid choice: '([^']*)' \(choose from (.*)\)", message)
    if found is None:
        return message
    where, typed = found.group(1), found.group(2)
    choices = [c.strip().strip("'") for c in found.group(3).split(",")]
    close = difflib.get_close_matches(typed, choices, n=2)
    guess = f" (did you mean {' or '.join(close)}?)" if close else f"; use one of: {', '.join(choices)}"
    if where in ("COMMAND", "ACTION"):
        return f"'{typed}' is not {'a command' if where == 'COMMAND' else 'an action'}{guess}"
    return f"{where.split('/')[-1]}: '{typed}' is not allowed{guess}"


def _globals(suppress: bool) -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    default = argparse.SUPPRESS if suppress else None
    parent.add_argument("--data-dir", metavar="DIR", default=default,
                        help="where history is kept (env PLANNER_DATA_DIR), e.g. --data-dir ~/planner-data")
    parent.add_argument("--library", metavar="DIR", action="append", default=default,
                        help="a folder of your own exercise/program TOML files; repeatable (env PLANNER_LIBRARY), "
                        "e.g. --library ~/my-exercises")
    return parent


class _NotBuilt:
    """Stands in for the parsers of commands not being run, so their arguments cost nothing."""

    def add_argument(self, *args: object, **kwargs: object) -> None:
        return None

    def add_subparsers(self, **kwargs: object) -> _NotBuilt:
        return self

    def add_parser(self, *args: object, **kwargs: object) -> _NotBuilt:
        return self


def command_named(argv: list[str]) -> str | None:
    """The command ``argv`` runs, when that is plain to see before parsing (else ``None``)."""
    takes_value = False
    for arg in argv:
        if takes_value:
            takes_value = False
        elif arg in ("--data-dir", "--library"):
            takes_value = True
        elif arg in ("-h", "--help", "--version"):
            return None
        elif not arg.startswith("-"):
            return arg
    return None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole grammar, or with ``only`` the one command's part of it (``planner today`` runs
    on every phone check-in, and building every subcommand's parser was a tenth of its time). The
    warning signs' module is imported only for the commands that name them (and the full help)."""
    quick = only in ("today", "done", "undo", "skip", "status", "app")  # the app: its first frame waits for this
    if quick:
        disclaimer, red_flags = None, ()
    else:
        from planner.domain.pain.warning_signs import DISCLAIMER as disclaimer
        from planner.domain.pain.warning_signs import SIGN_NAMES as red_flags
    parser = Parser(
        prog="planner",
        description="A local-first exercise planner for people whose backs spasm or ache. "
        "Run without a command to open the app.",
        epilog=disclaimer,
        parents=[_globals(suppress=False)],
    )
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    common = [_globals(suppress=True)]

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        if only is not None and name != only:
            return _NotBuilt()  # type: ignore[return-value]
        return sub.add_parser(name, help=help_text, description=help_text, parents=common)

    p = add("validate", "check exercise and program files")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="files or folders (default: everything loaded), e.g. planner validate wall-sit.toml")

    p = add("library", "list the exercises")
    p.add_argument("--category", choices=("core", "flexibility", "mobility", "relief"),
                   help="only this category, e.g. --category relief")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = add("show", "one exercise in full: dose, cues, cautions, easier and harder variants")
    p.add_argument("exercise", metavar="EXERCISE_ID", help="an id from 'planner library', e.g. planner show bird-dog")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.add_argument("--svg", action="store_true", help="write the exercise's figure as SVG instead (to -o FILE, or "
                                                      "to standard output), e.g. --svg -o bird-dog.svg")
    p.add_argument("-o", "--output", metavar="FILE", help="with --svg: the file to write, e.g. -o bird-dog.svg")
    p.add_argument("--force", action="store_true", help="with -o: replace FILE if it exists, e.g. -o bird-dog.svg --force")

    p = add("migrate", "rewrite a program file written with [[blocks]] in the current [[slots]] format")
    p.add_argument("file", metavar="FILE", help="the program file (a copy is kept as FILE.bak), "
                   "e.g. planner migrate ~/my-exercises/my-core.toml")
    p.add_argument("--force", action="store_true", help="replace an existing FILE.bak, e.g. --force")

    p = add("schema", "write JSON Schemas for exercise, program, plan, lesson and pain-rules files")
    p.add_argument("-o", "--output", metavar="DIR", default=".",
                   help="folder to write to (default: .), e.g. -o schemas/")
    p.add_argument("--force", action="store_true", help="replace schema files that exist, e.g. -o schemas/ --force")

    p = add("programs", "list the program templates")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    plan = add("plan", "build or show your plan")
    plan_sub = plan.add_subparsers(dest="plan_command", metavar="ACTION", required=True, parser_class=Parser)
    p = plan_sub.add_parser("new", help="build a plan and make it the active one", parents=common)
    p.add_argument("--program", required=True, metavar="ID",
                   help="the program template (see 'planner programs'), e.g. --program core-flexibility")
    p.add_argument("--days", metavar="DAYS", help="training weekdays, e.g. mon,wed,fri (default: the program's)")
    p.add_argument("--weeks", type=int, metavar="N", help="1 to 52 (default: the program's), e.g. --weeks 8")
    p.add_argument("--minutes", type=int, metavar="M",
                   help="the longest a session may take, 5 to 180 (default: the program's), e.g. --minutes 20")
    p.add_argument("--level", type=int, default=None, metavar="L",
                   help="where each exercise's chain starts: 1 (gentlest) to 5 (hardest), e.g. --level 2 (default: "
                   "on a terminal, three questions suggest one; otherwise 1)")
    p.add_argument("--start", metavar="YYYY-MM-DD", help="first day (default: today), e.g. --start 2026-03-02")
    p.add_argument("--walk-days", choices=("all", "sessions"), default="all",
                   help="the walk apart from the session: every day (all, the default) or on session days only, "
                   "e.g. --walk-days sessions")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = plan_sub.add_parser("days", help="move your training days from next week on", parents=common)
    p.add_argument("days", metavar="DAYS", help="as many weekdays as the plan has now, e.g. tue,thu,sat")
    p = plan_sub.add_parser("show", help="show the active plan", parents=common)
    p.add_argument("--week", type=int, metavar="N", help="only this week, e.g. --week 3")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = add("today", "show today's session")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="another day instead, e.g. --date 2026-03-04")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    for name, text in (("done", "check off today's session or some of its exercises"),
                       ("undo", "take back a check-off")):
        p = add(name, text)
        p.add_argument("--date", metavar="YYYY-MM-DD", help="a day other than today, e.g. --date 2026-03-01")
        p.add_argument("exercises", nargs="*", metavar="EXERCISE_ID",
                       help="only these (default: the whole session), e.g. bird-dog glute-bridge")

    if only in (None, "undo"):
        sub.choices["undo"].add_argument("--pain", action="store_true",
                                         help="take back the latest pain report instead (the plan is recomputed), e.g. planner undo --pain")

    p = add("skip", "skip a session")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="a day other than today, e.g. --date 2026-03-04")
    p.add_argument("--why", metavar="TEXT", default="", help="a reason to keep, e.g. --why 'travelling'")

    p = add("history", "sessions done, adherence and streaks")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="first day shown, e.g. --from 2026-03-01")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="last day shown, e.g. --to 2026-03-31")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = add("pain", "report pain (0-10); the plan adapts and says why")
    p.add_argument("score", metavar="SCORE", help="0 (none) to 10 (worst), e.g. planner pain 3")
    p.add_argument("--when", choices=PAIN_WHEN, default="after",
                   help="during or after the session (the default), or the next morning, e.g. --when next-morning")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the day it was, if not today, e.g. --date 2026-03-01")
    p.add_argument("--where", metavar="AREA", default="", help="where it hurts, e.g. --where 'lower back'")
    p.add_argument("--aggravated", nargs="+", action="extend", default=[], metavar="EXERCISE_ID",
                   help="exercises that made it worse (they go to an easier variant, or a smaller dose at the "
                        "easiest; one already eased is stopped and replaced), e.g. --aggravated bird-dog")
    p.add_argument("--flag", nargs="+", action="extend", default=[], choices=red_flags, metavar="FLAG",
                   help="warning sign: emergency saddle, bladder-bowel, urine, sexual, both-legs; urgent weakness, "
                   "fever, cancer-history, weight-loss, injury, night-pain; advice numbness (one leg); "
                   "e.g. --flag numbness")
    p.add_argument("--settled", action="store_true",
                   help="you can walk and move about as usual (with a low score on a second day it ends a "
                        "relief pause), e.g. planner pain 2 --settled")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = add("note", "keep a few words with a day's session (the same notes as the app's runner)")
    p.add_argument("text", nargs="*", metavar="TEXT", help="the note, e.g. planner note 'left hip tight after bridges'")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the session's day, if not today, e.g. --date 2026-03-04")
    p.add_argument("--json", action="store_true", help="without TEXT: list every note as JSON; with TEXT: "
                   "print the note kept, e.g. planner note --json | jq .")

    p = add("relief", "the relief routine for a back that has just seized (as the app's Relief screen)")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = add("screen", "answer the safety questions before a plan (each warning sign: yes or no)")
    p.add_argument("--none", action="store_true", help="none of the warning signs apply to you, e.g. planner screen --none")
    p.add_argument("--yes", nargs="+", action="extend", choices=red_flags, metavar="NAME", default=[],
                   help="the warning signs you have: " + ", ".join(red_flags) + ", e.g. --yes fever")
    p.add_argument("--eases", choices=EASES, metavar="WHICH",
                   help="which eases your back: forward (bending forward: sitting, knees to chest), back (leaning "
                   "back: standing, walking, lying on your front) or neither (or not sure); your plan follows it "
                   "from next week, e.g. --eases forward")
    p.add_argument("--usual-pain", metavar="N",
                   help="your back pain on a typical day lately, 0-10: a next-morning report at or below it (or 2) "
                        "counts as settled, e.g. planner screen --usual-pain 3")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    fn = add("function", "the activities you want back (up to five), rated 0-10 every two weeks")
    fn.add_argument("--json", action="store_true", help=JSON_HELP)
    fn_sub = fn.add_subparsers(dest="function_command", metavar="ACTION", parser_class=Parser)
    p = fn_sub.add_parser("set", help="name activities your back makes hard (up to five in all)", parents=common)
    p.add_argument("names", nargs="+", metavar="ACTIVITY",
                   help="e.g. planner function set \"Putting on socks\" \"Sitting through a film\"")
    p = fn_sub.add_parser("rate", help="rate each activity 0 (unable) to 10 (as before the problem), in order",
                          parents=common)
    p.add_argument("scores", nargs="+", metavar="SCORE", help="one per activity, e.g. planner function rate 3 5 2")
    p = fn_sub.add_parser("rename", help="give activity N a new name; its scores stay", parents=common)
    p.add_argument("number", metavar="N", help="its number in 'planner function', e.g. 2")
    p.add_argument("name", metavar="NAME", help="the new name, e.g. \"Sitting through a long film\"")
    p = fn_sub.add_parser("retire", help="stop rating activity N; its scores stay in your history", parents=common)
    p.add_argument("number", metavar="N", help="its number in 'planner function', e.g. 3")

    p = add("resume", "resume after a pause (needs --confirm after a red flag)")
    p.add_argument("--confirm", action="store_true",
                   help="confirm a health professional has assessed you, e.g. planner resume --confirm")

    p = add("adjustments", "every change made to the plan, with its reason")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = add("export", "write the plan as TOML, Markdown or iCalendar")
    p.add_argument("--format", choices=("toml", "md", "ics"), default="toml",
                   help="toml to edit and import, md to print, ics for a calendar (default: toml), e.g. --format md")
    p.add_argument("-o", "--output", metavar="FILE", help="file to write (default: standard output), e.g. -o plan.toml")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists, e.g. -o plan.toml --force")
    p.add_argument("--time", default="07:00", metavar="HH:MM",
                   help="local start time of calendar events (default 07:00), e.g. --time 18:30")
    p.add_argument("--remind", default="15", metavar="MIN",
                   help="calendar reminder, minutes before each session (default 15; 0 for none), e.g. --remind 30")

    p = add("import", "load an exported plan TOML as the active plan")
    p.add_argument("file", metavar="FILE", help="a file 'planner export' wrote, e.g. planner import plan.toml")

    p = add("lessons", "short lessons about your back, in order, marked when read")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = add("lesson", "read a lesson (the next unread one without ID); it is recorded as read")
    p.add_argument("id", nargs="?", metavar="ID", help="a lesson's id from 'planner lessons', e.g. planner lesson hurt-is-not-harm")

    p = add("report", "a report for your physiotherapist or doctor: adherence, pain, flare-ups, changes")
    p.add_argument("-o", "--output", metavar="FILE", help="file to write, private to you (default: standard output), e.g. -o report.html")
    p.add_argument("--format", choices=("md", "html"), help="md or html (default: from FILE's extension, else md), e.g. --format html")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="start of the period (default: the plan's start), e.g. --since 2026-03-01")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists, e.g. -o report.md --force")

    p = add("status", "one short line about today, for a tmux status bar or a shell prompt")
    p.add_argument("--line", action="store_true", help="only the line, e.g. 'core 20m due', 'done ✓', 'rest'")
    p.add_argument("--ascii", action="store_true", help="plain ASCII (no ✓ or —), e.g. planner status --line --ascii")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = add("calendar", "keep a live .ics file in step with the plan as it adapts")
    p.add_argument("--live", metavar="PATH", help="the .ics file to rewrite after every change, e.g. --live ~/plan.ics")
    p.add_argument("--off", action="store_true", help="stop updating the live file, e.g. planner calendar --off")
    p.add_argument("--force", action="store_true",
                   help="replace PATH even if it is not a calendar planner wrote, e.g. --live plan.ics --force")
    p.add_argument("--time", metavar="HH:MM", help="local start time of the events (default 07:00), e.g. --time 18:30")
    p.add_argument("--remind", metavar="MIN", help="reminder, minutes before each session (default 15; 0 for none), e.g. --remind 30")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = add("simulate", "what the coming weeks would look like if pain stayed at one level (changes nothing)")
    p.add_argument("--pain", required=True, metavar="N", help="pain after every session, 0 to 10, e.g. --pain 4")
    p.add_argument("--morning", metavar="M", help="pain the next morning, 0 to 10 (default: not reported), e.g. --morning 2")
    p.add_argument("--weeks", metavar="W", default="6", help="how many weeks, 1 to 26 (default 6), e.g. --weeks 8")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    add("app", "open the app (the default)")

    p = add("serve", "serve the app to a web browser (loopback only unless --host says otherwise)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1), e.g. --host 0.0.0.0")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000), e.g. --port 8080")
    return parser


def _version() -> str:
    from planner import __version__

    return f"planner {__version__}"
