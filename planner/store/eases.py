"""The answer to "which eases your back?", kept with the person's settings, and the plan following it.

Both faces call these (``planner screen --eases``, the app's safety questions, ``plan new`` and the builder).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.domain.plan.direction import EASES_WORDS
from planner.domain.plan.model import Eases
from planner.store.active_plan import load_active
from planner.store.store import Store

if TYPE_CHECKING:
    from planner.context import Context

EASES_KEY = "eases"  # the latest answer, in the settings table
CHOICES: tuple[Eases, ...] = ("forward", "back", "neither")


def saved_eases(store: Store | None) -> Eases:
    """The latest answer, or ``neither`` when there is none."""
    value = store.setting(EASES_KEY) if store is not None else None
    return next((c for c in CHOICES if c == value), "neither")


def record_eases(store: Store, eases: Eases, context: Context) -> str:
    """Keep the answer; an active plan built from inputs follows it from next week. Returns what changed."""
    store.set_setting(EASES_KEY, eases)
    active = load_active(store, context.library, context.pain_rules)
    if active is None:
        return f"Noted: {EASES_WORDS[eases]}. Your plan will follow it."
    adjustment = active.change_eases(eases, context.today, context.library)
    if adjustment is not None:
        return adjustment.reason
    if active.record.plan_file is not None:
        return (f"Noted: {EASES_WORDS[eases]}. Your plan was imported from a file, so its weeks stay as the file "
                "has them; your next plan will follow it.")
    return f"Noted: {EASES_WORDS[eases]}. Your plan already follows it."
