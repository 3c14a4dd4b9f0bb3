"""The safety screening before a plan: the warning-sign questions, answered yes or no, with their date.

A plan is built only after a screening with no "yes", answered within the last
six months. A "yes" builds nothing and shows that sign's alert; an emergency or
urgent one also records a pause, which only ``planner resume --confirm`` lifts
(answering the screening again does not).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.domain.errors import PlannerError
from planner.domain.pain.adaptation import AdaptationState, stronger_pause
from planner.domain.pain.warning_signs import Alert, alert_for, pausing
from planner.domain.records import Adjustment

RESCREEN_DAYS = 183  # about six months
HOW = "'planner screen --none' (none of the warning signs) or 'planner screen --yes NAME ...'"


@dataclass(frozen=True)
class Screening:
    date: dt.date
    yes: tuple[str, ...] = ()
    usual_pain: int | None = None  # the pain on a typical day lately, 0-10, when the person said it

    def as_json(self) -> dict:
        return {"date": self.date.isoformat(), "yes": list(self.yes), "usual_pain": self.usual_pain}


def check_screened(latest: Screening | None, today: dt.date) -> None:
    """Raise a one-line :class:`PlannerError` naming ``planner screen`` unless a plan may be built today."""
    if latest is None:
        raise PlannerError(f"answer the safety questions before your first plan: {HOW}; "
                           "'planner screen --help' lists the names")
    if (today - latest.date).days > RESCREEN_DAYS:
        raise PlannerError(f"your last safety screening was on {latest.date.isoformat()}, more than six months "
                           f"ago: answer the questions again with {HOW}")
    alert = alert_for(latest.yes)
    if alert is not None:
        raise PlannerError(f"your safety screening on {latest.date.isoformat()} answered yes to "
                           f"{', '.join(latest.yes)}: {alert.heading}. No plan is built until a screening with "
                           "none of the warning signs: once a health professional has assessed you, run "
                           "'planner screen --none'")


def screening_outcome(screening: Screening, standing: AdaptationState) -> tuple[Alert | None, Adjustment | None]:
    """The alert a screening's answers call for, and the pause to record for an emergency or urgent "yes"."""
    alert = alert_for(screening.yes)
    signs = pausing(screening.yes)
    if alert is None or not signs:
        return alert, None
    state = stronger_pause(standing, AdaptationState(pause="red-flag", symptoms=list(signs)))
    reason = (f"{alert.heading}. At the safety screening on {screening.date.isoformat()} you answered yes to: "
              f"{'; '.join(alert.labels)}. {alert.detail}")
    return alert, Adjustment(screening.date, "red-flag", reason, state.dump())
