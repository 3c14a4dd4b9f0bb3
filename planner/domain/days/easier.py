""""Easier week" where the doses are eased, not where the calendar says: the mark and the words every face uses.

The plan as built has an easier week every few weeks. Once pain held the plan back, the doses a person
does lag behind the calendar, so the calendar's easier week can fall on full doses and the easier week's
doses come later. :func:`planner.domain.days.day.day_view` marks each session (``DayView.easier``) with
:func:`eased_by_easier_week`; Today, ``plan show``, the Plan view, History's chart, the live calendar,
``simulate`` and the report all read that mark through here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from planner.domain.pain.adaptation import AdaptationState, position
from planner.domain.plan.model import Plan

if TYPE_CHECKING:  # day.py imports this module: the view is only named here
    from planner.domain.days.day import DayView


def eased_by_easier_week(plan: Plan, state: AdaptationState, day: dt.date, weekly_increase: float,
                         doses_week: int | None) -> bool:
    """Whether a session's doses are an easier week's: the doses of a planned easier week (which come later
    than the calendar's once pain held the plan back), or an easier week met by a cut (the lower of the two
    applies to the full week before: see :func:`planner.domain.days.adapted.adapted_session`). A hold never
    takes the calendar's easier weeks, so a held week is not an easier one, whatever the calendar says."""
    if doses_week is None or not 1 <= doses_week <= len(plan.weeks):
        return False
    if plan.weeks[doses_week - 1].deload:
        return True
    at = position(plan, state, day, weekly_increase)[0]
    if at == doses_week or not 1 <= at <= len(plan.weeks) or not plan.weeks[at - 1].deload:
        return False
    full_before = next((w.number for w in reversed(plan.weeks[:at - 1]) if not w.deload), None)
    return full_before == doses_week


def any_eased(views: Iterable[DayView]) -> bool:
    """Whether any of a week's sessions (``views``) has an easier week's doses: the week's label."""
    return any(view.planned and view.easier for view in views)


def doses_words(view: DayView) -> str:
    """The week words for a session, with "an easier week" only where its doses are eased:
    "week 8 of 12 (week 4's doses), an easier week"."""
    return view.week_text + (", an easier week" if view.week_text and view.planned and view.easier else "")
