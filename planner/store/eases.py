"""The answer to "which eases your back?", kept with the person's settings (``planner.actions.screening``
writes it; ``plan new`` and the builder build the plan with it)."""

from __future__ import annotations

from planner.domain.plan.model import Eases
from planner.store.store import Store

EASES_KEY = "eases"  # the latest answer, in the settings table
CHOICES: tuple[Eases, ...] = ("forward", "back", "neither")


def saved_eases(store: Store | None) -> Eases:
    """The latest answer, or ``neither`` when there is none."""
    value = store.setting(EASES_KEY) if store is not None else None
    return next((c for c in CHOICES if c == value), "neither")
