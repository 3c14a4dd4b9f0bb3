"""The dates planner accepts anywhere (a plan's start, ``PLANNER_TODAY``, a file's dates).

A module of its own so the clock can check a pinned date without importing the plan model (the app's first
frame and the quick commands read the clock before anything of the domain is needed).
"""

from __future__ import annotations

import datetime as dt

# A century of room on each side, so the weeks, streaks and look-backs computed around any of them stay
# inside the calendar Python knows (years 1 to 9999).
EARLIEST, LATEST = dt.date(1900, 1, 1), dt.date(9899, 12, 31)
