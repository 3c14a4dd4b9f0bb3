"""The activities the person wants back (``planner function``, the app's dialog and builder): name, rate,
rename, retire. Quick: only the store is opened (no library, no plan)."""

from __future__ import annotations

from collections.abc import Callable

from planner.actions.situation import Outcome
from planner.context import Context
from planner.domain.function import Activity, FunctionSummary, check_names, check_scores, pick, summarise
from planner.store.active_plan import open_store
from planner.store.store import Store


def summary(context: Context) -> FunctionSummary:
    """The activities and their ratings. Reads only (no store yet: none)."""
    store = open_store(context.data_dir, create=False)
    if store is None:
        return FunctionSummary()
    with store:
        return summarise(store.activities())


Change = Callable[[Store, tuple[Activity, ...]], list[str]]


def _change(context: Context, change: Change) -> Outcome:
    """Read the current activities and change them in one write transaction."""
    store = open_store(context.data_dir, create=True)
    assert store is not None
    with store, store.transaction():
        return Outcome(change(store, summarise(store.activities()).current))


def add_activities(context: Context, names: list[str]) -> Outcome:
    """Name activities the back makes hard: at most five current ones in all."""
    def change(store: Store, current: tuple[Activity, ...]) -> list[str]:
        checked = check_names(names, kept=len(current))
        store.add_activities(checked, context.today)
        return [f"Added {', '.join(checked)}. You have {len(current) + len(checked)} activities to rate."]

    return _change(context, change)


def rate_activities(context: Context, texts: list[str]) -> Outcome:
    """One score 0-10 for each current activity, in order, for today (again today: the later scores stay)."""
    def change(store: Store, current: tuple[Activity, ...]) -> list[str]:
        scores = check_scores(texts, current)
        store.rate_activities([(a.id, s) for a, s in zip(current, scores, strict=True)], context.today)
        after = summarise(store.activities())
        line = f"Rated on {context.today.isoformat()}: " + ", ".join(
            f"{a.name} {s}" for a, s in zip(current, scores, strict=True))
        if after.averages:
            line += f". Average {after.averages[-1][1]:g}"
            if after.average_change is not None:
                line += f" ({after.average_change:+g} since {after.averages[0][0].isoformat()})"
        return [line + "."]

    return _change(context, change)


def rename_activity(context: Context, number: str, name: str) -> Outcome:
    def change(store: Store, current: tuple[Activity, ...]) -> list[str]:
        activity = pick(current, number, "rename")
        (new,) = check_names([name], kept=0)
        store.rename_activity(activity.id, new)
        return [f"Renamed '{activity.name}' to '{new}'; its scores stay with it."]

    return _change(context, change)


def retire_activity(context: Context, number: str) -> Outcome:
    def change(store: Store, current: tuple[Activity, ...]) -> list[str]:
        activity = pick(current, number, "retire")
        store.retire_activity(activity.id, context.today)
        return [f"Retired '{activity.name}': it is no longer rated, and its scores stay in your history and "
                "report. Add another with: planner function set \"NAME\""]

    return _change(context, change)
