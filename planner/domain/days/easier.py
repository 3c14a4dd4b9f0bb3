""""Easier week" where the doses are eased, not where the calendar says: the words every face uses.

The plan as built has an easier week every few weeks. Once pain held the plan back, the doses a person
does lag behind the calendar, so the calendar's easier week can fall on full doses and the easier week's
doses come later. :func:`planner.domain.days.day.day_view` marks each session (``DayView.easier``);
Today, the Plan view, History's chart, the live calendar and the report all read that mark through here.
"""

from __future__ import annotations

from collections.abc import Iterable

from planner.domain.days.day import DayView


def any_eased(views: Iterable[DayView]) -> bool:
    """Whether any of a week's sessions (``views``) has an easier week's doses: the week's label."""
    return any(view.planned and view.easier for view in views)


def doses_words(view: DayView) -> str:
    """The week words for a session, with "an easier week" only where its doses are eased:
    "week 8 of 12 (week 4's doses), an easier week"."""
    return view.week_text + (", an easier week" if view.week_text and view.planned and view.easier else "")
