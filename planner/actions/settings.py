"""Small writes that change neither the plan nor its history: a setting, a lesson marked as read."""

from __future__ import annotations

from planner.context import Context
from planner.store.active_plan import open_store


def save_setting(context: Context, key: str, value: str) -> None:
    store = open_store(context.data_dir, create=True)
    assert store is not None
    with store:
        store.set_setting(key, value)


def mark_lesson_read(context: Context, lesson_id: str) -> bool:
    """Record a lesson as read; ``True`` the first time (reading it again keeps the first date)."""
    store = open_store(context.data_dir, create=True)
    assert store is not None
    with store:
        return store.mark_lesson_read(lesson_id)
