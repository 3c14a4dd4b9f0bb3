"""Build a new plan, change its training days, import one from a file."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from planner.actions.situation import Outcome, Situation, decide, refresh_live_calendar
from planner.context import Context
from planner.domain.days.reschedule import reschedule
from planner.domain.errors import PlannerError
from planner.domain.function import check_names, summarise
from planner.domain.pain.screening import nerve_advice
from planner.domain.plan.model import Plan, PlanInputs, Weekday
from planner.domain.records import Adjustment
from planner.store.active_plan import carried_pause_for_new_plan, load_active, open_store, standing_state
from planner.store.eases import saved_eases


@dataclass
class PlanCreated(Outcome):
    built: Plan | None = None
    carried: Adjustment | None = None  # a pause that stands, carried into the new plan


def new_plan(context: Context, inputs: PlanInputs, built: Plan | None = None,
             activities: list[str] | None = None) -> PlanCreated:
    """Build the plan (outside the lock: it is pure and can be slow) and make it the active one; the previous
    plan is archived. A warning-sign pause that stands is read inside the write and carried over, whatever
    another planner writes beside: only ``resume --confirm`` lifts it. The plan follows the screening's
    answer on which direction eases the back; ``activities`` the person wants back are named with it."""
    store = open_store(context.data_dir, create=False)
    eases = "neither"
    if store is not None:
        with store:
            eases = saved_eases(store)
    if eases != inputs.eases:
        inputs, built = dataclasses.replace(inputs, eases=eases), None
    if built is None:
        from planner.domain.plan.builder import build_plan

        built = build_plan(inputs, context.library)

    def act(s: Situation) -> PlanCreated:
        if activities:
            s.store.add_activities(check_names(activities, kept=len(summarise(s.store.activities()).current)),
                                   s.today)
        # a program may shorten the plan (first days: 2 weeks), so the built inputs are kept
        carried = carried_pause_for_new_plan(s.store, s.today, s.rules)
        if carried is None:  # a screening "yes" to numbness in one leg: no nerve-loading stretches, said once
            carried = nerve_advice(s.store.latest_screening(), built, s.library, standing_state(s.store), s.today)
        s.store.save_plan(built.inputs, built.program_name, adjustments=[carried] if carried else [])
        lines = [f"Plan created: {built.program_name}, {built.inputs.weeks} weeks."]
        if carried is not None:
            lines.append(carried.reason)
        return PlanCreated(lines, changed=True, active=load_active(s.store, s.library, s.rules), built=built,
                           carried=carried)

    return decide(context, act, replaces_plan=True)


@dataclass
class DaysChanged(Outcome):
    adjustment: Adjustment | None = None


def change_days(context: Context, days: list[Weekday]) -> DaysChanged:
    """Move the training days from next week on (see :mod:`planner.domain.days.reschedule`) and record why."""
    def act(s: Situation) -> DaysChanged:
        active = s.require()
        if active.record.plan_file is not None:
            raise PlannerError("this plan was imported from a file, so its dates are the file's; "
                               "export it, change the dates, and import it again")
        inputs, adjustment = reschedule(active.record.inputs, active.state, s.today, days)
        s.store.change_inputs(active.record.id, inputs, adjustment)
        active.rebuild(inputs, s.library)
        return DaysChanged([adjustment.reason], changed=True, active=active, adjustment=adjustment)

    return decide(context, act, create=False)


@dataclass
class Imported(Outcome):
    program_name: str = ""
    inputs: PlanInputs | None = None


def import_plan(context: Context, path: Path) -> Imported:
    """Make the plan file at ``path`` the active plan. The file is checked first (a bad one raises
    :class:`~planner.domain.errors.InvalidFile` listing every problem, and changes nothing, not even creating
    the data folder); a pause that stands is kept, read inside the write."""
    from planner.exports.importing import import_plan as load_plan_file
    from planner.exports.importing import read_plan_file

    if not context.database_exists():
        read_plan_file(path, context.library, context.today)  # a bad file leaves no trace
    store = open_store(context.data_dir, create=True)
    assert store is not None
    with store:
        result = load_plan_file(store, context.library, path, context.today)
        outcome = Imported(list(result.notes), changed=True, program_name=result.plan_file.program_name,
                           inputs=result.plan_file.plan)
        outcome.live_problem = refresh_live_calendar(store, context.library, context.pain_rules, context.today)
    return outcome
