"""Prepared writes: a plain ``planner done`` and ``planner pain N`` written from the read model.

:func:`prepare` runs where the domain is loaded already (after a write, or a ``today`` worked out from the
store): it rehearses both commands (:mod:`planner.actions.rehearsal`) and describes each outcome as the
command would print it, with the views it leaves for the next ``today`` and ``status``. The read model keeps
that beside today's view. :func:`replay`, on the quick path, imports nothing of the domain: through the read
model's door (:func:`planner.actions.views.replay`) it writes the kept rows in its own transaction if the data
version inside it is still the one they were prepared at, keeps the views that follow, and prints the kept
text. Anything else runs the command itself.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs a quick command ~7 % of its floor
if TYPE_CHECKING:
    import argparse
    from typing import Any

    from planner.actions.situation import Outcome
    from planner.actions.views import Kept
    from planner.context import Context
    from planner.domain.records import History

# The scores rehearsed: 0-6, what most reports after a session are (each rehearsal costs a write ~8 M
# instructions, benchmarks/README.md, "Tenth round"); higher ones hold, cut or pause, and a pause is never
# prepared anyway. Any other score runs the command itself.
PAIN_SCORES = tuple(range(7))


def plain(command: str, args: argparse.Namespace) -> bool:
    """Whether this run is one a prepared write stands for: no ids, no date, no option beyond the globals."""
    if command == "done":
        return getattr(args, "date", None) is None and not getattr(args, "exercises", None)
    if command == "pain":
        return (getattr(args, "date", None) is None and args.when == "after" and args.where == ""
                and not args.aggravated and not args.flag and not args.settled and not args.json)
    return False


def name_of(command: str, args: argparse.Namespace) -> str:
    """The play a prepared write is kept under: ``done``, ``pain 3``."""
    return "done" if command == "done" else f"pain {args.score}"


def replay(command: str, args: argparse.Namespace, kept: Kept) -> bool:
    """Write and print the prepared ``command`` if it still stands; ``False`` when the command must run itself."""
    from planner.actions import views

    text = views.replay(kept, name_of(command, args))
    if text is None:
        return False
    sys.stdout.write(text)
    return True


def prepare(context: Context) -> dict[str, Any]:
    """What a plain ``done`` and each plain ``pain N`` would write and print now, and the views after each; and
    after the ``done``, each ``pain N`` again (what a person reports next)."""
    from planner.actions import views
    from planner.actions.function import summary
    from planner.actions.pain import report_pain_action
    from planner.actions.rehearsal import rehearse
    from planner.actions.sessions import check_off_action
    from planner.domain.records import PainReport

    pains: dict[str, Any] = {}
    if not context.loaded_pain_rules.notices:  # a notice is said at every report: only the command says it
        for score in PAIN_SCORES:
            report = PainReport(context.today, "after", score, "", (), (), settled=False)
            pains[f"pain {score}"] = report_pain_action(report)
    function = summary(context)  # neither command changes the activities: read once for every view after
    done = {"done": check_off_action(context.today)}

    def plays(history: History) -> dict[str, Any]:
        # A report comes after a session, once: before today's first check-off only the done is rehearsed, and
        # each report after it (its "then"); once something is checked off and no report is in, each report
        # on its own too (a second report after the same session is rare; it runs the command itself).
        reported = any(p.date == context.today for p in history.pain)
        return {**done, **pains} if history.completions_on(context.today) and not reported else done

    made = rehearse(context, plays, lambda name, outcome: _describe(name, outcome, context, function),
                    then={"done": pains})
    return {**made, views.REHEARSED: True}


class _Closed:
    """Stands in for the rehearsal's store in the views worked out after it (``status`` closes its store)."""

    def __enter__(self) -> _Closed:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def _describe(name: str, outcome: Outcome, context: Context, function: object) -> dict[str, Any] | None:
    """What the command prints for ``outcome`` and the views it leaves; ``None`` when it must run itself."""
    import argparse
    import dataclasses
    import io

    from planner.cli.pain_commands import pain_text
    from planner.cli.session_commands import done_text, today
    from planner.cli.status_commands import status

    if name == "done":
        after = getattr(outcome, "after", None)
        if after is None or after.alert is not None:
            return None
        text = done_text(outcome)  # type: ignore[arg-type]
    else:
        if getattr(outcome, "paused", True):  # a pause is always the action's own
            return None
        text = pain_text(outcome)  # type: ignore[arg-type]
    if outcome.active is None or outcome.live_problem:
        return None
    shown = argparse.Namespace(date=None, json=False, ascii=False, line=True, views_only=True, views={},
                               active=dataclasses.replace(outcome.active, store=_Closed()), function=function)
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = io.StringIO(), io.StringIO()  # type: ignore[assignment]
    try:
        code = today(shown, context) or status(shown, context)
        said = sys.stderr.getvalue()  # type: ignore[attr-defined]
    finally:
        sys.stdout, sys.stderr = saved
    views = shown.views
    if code or said or set(views) != {"today", "status"}:
        views = {}
    elif '"alert": null' not in views["today"]["json"]:  # a warning sign shows after it: the action's own
        return None
    return {"text": text, "views": views}
