"""Which warning-sign alert stands on a given day, read from the adaptation state and the pain reports.

A warning-sign pause keeps its alert (emergency or urgent) until it is lifted;
numbness or tingling in one leg keeps its advice on show for a week after it
was last reported, the "few days" after which it should be checked. Tingling
that persists or returns (reported on two different days) is raised to "soon":
book a physiotherapist or doctor this week; that shows for two weeks after the
last report of it.
"""

from __future__ import annotations

import datetime as dt

from planner.domain.kinds import AlertLevel
from planner.domain.pain.adaptation import AdaptationState
from planner.domain.pain.tingling import TINGLING, tingling_persists
from planner.domain.pain.warning_signs import Alert, alert_for, level_of, pausing, persisting
from planner.domain.records import History

ADVICE_DAYS = 7


def current_alert(state: AdaptationState, history: History, day: dt.date) -> Alert | None:
    """The alert to show on ``day``, or ``None``."""
    reports = [p for p in history.pain if p.date <= day]
    if state.pause == "red-flag":
        names = list(state.symptoms)
        if not names:  # a pause recorded before the symptoms were kept in the state
            flagged = [p for p in reports if p.flags]
            names = list(flagged[-1].flags) if flagged else []
        return alert_for(names, paused=True)
    recent = [p for p in reports if (day - p.date).days < ADVICE_DAYS]
    latest = None
    if recent and recent[-1].flags:
        # Not paused (never, or a confirmed resume lifted it): only advice that does not pause stays on show,
        # so nothing says "paused" above a live session.
        latest = alert_for([n for n in recent[-1].flags if n not in pausing(recent[-1].flags)])
    if tingling_persists(reports, day) and (latest is None or level_of(latest.symptoms) == AlertLevel.ADVICE):
        return persisting([TINGLING])
    return latest
