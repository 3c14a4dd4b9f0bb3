"""What the faces read without changing anything: the active plan as it stands, settings, lessons read.

Reading never creates the data folder or the database, and takes no write lock."""

from __future__ import annotations

from planner.context import Context
from planner.domain.pain.adaptation import AdaptationState
from planner.store.active_plan import ActivePlan, load_active, open_store, standing_state


def active_plan(context: Context) -> ActivePlan | None:
    """The active plan with its history and state, read once (its store is closed: read its fields only)."""
    store = open_store(context.data_dir, create=False)
    if store is None:
        return None
    with store:
        return load_active(store, context.library, context.pain_rules)


def standing(context: Context) -> AdaptationState | None:
    """Where pain and warning signs left the person, plan or no plan (``None`` with no store yet)."""
    store = open_store(context.data_dir, create=False)
    if store is None:
        return None
    with store:
        return standing_state(store)


def setting(context: Context, key: str) -> str | None:
    """A choice the person made last time (``theme``, ``sound``)."""
    store = open_store(context.data_dir, create=False)
    if store is None:
        return None
    with store:
        return store.setting(key)


def lessons_read(context: Context) -> dict[str, str]:
    """Lesson id -> when it was first read."""
    store = open_store(context.data_dir, create=False)
    if store is None:
        return {}
    with store:
        return store.lessons_read()
