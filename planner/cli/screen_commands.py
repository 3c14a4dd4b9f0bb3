"""``planner screen`` and the questions ``plan new`` asks on a terminal: the safety screening before a plan."""

from __future__ import annotations

import argparse
import sys

from planner.cli.output import print_json
from planner.context import Context
from planner.domain.errors import PlannerError, UsageError
from planner.domain.pain.screening import Screening, screening_outcome
from planner.domain.pain.warning_signs import DISCLAIMER, SCREENING_INTRO, SIGNS, Alert
from planner.store.active_plan import open_store, standing_state
from planner.store.store import Store


def record(store: Store, screening: Screening) -> Alert | None:
    """Keep the answers; an emergency or urgent "yes" records a pause with them."""
    alert, pause = screening_outcome(screening, standing_state(store))
    store.record_screening(screening, [pause] if pause else [])
    return alert


def print_alert(alert: Alert) -> None:
    border = "!" * 60 if alert.level == "emergency" else "-" * 60
    print("\n".join([border, *alert.lines(), border]))


def _usual(text: str | None) -> int | None:
    if text is None:
        return None
    if not text.strip().isdigit() or not 0 <= int(text) <= 10:
        raise UsageError(f"--usual-pain: '{text}' is not a pain score; use a whole number from 0 (none) to 10 (worst)")
    return int(text)


def screen(args: argparse.Namespace, context: Context) -> int:
    usual = _usual(getattr(args, "usual_pain", None))
    if usual is not None and not args.none and not args.yes:
        with open_store(context.data_dir, create=True) as store:
            store.set_usual_pain(usual)
        if args.json:
            print_json({"usual_pain": usual})
        else:
            print(f"Usual pain set to {usual}: a next-morning report of {max(2, usual)} or less counts as settled.")
        return 0
    if args.none == bool(args.yes):
        raise UsageError("screen: give either --none (no warning signs) or --yes NAME ... (the ones you have), "
                         "not both or neither")
    screening = Screening(context.today, () if args.none else tuple(dict.fromkeys(args.yes)), usual)
    with open_store(context.data_dir, create=True) as store:
        alert = record(store, screening)
    if args.json:
        print_json(screening.as_json() | {"alert": alert.as_json() if alert else None})
        return 0
    if alert is None:
        print(f"Screening recorded on {screening.date.isoformat()}: none of the warning signs. "
              "You can build a plan: planner plan new --program ID")
        return 0
    print_alert(alert)
    print(f"Screening recorded on {screening.date.isoformat()}. No plan is built until a screening with none "
          "of the warning signs ('planner screen --none', once a health professional has assessed you).")
    return 0


def ask(context: Context) -> Screening:
    """The yes/no questions, one by one, on a terminal; every one needs a y or an n."""
    print(f"{DISCLAIMER}\n\n{SCREENING_INTRO}")
    yes: list[str] = []
    for sign in SIGNS:
        while True:
            try:
                answer = input(f"  {sign.question}? [y/n] ").strip().lower()
            except EOFError:
                raise PlannerError("the safety questions were not answered; nothing was built") from None
            if answer in ("y", "yes", "n", "no"):
                break
            print("  Please answer y (yes) or n (no).")
        if answer.startswith("y"):
            yes.append(sign.name)
    return Screening(context.today, tuple(yes))


def on_a_terminal() -> bool:
    return sys.stdin.isatty()
