"""One-leg tingling that persists or returns, and the stretches that pull on the nerve.

Numbness or tingling in one leg once is advice: stop what brings it on. Reported on two different
days (within two weeks, or returning days apart) it is raised to "soon": book a physiotherapist or
doctor this week. From the first report, and until it has settled for two weeks, stretches that load
the sciatic nerve (the hamstring and calf stretches) stay out of the plan, named or not: they are the
likeliest to bring it on. Another stretch that does not load it takes their place, so a session is never
left without a stretch.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from planner.domain.records import PainReport

TINGLING = "numbness"  # the warning-sign name for tingling or numbness in one leg
SOON_DAYS = 14  # the "soon" alert stays this long after the latest report of tingling
# Chains (by their easiest id) whose stretch pulls on the sciatic nerve along the back of the leg: the
# hamstring stretches (hip bent, knee straight), and the calf stretch, whose straight knee and lifted foot
# tension the same nerve's branch behind the knee and calf (a physiotherapist's read of a replacement).
NERVE_LOADING = frozenset({"hamstring-stretch-strap", "hamstring-stretch-standing", "calf-stretch"})


def tingling_days(reports: Iterable[PainReport]) -> list[dt.date]:
    """The different days one-leg tingling was reported on, in order."""
    return sorted({p.date for p in reports if TINGLING in p.flags})


def tingling_persists(reports: Iterable[PainReport], day: dt.date) -> bool:
    """Tingling reported on two different days up to ``day``, the latest within ``SOON_DAYS`` of it."""
    days = [d for d in tingling_days(reports) if d <= day]
    return len(days) >= 2 and (day - days[-1]).days < SOON_DAYS
