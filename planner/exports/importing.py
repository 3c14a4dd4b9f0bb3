"""Load a plan file as the active plan: check everything first, then change the store in one write."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from planner.domain.errors import InvalidFile, display_path
from planner.domain.exchange.plan_file import AdjustmentEntry, PlanFile, plan_from_toml, read_stored
from planner.domain.library.loading import Library, read_toml
from planner.domain.pain.adaptation import current_state
from planner.domain.pain.safety import URGENT_CARE
from planner.domain.records import History
from planner.store.store import PlanRecord, Store


@dataclass
class ImportResult:
    record: PlanRecord
    plan_file: PlanFile
    notes: list[str] = field(default_factory=list)


def read_plan_file(path: Path, library: Library) -> PlanFile:
    """The checked plan file at ``path``; any problem raises :class:`InvalidFile` with every line."""
    data, text, problems = read_toml(path)
    if data is None:
        raise InvalidFile(problems)
    return plan_from_toml(text, display_path(path), library)


def import_plan(store: Store, library: Library, path: Path, today: dt.date) -> ImportResult:
    """Make the plan in ``path`` the active one; the previous plan and its history stay archived.

    The file's weeks are kept as written. Its adjustments and adaptation state
    come along (a pause stays a pause); check-offs and pain reports start afresh.
    A red-flag pause on the current plan is never lifted by an import: only
    ``planner resume --confirm`` does that.
    """
    plan_file = read_plan_file(path, library)
    notes: list[str] = []
    if _current_pause(store) == "red-flag" and plan_file.adaptation.pause != "red-flag":
        reason = f"The imported plan stays paused: a red-flag symptom paused the plan it replaced. {URGENT_CARE}"
        plan_file = plan_file.model_copy(update={
            "adaptation": dataclasses.replace(plan_file.adaptation, pause="red-flag"),
            "adjustments": [*plan_file.adjustments, AdjustmentEntry(date=today, kind="red-flag", reason=reason)],
        })
        notes.append(reason)
    record = store.save_plan(plan_file.plan, plan_file.program_name, source="imported",
                             plan_file=plan_file.to_toml(), notes=[(n.date, n.text) for n in plan_file.notes])
    return ImportResult(record, plan_file, notes)


def _current_pause(store: Store) -> str | None:
    record = store.active_plan()
    if record is None:
        return None
    carried = read_stored(record.plan_file).adjustment_records() if record.plan_file else ()
    return current_state(History(adjustments=carried + store.history(record.id).adjustments)).pause
