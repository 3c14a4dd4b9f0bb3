"""Pain that keeps coming back, or mornings that do not settle week after week: when to say "have it checked"."""

from __future__ import annotations

import datetime as dt

from planner.domain.pain.rules import DEFAULT_RULES, PainRules
from planner.domain.pain.usual import settled_by_morning, usual_pain
from planner.domain.records import History


def recurring_pain(history: History, day: dt.date, rules: PainRules = DEFAULT_RULES,
                   start: dt.date | None = None) -> str | None:
    """Advice to see a professional when pain of 5+ keeps coming back, or (given the plan's ``start``,
    which the usual pain is judged from) when the back has not settled by the next morning in three of
    the last four weeks: each such morning holds only a session or two, so the plan still moves on, and
    a pattern that steady is for a professional to look at."""
    since = day - dt.timedelta(days=rules.recurring_days - 1)
    high = [p for p in history.pain if since <= p.date <= day and p.score >= rules.recurring_score]
    if len(high) >= rules.recurring_count:
        return (f"Pain of {rules.recurring_score} or more was reported {len(high)} times in the last "
                f"{rules.recurring_days} days. "
                "Recurring pain should be checked by a doctor or physiotherapist.")
    if start is None:
        return None
    mornings = [p for p in history.pain if p.when == "next-morning" and p.score > rules.progress_max
                and 0 <= (day - p.date).days < 7 * UNSETTLED_WEEKS]
    if len({(day - p.date).days // 7 for p in mornings}) < UNSETTLED_OF:
        return None  # (most days: the usual pain need not be worked out)
    usual = usual_pain(history, start, rules)
    weeks = {(day - p.date).days // 7 for p in mornings if not settled_by_morning(p, usual, rules)}
    if len(weeks) < UNSETTLED_OF:
        return None
    return (f"Your back was not settled by the next morning in {len(weeks)} of the last {UNSETTLED_WEEKS} weeks. "
            "A physiotherapist or doctor can check whether this pace suits your back.")


UNSETTLED_WEEKS = 4  # recurring_pain: mornings not settled in this many recent weeks...
UNSETTLED_OF = 3  # ...in at least this many of them
