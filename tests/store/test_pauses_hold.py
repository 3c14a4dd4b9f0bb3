"""No sequence of new plans, changed days, imports (edited or not) and restarts lifts a warning-sign pause:
only ``resume --confirm`` does. Driven through the same functions the CLI and the app call."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.actions.plans import change_days
from planner.context import Context
from planner.domain.days.day import day_view
from planner.domain.errors import PlannerError
from planner.domain.library.loading import Library, Source, load_library
from planner.domain.pain.adaptation import apply_pain_report
from planner.domain.pain.pauses import resume_confirmed
from planner.domain.pain.screening import Screening
from planner.domain.pain.warning_signs import SIGN_NAMES, pausing
from planner.domain.plan.builder import build_plan
from planner.domain.plan.model import PlanInputs
from planner.domain.records import PainReport
from planner.exports.exporting import export_plan
from planner.exports.importing import import_plan
from planner.locations import built_in_library
from planner.store.active_plan import load_active, standing_state, start_plan
from planner.store.store import Store

START = dt.date(2026, 3, 2)
PROGRAMS = ["core-foundation", "core-flexibility", "flexibility"]


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([Source(built_in_library(), built_in=True)])


def new_plan(store: Store, library: Library, program: str, day: dt.date) -> None:
    inputs = PlanInputs(program=program, days=["mon", "wed", "fri"], minutes=20, level=1, weeks=6, start=day)
    start_plan(store, inputs, build_plan(inputs, library).program_name, day)


def report(store: Store, library: Library, day: dt.date, score: int, flags: tuple[str, ...] = ()) -> None:
    active = load_active(store, library)
    assert active is not None
    pain = PainReport(day, "after", score, flags=flags)
    _, adjustments, _ = apply_pain_report(active.plan, library, active.state, active.history, pain,
                                          active.weekly_increase)
    store.record_pain(active.record.id, pain, adjustments)


def export_import(store: Store, library: Library, folder: Path, day: dt.date, edit: bool) -> None:
    active = load_active(store, library)
    assert active is not None
    text = export_plan(active, library, "toml")
    if edit:  # the person deletes where pain left the plan, and the record of why
        text = re.sub(r"\[adaptation\]\n(?:.+\n)*\n", "", text)
        text = re.sub(r"\[\[adjustments\]\]\n(?:.+\n)*\n", "", text)
    path = folder / "plan.toml"
    path.write_text(text, encoding="utf-8")
    if store.latest_screening() is None:  # an import needs the safety screening, as a new plan does
        store.record_screening(Screening(day))
    import_plan(store, library, path, day)


steps = st.lists(st.tuples(st.sampled_from(["new", "days", "import", "edited-import", "restart", "pain"]),
                           st.integers(0, 10), st.sampled_from(PROGRAMS)), max_size=8)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sign=st.sampled_from(pausing(SIGN_NAMES)), sequence=steps)
def test_nothing_but_resume_confirm_lifts_a_warning_sign_pause(library, sign, sequence) -> None:
    with tempfile.TemporaryDirectory() as folder:
        data, day = Path(folder) / "data", START
        store = Store(data)
        try:
            new_plan(store, library, "core-foundation", day)
            report(store, library, day, 2, (sign,))
            for action, number, program in sequence:
                day += dt.timedelta(days=number % 4)
                if action == "new":
                    new_plan(store, library, program, day)
                elif action == "days":
                    context = Context(data, [], day)
                    context.__dict__["library"] = library  # already loaded: the action reads it from here
                    # An imported plan, or the days it already has, is refused and nothing changes.
                    with contextlib.suppress(PlannerError):
                        change_days(context, ["tue", "thu", "sat"])
                elif action in ("import", "edited-import"):
                    export_import(store, library, Path(folder), day, edit=action == "edited-import")
                elif action == "restart":
                    store.close()
                    store = Store(data)
                else:
                    report(store, library, day, number)
                state = standing_state(store)
                assert state.pause == "red-flag" and sign in state.symptoms, action
                active = load_active(store, library)
                assert active is not None
                view = day_view(active.plan, library, active.state, active.history, day, active.weekly_increase, day)
                assert view.status == "paused" and view.exercises == []
                assert view.alert is not None and view.alert.pauses and sign in view.alert.symptoms
            active = load_active(store, library)
            assert active is not None
            resumed, adjustment = resume_confirmed(active.state, active.plan, day, active.weekly_increase)
            assert resumed.pause is None and adjustment is not None
        finally:
            store.close()
