"""Load a plan file as the active plan: check everything first, then change the store in one write."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from planner.domain.errors import InvalidFile, display_path
from planner.domain.exchange.plan_file import AdjustmentEntry, PlanFile, plan_from_toml
from planner.domain.library.loading import Library, read_toml
from planner.domain.pain.pauses import carried_pause, stronger_pause
from planner.domain.pain.screening import check_screened
from planner.store.active_plan import standing_state
from planner.store.store import PlanRecord, Store


@dataclass
class ImportResult:
    record: PlanRecord
    plan_file: PlanFile
    notes: list[str] = field(default_factory=list)


def read_plan_file(path: Path, library: Library, today: dt.date | None = None) -> PlanFile:
    """The checked plan file at ``path``; any problem raises :class:`InvalidFile` with every line."""
    data, text, problems = read_toml(path)
    if data is None:
        raise InvalidFile(problems)
    return plan_from_toml(text, display_path(path), library, today)


def import_plan(store: Store, library: Library, path: Path, today: dt.date) -> ImportResult:
    """Make the plan in ``path`` the active one; the previous plan and its history stay archived.

    The file's weeks are kept as written. Its adjustments and adaptation state
    come along (a pause stays a pause), and so do the check-offs, skips and pain reports
    recorded under the previous plan from the imported plan's start on.
    A pause that stands (a warning sign, or the relief routine) is never lifted
    or weakened by an import, whatever the file says or leaves out: only
    ``planner resume --confirm`` (or a relief pause's own rule) lifts it.
    """
    plan_file = read_plan_file(path, library, today)
    # An imported plan is a plan like a built one: the same safety screening comes first.
    check_screened(store.latest_screening(), today)
    notes: list[str] = []
    with store.transaction():  # the pause read is the pause kept, whatever another planner writes beside
        standing = standing_state(store)
        kept = stronger_pause(plan_file.adaptation, standing)
        if kept != plan_file.adaptation:
            carried = carried_pause(standing, today, "the imported plan")
            assert carried is not None
            plan_file = plan_file.model_copy(update={
                "adaptation": kept,
                "adjustments": [*plan_file.adjustments,
                                AdjustmentEntry(date=today, kind=carried.kind, reason=carried.reason)],
            })
            notes.append(carried.reason)
        record = store.save_plan(plan_file.plan, plan_file.program_name, source="imported",
                                 plan_file=plan_file.to_toml(), notes=[(n.date, n.text) for n in plan_file.notes],
                                 records_from=plan_file.plan.start)
        if plan_file.activities:
            added = store.merge_activities([a.to_activity(n) for n, a in enumerate(plan_file.activities, 1)])
            if added:
                notes.append(f"{added} activit{'y' if added == 1 else 'ies'} you want back came with the plan, "
                             "with their ratings: see 'planner function'.")
    return ImportResult(record, plan_file, notes)
