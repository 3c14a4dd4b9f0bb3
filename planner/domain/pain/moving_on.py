"""A plan week moves on only when its work was done: progression follows the work the back tolerated, not
the calendar (the pain-monitoring model; graded activity).

The calendar says which days are training days; the person's position on the plan moves up a week only when
the week before was mostly done. When a new plan week begins and fewer than half (rounded up) of the week
just ended's planned sessions were checked off as done, the new week repeats that week's doses, recorded as
an adjustment (kind ``repeat``) with its reason. A session checked off in part (some of its exercises, or
fewer sets) counts as half a session; a skipped or missed one counts as nothing. A session with every
exercise but one done counts as done: the exercise left undone stays behind on its own track
(:mod:`planner.domain.days.track_position`), and one exercise skipped every time (a farmer's walk without a
weight at home) no longer keeps the whole plan on one week.

The rule only ever keeps the position where it was: it never moves anyone on, never raises the volume (when
the week that would come is a planned easier week, the easier week comes), never applies during a pause or
while a hold, cut or rebuild keeps the position already, and leaves a break longer than ``gap_days`` to the
gap rule (:func:`gap_adjustment`, below): sessions before a step-down after a break
are not counted, and the gap rule steps down from where the person left off, never from a repeat.

Like the gap rule, it is recorded lazily, on the first look at the new week (``planner today``, a check-off,
a pain report, the app): :func:`catch_up` is the one function every path calls.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import replace

from planner.domain.kinds import AdjustmentKind
from planner.domain.pain.position import calendar_week, factor_on, is_session_day, position, settle
from planner.domain.pain.rules import DEFAULT_RULES, PainRules
from planner.domain.pain.state import AdaptationState, current_state
from planner.domain.plan.model import DAY_NAMES, Plan
from planner.domain.records import Adjustment, History

REPEAT = AdjustmentKind.REPEAT
PART_COUNTS_AS = 0.5  # a session checked off in part counts as half a session
# A session of at least this many exercises with all but one done counts as done: the one left undone stays
# behind on its own track (planner.domain.days.track_position), so the rest of the plan need not wait for it.
ALL_BUT_ONE_FROM = 3


def all_but_one(session: set[str], done: set[str]) -> bool:
    """A session of at least :data:`ALL_BUT_ONE_FROM` exercises with exactly one of them not done: the plan
    counts it as done, and so do adherence and streaks (the record keeps it as it was: partly done)."""
    return len(session) >= ALL_BUT_ONE_FROM and len(session - done) == 1


def state_before(history: History, day: dt.date) -> AdaptationState:
    """The state the adjustments recorded before ``day`` left (where the person stood as ``day`` began)."""
    return current_state(History(adjustments=tuple(a for a in history.adjustments if a.date < day)))


def week_work(plan: Plan, history: History, week: int) -> tuple[int, int, int]:
    """(sessions done, sessions done in part, sessions counted) in calendar week ``week`` of the plan.

    Sessions before a step-down after a break (the gap rule's case) and sessions while the program was
    paused are not counted: the break and the pause are not the person's to make up."""
    gap = max((a.date for a in history.adjustments if a.kind == AdjustmentKind.GAP), default=None)
    full = part = counted = 0
    for day in plan.inputs.session_dates(week - 1):
        if day < plan.inputs.start or (gap is not None and day < gap) or state_before(history, day).pause:
            continue
        counted += 1
        if history.skip_on(day) is not None:
            continue
        checked = {i: c for i, c in history.completions_on(day).items() if c.status != "skipped"}
        record = history.session_on(day)
        if record is not None:
            # The session's own exercises: the walk apart from it, done alone, moves no strength work on.
            session = {p.id for p in record.exercises if not p.apart}
            done = {i for i, c in checked.items() if c.status == "done"}
            if session and (done >= session or all_but_one(session, done)):
                full += 1
            elif set(checked) & (session or {p.id for p in record.exercises}):
                part += 1
        elif checked:  # a check-off kept before sessions were recorded: whole unless marked partial
            if all(c.status == "done" for c in checked.values()):
                full += 1
            else:
                part += 1
    return full, part, counted


def needed(planned: int) -> int:
    """Sessions a week needs done for the plan to move on: half of those planned, rounded up."""
    return math.ceil(planned / 2)


def repeat_adjustment(
    plan: Plan, state: AdaptationState, history: History, day: dt.date, weekly_increase: float,
) -> tuple[AdaptationState, Adjustment] | None:
    """On ``day``, in a plan week whose week before was mostly not done: the state that repeats that week's
    doses (``lag_weeks`` grows), and the adjustment that says why; ``None`` when the plan moves on as it is."""
    if state.pause is not None or day < plan.inputs.start:
        return None
    week = calendar_week(plan, day)
    if week < 2:
        return None
    began = plan.inputs.start + dt.timedelta(days=7 * (week - 1))
    settled = settle(plan, state, day, weekly_increase)
    if settled.frozen_week is not None:
        return None  # a hold, cut or rebuild already keeps the position: never doubled
    then = state_before(history, began)
    if then.pause is not None:
        return None
    was, _ = position(plan, then, began - dt.timedelta(days=1), weekly_increase)
    now, _ = position(plan, settled, day, weekly_increase)
    last = history.adjustments[-1] if history.adjustments else None
    if now == was and last is not None and last.kind == REPEAT and last.date >= began:
        return _after_all(plan, history, week, weekly_increase, day)
    if now <= was:
        return None  # not moving on anyway (a step down after a break, a hold released into this week)
    if now <= len(plan.weeks) and plan.weeks[now - 1].deload and not plan.weeks[min(was, len(plan.weeks)) - 1].deload:
        return None  # a planned easier week is lighter than the week repeated: it comes (never more volume)
    full, part, planned = week_work(plan, history, week - 1)
    if planned == 0 or full + PART_COUNTS_AS * part >= needed(planned):
        return None
    new = replace(settled, lag_weeks=week - was)
    done = f"{full} of {planned} session{'s' if planned != 1 else ''} {'was' if full == 1 else 'were'} done"
    if part:
        done += f" and {part} {'was' if part == 1 else 'were'} done in part"
    half = " (one done in part counts as half)" if part else ""
    reason = (f"Last week {done}, so this week repeats week {was}'s doses; the plan moves on once at least "
              f"{needed(planned)} of a week's {planned} sessions are done{half}.")
    before = began - dt.timedelta(days=7)
    if any(a.kind == REPEAT and before <= a.date < began and "after all" not in a.reason for a in history.adjustments):
        reason += (" Two weeks running: if fewer days a week fit your life better, a plan built for them "
                   "moves on with the sessions you can do ('planner plan new --program ID --days ...').")
    return new, Adjustment(day, REPEAT, reason, new.dump())


def taken_back(plan: Plan, history: History, day: dt.date, weekly_increase: float,
               ) -> tuple[AdaptationState, Adjustment] | None:
    """After a session of an earlier day is checked off late: this week's repeat taken back if last week now
    counts enough (see :func:`repeat_adjustment`). Nothing else is judged on a late check-off: that is for
    the first look at the day, so filling in several past days never counts as a break on the way."""
    last = history.adjustments[-1] if history.adjustments else None
    if last is None or last.kind != REPEAT or day < plan.inputs.start:
        return None
    state = AdaptationState.load(last.state)
    if state.pause is not None or state.frozen_week is not None:
        return None
    week = calendar_week(plan, day)
    if week < 2 or last.date < plan.inputs.start + dt.timedelta(days=7 * (week - 1)):
        return None
    began = plan.inputs.start + dt.timedelta(days=7 * (week - 1))
    was, _ = position(plan, state_before(history, began), began - dt.timedelta(days=1), weekly_increase)
    if position(plan, state, day, weekly_increase)[0] != was:
        return None
    return _after_all(plan, history, week, weekly_increase, day)


def _after_all(plan: Plan, history: History, week: int, weekly_increase: float,
               day: dt.date) -> tuple[AdaptationState, Adjustment] | None:
    """This week's repeat, taken back when last week's sessions were checked off late (``planner done
    --date``) and now count enough; only while nothing else has changed the plan since."""
    full, part, planned = week_work(plan, history, week - 1)
    if planned == 0 or full + PART_COUNTS_AS * part < needed(planned):
        return None
    before = current_state(History(adjustments=history.adjustments[:-1]))
    moved, _ = position(plan, before, day, weekly_increase)
    done = f"{full} of {planned}" + (f", and {part} in part" if part else "")
    reason = (f"Last week's sessions are checked off now ({done}), so this week moves on to week {moved}'s "
              "doses after all.")
    return before, Adjustment(day, REPEAT, reason, before.dump())


def rebuilt_adjustment(
    plan: Plan, state: AdaptationState, day: dt.date, weekly_increase: float,
) -> tuple[AdaptationState, Adjustment] | None:
    """A rebuild after pain whose last step, back to the full plan, comes by ``day`` with the calendar (no
    report makes it): the state written at the full plan, and the adjustment that says so on its day. The
    doses are the ones the calendar already gives; the record is there so the rise has a reason."""
    if state.pause is not None or state.frozen_week is None or state.growing_since is None \
            or state.ceiling is not None or factor_on(state, day, weekly_increase) < 1.0:
        return None
    reached = day  # the day the calendar brought the full plan back (a day nobody looked at, maybe)
    while reached > state.growing_since and factor_on(state, reached - dt.timedelta(days=1), weekly_increase) >= 1.0:
        reached -= dt.timedelta(days=1)
    before = factor_on(state, reached - dt.timedelta(days=1), weekly_increase)
    new = settle(plan, state, day, weekly_increase)
    week, _ = position(plan, new, day, weekly_increase)
    when = "today" if reached == day else f"{DAY_NAMES[reached.weekday()]} {reached.isoformat()}"
    reason = (f"Back to the full plan from {when}, at week {week}'s doses: the sessions at {before:.0%} brought no "
              "pain that called for a hold or a cut, so the build back is complete and the plan "
              "moves on again. Report how the sessions go, as before.")
    return new, Adjustment(day, AdjustmentKind.REBUILT, reason, new.dump())


def catch_up(
    plan: Plan, state: AdaptationState, history: History, day: dt.date, weekly_increase: float,
    rules: PainRules = DEFAULT_RULES,
) -> tuple[AdaptationState, list[Adjustment]]:
    """What the first look at ``day`` records before anything else: a step down after a break longer than
    ``gap_days`` (the gap rule), a rebuild's last step back to the full plan (said on its day), and the
    repeat of a week that was mostly not done. Returns the state
    after them and the adjustments to record (none: nothing is due)."""
    adjustments: list[Adjustment] = []
    gap = gap_adjustment(plan, state, history, day, weekly_increase, rules)
    if gap is not None:
        state = gap[0]
        history = replace(history, adjustments=(*history.adjustments, gap[1]))
        adjustments.append(gap[1])
    rebuilt = rebuilt_adjustment(plan, state, day, weekly_increase)
    if rebuilt is not None:
        state = rebuilt[0]
        history = replace(history, adjustments=(*history.adjustments, rebuilt[1]))
        adjustments.append(rebuilt[1])
    repeat = repeat_adjustment(plan, state, history, day, weekly_increase)
    if repeat is not None:
        state = repeat[0]
        adjustments.append(repeat[1])
    return state, adjustments


def gap_adjustment(
    plan: Plan, state: AdaptationState, history: History, day: dt.date, weekly_increase: float,
    rules: PainRules = DEFAULT_RULES,
) -> tuple[AdaptationState, Adjustment] | None:
    """After more than ``rules.gap_days`` days without a session, pick up one step lower than where the
    person left off."""
    if state.pause is not None or day < plan.inputs.start:
        return None
    done_days = sorted({c.date for c in history.completions if c.status != "skipped" and c.date < day})
    last = done_days[-1] if done_days else None
    anchor = last or plan.inputs.start - dt.timedelta(days=1)
    resumed = max((a.date for a in history.adjustments if a.kind == "resume" and a.date <= day), default=None)
    if resumed is not None and resumed - dt.timedelta(days=1) > anchor:
        anchor = resumed - dt.timedelta(days=1)  # days paused are not a break from the plan: counted from the resume
    if (day - anchor).days <= rules.gap_days or state.gap_after == anchor:
        return None
    missed = [s for s in plan.sessions() if anchor < s.date < day]
    if not missed:
        return None
    if last is None and calendar_week(plan, day) <= 2:
        return None
    settled = settle(plan, state, day, weekly_increase)
    # Where the person left off: the position on their last session under the state in force then, so a
    # week repeated since (planner.domain.pain.moving_on) is not stepped down from a second time.
    then = current_state(replace(history, adjustments=tuple(a for a in history.adjustments if a.date <= last))) \
        if last else state
    left_week, _ = position(plan, then, last, weekly_increase) if last else (1, 1.0)
    target = max(1, left_week - 1)
    if settled.frozen_week is not None:
        new = replace(settled, frozen_week=min(settled.frozen_week, target), gap_after=anchor)
    else:
        # Counted from the next session day, so a gap noticed on a rest day still starts at ``target``.
        upcoming = next((day + dt.timedelta(days=i) for i in range(7) if is_session_day(plan, day + dt.timedelta(days=i))), day)
        new = replace(settled, lag_weeks=calendar_week(plan, upcoming) - target, gap_after=anchor)
    since = f"since {last.isoformat()}" if last else f"since the plan started on {plan.inputs.start.isoformat()}"
    if resumed is not None and anchor == resumed - dt.timedelta(days=1):
        since = f"since the program resumed on {resumed.isoformat()}"
    reason = (f"No session {since} ({(day - anchor).days} days): picking up one step lower, at week {target}'s "
              "doses. Missing sessions is not a setback; the plan simply eases back in.")
    return new, Adjustment(day, "gap", reason, new.dump())
