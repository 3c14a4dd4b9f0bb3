"""``planner screen`` and the questions ``plan new`` asks on a terminal: the safety screening before a plan."""

from __future__ import annotations

import argparse
import sys

from planner.cli.output import print_json
from planner.context import Context
from planner.domain.errors import PlannerError, UsageError
from planner.domain.kinds import AlertLevel
from planner.domain.pain.screening import Screening
from planner.domain.pain.warning_signs import DISCLAIMER, SCREENING_INTRO, SIGNS, Alert, pausing
from planner.domain.plan.model import Eases


def print_alert(alert: Alert) -> None:
    border = "!" * 60 if alert.level == AlertLevel.EMERGENCY else "-" * 60
    print("\n".join([border, *alert.lines(), border]))


def _usual(text: str | None) -> int | None:
    if text is None:
        return None
    if not text.strip().isdigit() or not 0 <= int(text) <= 10:
        raise UsageError(f"--usual-pain: '{text}' is not a pain score; use a whole number from 0 (none) to 10 (worst)")
    return int(text)


def screen(args: argparse.Namespace, context: Context) -> int:
    from planner.actions.screening import set_eases
    from planner.cli.session_commands import say_live_problem

    eases = getattr(args, "eases", None)
    usual = _usual(getattr(args, "usual_pain", None))
    if (eases is not None or usual is not None) and not args.none and not args.yes:
        said: dict[str, object] = {}
        lines: list[str] = []
        if usual is not None:
            from planner.actions.screening import set_usual_pain

            lines += set_usual_pain(context, usual).lines
            said["usual_pain"] = usual
        if eases is not None:
            eased = set_eases(context, eases)
            say_live_problem(eased)
            lines.append(eased.lines[0])
            said |= {"eases": eases, "plan": eased.lines[0]}
        if args.json:
            print_json(said)
        else:
            print(*lines, sep="\n")
        return 0
    asked = not args.none and not args.yes and not args.json and on_a_terminal()
    if args.none == bool(args.yes) and not asked:
        raise UsageError("screen: give either --none (no warning signs) or --yes NAME ... (the ones you have), "
                         "not both or neither; or only --eases forward|back|neither and/or --usual-pain N")
    from planner.actions.screening import screen as keep
    from planner.actions.screening import usual_pain_line

    yes = ask(context).yes if asked else () if args.none else tuple(dict.fromkeys(args.yes))
    if usual is None and not pausing(yes) and not args.json and on_a_terminal():
        usual = ask_usual_pain()  # on a terminal the usual pain is asked too (not after a sign that pauses)
    screening = Screening(context.today, yes, usual)
    outcome = keep(context, screening.yes, usual)
    alert = outcome.alert
    say_live_problem(outcome)
    eased = None
    if eases is not None:
        eased_outcome = set_eases(context, eases)
        say_live_problem(eased_outcome)
        eased = eased_outcome.lines[0]
    if args.json:
        print_json(screening.as_json() | {"alert": alert.as_json() if alert else None}
                   | ({"eases": eases} if eases is not None else {}))
        return 0
    if eased is not None:
        print(eased)
    if usual is not None and not (alert and alert.pauses):
        print(usual_pain_line(usual))
    if alert is None:
        print(f"Screening recorded on {screening.date.isoformat()}: none of the warning signs. "
              "You can build a plan: planner plan new --program ID")
        return 0
    print_alert(alert)
    if not alert.pauses:
        print(f"Screening recorded on {screening.date.isoformat()}. You can build a plan: it leaves out the "
              "stretches that pull on the nerves of the leg (planner plan new --program ID).")
        return 0
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


def ask_usual_pain() -> int | None:
    """On a terminal, after the safety questions: the pain on a typical day lately, 0-10. Enter (or the end
    of input) skips it: the first two weeks' next-morning reports then set it."""
    from planner.domain.pain.usual import QUESTION

    while True:
        try:
            answer = input(f"  {QUESTION} (0-10, Enter to skip)? ").strip()
        except EOFError:
            return None
        if not answer:
            return None
        if answer.isdigit() and 0 <= int(answer) <= 10:
            return int(answer)
        print("  Please type a whole number from 0 (no pain) to 10 (the worst), or press Enter to skip.")


def ask_eases() -> Eases:
    """On a terminal, after the safety questions: which direction eases the back (Enter: neither / not sure)."""
    while True:
        try:
            answer = input("  Which eases your back: bending forward (f), leaning back (b), or neither / not sure "
                           "(n)? [f/b/n] ").strip().lower()
        except EOFError:
            return "neither"
        if answer in ("", "n", "neither"):
            return "neither"
        if answer in ("f", "forward"):
            return "forward"
        if answer in ("b", "back"):
            return "back"
        print("  Please answer f, b or n.")


def on_a_terminal() -> bool:
    return sys.stdin.isatty()


def ask_level(max_level: int = 5, program_name: str = "") -> int:
    """On a terminal, without ``--level``: three yes/no questions suggest a level; Enter takes it, a number
    from 1 to 5 chooses another (within the program's cap). An answer not given (end of input) is "no", and
    Enter at the end takes the suggestion: nothing here waits for ever."""
    from planner.domain.plan.levels import LEVEL_QUESTIONS, capped_level, level_line, suggestion

    print("\nThree questions to suggest where your plan starts (answer for your back as it is now):")
    answers: dict[str, bool] = {}
    for question in LEVEL_QUESTIONS:
        answers[question.key] = _yes(f"  {question.text} [y/n] ")
    level, words = suggestion(answers, max_level, program_name)
    print(f"  {words}\n  {level_line(level)}")
    while True:
        try:
            answer = input(f"  Press Enter for level {level}, or type another (1-5): ").strip()
        except EOFError:
            return level
        if not answer:
            return level
        if answer.isdigit() and 1 <= int(answer) <= 5:
            chosen, capped = capped_level(int(answer), max_level, program_name or "This program")
            if capped:
                print(f"  {capped}")
            return chosen
        print("  Please type a whole number from 1 to 5, or press Enter.")


def _yes(prompt: str) -> bool:
    while True:
        try:
            answer = input(prompt).strip().lower()
        except EOFError:
            return False
        if answer in ("y", "yes", "n", "no"):
            return answer.startswith("y")
        print("  Please answer y (yes) or n (no).")

