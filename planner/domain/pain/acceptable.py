"""Whether pain of 3 to 5 is acceptable this time (the pain-monitoring model), or holds the doses.

Some pain during and after exercise is acceptable while it settles by the next morning, stays near the
person's usual pain and does not creep up from week to week; pain at the top of the band that keeps
coming back is acceptable once, not as the usual.

"Creeping up" is judged against the week before, except in the week after a flare (pain that cut the
sessions or paused them): then the week before is the calm before it, and a 3 on the way down from a 7 is
not worse than a pre-flare 1. In that week the reports since the flare are the comparison, as the flare's
own week is the week before for the week after it: pain no higher than them is acceptable while it
settles by the next morning and stays near the usual.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from planner.domain.pain.rules import DEFAULT_RULES, PainRules
from planner.domain.pain.usual import settled_by_morning
from planner.domain.records import History, PainReport


def why_hold(history: History, report: PainReport, usual: float | None,
              rules: PainRules = DEFAULT_RULES) -> str | None:
    """Why pain of 3–5 is not acceptable this time (the pain-monitoring model), or ``None`` if it is:
    not settled by the next morning (above ``max(progress_max, usual)``), well above the person's usual,
    keeping coming back at the top of the band, or higher than the week before (in the week after a flare:
    higher than the pain since it flared)."""
    if report.when == "next-morning" and not settled_by_morning(report, usual, rules):
        return "not settled by the next morning" + (f" (your usual is {usual:g})" if usual else "")
    day = report.date
    since = day - dt.timedelta(days=rules.recurring_days - 1)
    high = sum(1 for p in history.pain if since <= p.date <= day and p.score >= rules.recurring_score)
    if report.score >= rules.recurring_score and high + 1 >= rules.recurring_count:
        # Acceptable once, but not as the usual: pain at the top of the band keeps coming back.
        nth = {2: "second", 3: "third", 4: "fourth", 5: "fifth"}.get(high + 1, f"{high + 1}th")
        return f"the {nth} report of {rules.recurring_score} or more in {rules.recurring_days} days"
    if usual is not None and report.score > max(usual, rules.progress_max) + rules.baseline_rise:
        return f"well above your usual ({usual:g})"
    since_flare = since_flare_began(history, report)
    if since_flare is not None:
        peak = max(p.score for p in since_flare)
        return f"higher than the pain since it flared ({peak})" if report.score > peak else None
    week_before = [p.score for p in history.pain
                   if day - dt.timedelta(days=14) < p.date <= day - dt.timedelta(days=7)]
    if week_before and report.score > max(week_before):
        return f"higher than the week before ({max(week_before)})"
    return None


FLARES = ("reduce", "pause")  # the changes pain too high for the acceptable band makes: a cut, a relief pause


def since_flare_began(history: History, report: PainReport) -> list[PainReport] | None:
    """In the week after a flare (a cut or a relief pause for pain, less than a week before ``report``): the
    reports since it began, oldest first; ``None`` outside that week, when the week before is the comparison."""
    day = report.date
    flare = next((a.date for a in reversed(history.adjustments)
                  if a.kind in FLARES and day - dt.timedelta(days=7) < a.date <= day), None)
    if flare is None:
        return None
    return [p for p in history.pain if flare <= p.date <= day] or None


def recovery_words(history: History, report: PainReport) -> str | None:
    """How ``report`` stands against the flare it recovers from, in words (``None`` outside the week after
    one): falling, when no higher than the last report of its kind since (after a session, or the next
    morning), with the scores; or else below the flare's highest."""
    since = since_flare_began(history, report)
    if since is None:
        return None
    morning = report.when == "next-morning"
    alike = [p.score for p in since if (p.when == "next-morning") == morning]
    if alike and report.score <= alike[-1]:
        return f"falling since the pain flared ({' → '.join(map(str, [*alike, report.score]))})"
    return f"below the {max(p.score for p in since)} the pain flared to"


def session_answer_ok(history: History, session: dt.date, usual: float | None, rules: PainRules) -> bool:
    """Whether every report during or after ``session`` was acceptable when it was made."""
    for index, earlier in enumerate(history.pain):
        if earlier.date != session or earlier.when == "next-morning":
            continue
        if earlier.score > rules.hold_max:
            return False
        before = replace(history, pain=history.pain[:index])
        if earlier.score > rules.progress_max and why_hold(before, earlier, usual, rules) is not None:
            return False
    return True

