"""How hard the fuzz tests and the key masher push: a fixed, short, seeded budget in ``make test``; a
longer one, still seeded, with ``make fuzz`` (``PLANNER_FUZZ=long``). Seeded means a failure found
once is found again on every machine, and a pass does not depend on luck."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

LONG = os.environ.get("PLANNER_FUZZ", "").strip().lower() == "long"


def budget(short: int, long: int) -> int:
    """``short`` in the everyday run, ``long`` under ``make fuzz``."""
    return long if LONG else short


def fuzz_settings(short: int, long: int | None = None) -> settings:
    """Hypothesis settings: derandomized (the seed comes from the test's name), no example database
    (nothing carried between runs), and ``short`` examples, or ``long`` (ten times as many) under ``make fuzz``."""
    return settings(max_examples=budget(short, long if long is not None else short * 10), deadline=None,
                    derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
