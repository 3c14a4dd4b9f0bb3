"""Usual pain: the pain on a typical day lately, against which "settled" and "worse" are judged.

The person may say it (``planner screen --usual-pain N``, or the question at the screening). Where
they did not, the middle (median) of the next-morning reports of the plan's first ``baseline_days``
days sets it (of all its reports, if three or more but none the next morning), once: reports after that never move it on their own. A back that is worse every
morning since the plan began is not a new normal; that is what the hold and the advice to have it
checked are for. Saying it again changes it, deliberately.
"""

from __future__ import annotations

import datetime as dt

from planner.domain.pain.rules import DEFAULT_RULES, PainRules
from planner.domain.records import History, PainReport

FALLBACK_REPORTS = 3
QUESTION = "The pain on a typical day lately"  # asked at the screening (planner screen, plan new on a terminal)


def usual_pain(history: History, start: dt.date, rules: PainRules = DEFAULT_RULES) -> float | None:
    """The person's usual pain, or ``None`` while nothing tells it yet (no answer and no morning report)."""
    if history.usual_pain is not None:
        return history.usual_pain
    end = start + dt.timedelta(days=rules.baseline_days)
    early = [p for p in history.pain if start <= p.date < end]
    mornings = [p.score for p in early if p.when == "next-morning"]
    if not early:
        return None
    import statistics  # here, not at the top: it loads decimal and fractions, ~5 % of a quick command

    if mornings:
        return statistics.median(mornings)
    # With no morning report in those days, three or more reports of any kind are the best guess there is.
    return statistics.median(p.score for p in early) if len(early) >= FALLBACK_REPORTS else None


def settled_by_morning(report: PainReport, usual: float | None, rules: PainRules = DEFAULT_RULES) -> bool:
    """A next-morning report at or below ``max(progress_max, usual)`` has settled."""
    return report.score <= max(rules.progress_max, usual or 0)


def worse_next_morning(history: History, report: PainReport, usual: float | None,
                       rules: PainRules = DEFAULT_RULES) -> bool:
    """Pain the next morning more than ``baseline_rise`` above the report after the session (or during it),
    the usual pain and the top of the band where the plan progresses: the session was too much. A 2 after
    and a 3 next morning is not worse (that is a hold: not settled yet)."""
    if report.when != "next-morning" or report.score <= rules.progress_max:
        return False
    session_day = report.date - dt.timedelta(days=1)
    earlier = [p.score for p in history.pain if p.date in (session_day, report.date) and p.when != "next-morning"]
    if not earlier and usual is None:
        return False
    reference = max([*earlier, usual or 0, rules.progress_max])
    return report.score > reference + rules.baseline_rise
