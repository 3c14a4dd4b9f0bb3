"""What a given day holds: the session as adapted to pain, its status, and why.

``planner today``, the app's Today screen and ``planner history`` all read
days through :func:`day_view`, so they can never disagree. The exercises themselves come from
:mod:`planner.domain.days.adapted`; this module decides what the day is (done, missed, paused, rest),
what was recorded of it, and the reasons shown with it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from planner.domain.days.adapted import (
    adapted_session,
    easier_share,
    full_week_before,
    rest_day_walks,
    slot_on,
)
from planner.domain.days.earned import HeldBack
from planner.domain.days.easier import eased_by_easier_week
from planner.domain.days.relief import relief_routine
from planner.domain.kinds import DayStatus
from planner.domain.library.loading import Library
from planner.domain.pain.adaptation import (
    AdaptationState,
    calendar_week,
    in_force,
    position,
)
from planner.domain.pain.alerts import current_alert
from planner.domain.pain.moving_on import all_but_one, catch_up
from planner.domain.pain.recurring import recurring_pain
from planner.domain.pain.rules import DEFAULT_RULES, PainRules
from planner.domain.pain.warning_signs import Alert
from planner.domain.plan.model import DAY_NAMES, Plan, Prescription
from planner.domain.records import History, SessionRecord

GAP_REASON_DAYS = 7  # a step down after a break is explained for the week it applies to, then the plan speaks for itself
STATUSES = tuple(DayStatus)
ONE_LEFT_OUT = "done, one left out"  # a session done but for one exercise: see DayView.one_left_out


@dataclass
class DayView:
    date: dt.date
    status: str
    reasons: list[str] = field(default_factory=list)
    exercises: list[Prescription] = field(default_factory=list)
    done_ids: set[str] = field(default_factory=set)
    week: int | None = None
    planned: bool = False
    partial_ids: set[str] = field(default_factory=set)  # begun, some sets done, not finished
    alert: Alert | None = None
    held_back: list[HeldBack] = field(default_factory=list)  # easier variants kept until a top dose is done
    function_prompt: str | None = None  # the one line asking to rate the activities again (every two weeks)
    week_text: str = ""  # "week 3 of 12 (week 2's doses)": the one week numbering every face shows
    easier: bool = False  # the doses are eased by an easier week (the label follows the doses, not the calendar)

    @property
    def session_count(self) -> tuple[int, int]:
        """(done, planned) of the session's own exercises: a walk apart from it is counted on its own."""
        session = [p for p in self.exercises if not p.apart] if self.planned else list(self.exercises)
        return sum(p.id in self.done_ids for p in session), len(session)

    @property
    def one_left_out(self) -> bool:
        """A session done but for one of its exercises (of three or more): recorded as partial, counted as
        done, as the plan counts it when it moves on (:func:`planner.domain.pain.moving_on.all_but_one`)."""
        session = {p.id for p in self.exercises if not p.apart}
        return self.planned and self.status == DayStatus.PARTIAL and all_but_one(session, self.done_ids & session)

    @property
    def counts_as_done(self) -> bool:
        """Done, for adherence and streaks: in full, or with one exercise left out."""
        return self.status == DayStatus.DONE or self.one_left_out

    @property
    def status_words(self) -> str:
        """The status as the faces write it for a day looked back on: "done, one left out" for such a day."""
        return ONE_LEFT_OUT if self.one_left_out else self.status

    @property
    def walks(self) -> list[Prescription]:
        """The walk apart from the session (for any time that day) on a session day; [] when there is none."""
        return [p for p in self.exercises if p.apart] if self.planned else []

    def as_json(self) -> dict:
        return {
            "date": self.date.isoformat(),
            "status": self.status,
            "week": self.week,
            "week_text": self.week_text,
            "easier_week": self.easier,
            "reasons": self.reasons,
            "alert": self.alert.as_json() if self.alert else None,
            "function_prompt": self.function_prompt,
            "exercises": [
                {
                    "id": p.id,
                    "name": p.name,
                    "sets": p.sets,
                    "reps": p.reps,
                    "hold_seconds": p.hold_seconds,
                    "minutes": p.minutes,
                    "per_side": p.per_side,
                    "descending": p.descending,  # sets of reps, reps-2, reps-4… (6-4-2)
                    "holds": p.holds(),  # a descending dose's holds, set by set ([6, 4, 3]); else null
                    "dose": p.dose_text(),
                    "volume_seconds": p.volume_seconds,
                    "done": p.id in self.done_ids,
                    "partial": p.id in self.partial_ids,
                    "held_back": next((h.as_json() for h in self.held_back if h.kept.id == p.id), None),
                    "slot": p.slot,  # the program slot it fills (a replacement fills the dropped one's)
                    "apart": p.apart,  # a walk at any time that day, not in the session's minutes
                }
                for p in self.exercises
            ],
        }


# Adjustments that open the day they are made on: a resume is made to train that day, and a step down
# after a break, a week repeated or a rebuild's last step is made when the day is first looked at. Today
# shows them at once, so history must too.
SAME_DAY_KINDS = ("resume", "gap", "repeat", "rebuilt")


def state_on(history: History, day: dt.date) -> AdaptationState:
    """The state a day's session was planned under: adjustments made that day after a pain report shape
    the days that follow, not the session that caused them; a resume or a step down shapes its own day."""
    last = None
    for adjustment in history.adjustments:
        if adjustment.date < day or adjustment.date == day and adjustment.kind in SAME_DAY_KINDS:
            last = adjustment
    return AdaptationState.load(last.state) if last else AdaptationState()


def day_view(
    plan: Plan | None, library: Library, state: AdaptationState, history: History, day: dt.date,
    weekly_increase: float, today: dt.date | None = None, rules: PainRules = DEFAULT_RULES,
) -> DayView:
    """What ``day`` holds. The record is the truth: a day with a check-off shows the session recorded
    at its first check-off, and a day before ``today`` without one shows the plan as it stood that day,
    so nothing written later (a pain report, a rule change, a library edit) rewrites a day gone by."""
    if plan is None:
        return DayView(day, DayStatus.NO_PLAN, ["No plan yet: build one with 'planner plan new --program ID' "
                                        "(see 'planner programs'), or open the app."])
    past = today is not None and day < today
    if past:
        state, history = state_on(history, day), _as_of(history, day)
    elif today is not None and day > today and history.completions and _settled(plan, history, day, today):
        # A day to come with no session left to do before it: what its first look will record (a week
        # mostly not done repeats; a step down after a break) is shown now, so the preview is what comes.
        state, due = catch_up(plan, state, history, day, weekly_increase, rules)
        history = replace(history, adjustments=(*history.adjustments, *due))
    record = history.session_on(day)
    if record is not None:
        view = _recorded_view(record, history, day)
        if not past and state.pause is not None:
            last = next((a for a in reversed(history.adjustments) if a.kind in ("red-flag", "pause")), None)
            view.reasons.append(f"From now on: {last.reason}" if last else "From now on the program is paused.")
    else:
        view = _day_view(plan, library, state, history, day, weekly_increase, today, rules)
    view.alert = current_alert(state, history, day)
    view.week_text = week_words(plan, day, view.week)
    view.easier = view.planned and eased_by_easier_week(plan, state, day, weekly_increase, view.week)
    return view


def week_words(plan: Plan, day: dt.date, doses_week: int | None) -> str:
    """The calendar week of the plan, and whose doses these are when pain held or eased them:
    "week 3 of 12 (week 2's doses)". Every face (CLI, app, report) numbers weeks this way."""
    calendar = (day - plan.inputs.start).days // 7 + 1
    if not 1 <= calendar <= len(plan.weeks):
        return ""
    words = f"week {calendar} of {len(plan.weeks)}"
    if doses_week and doses_week != calendar:
        words += f" (week {doses_week}'s doses)"
    return words


def _as_of(history: History, day: dt.date) -> History:
    """``history`` as it stood when ``day`` began (with the adjustments :func:`state_on` counts): what a
    day gone by is read from, so its reasons and alert are the ones it had."""
    adjustments = tuple(a for a in history.adjustments
                        if a.date < day or a.date == day and a.kind in SAME_DAY_KINDS)
    return replace(history, adjustments=adjustments, pain=tuple(p for p in history.pain if p.date < day))


def session_record(view: DayView) -> SessionRecord | None:
    """The record to keep of ``view``'s session when it is first checked off (``None``: nothing planned)."""
    if not view.exercises or view.status == "paused":
        return None  # the relief routine of a pause is not a plan session: the pause itself is the record
    return SessionRecord(view.date, view.week, tuple(view.exercises), tuple(view.reasons),
                         tuple((h.planned, h.kept, h.done, h.needed) for h in view.held_back))


def _recorded_view(record: SessionRecord, history: History, day: dt.date) -> DayView:
    """A recorded day: its session as prescribed then; only what was checked off since can change it."""
    exercises = list(record.exercises)
    ids = {e.id for e in exercises}
    completions = history.completions_on(day)
    done = {i for i, c in completions.items() if c.status == "done" and i in ids}
    partial = {i for i, c in completions.items() if c.status == "partial" and i in ids}
    session = {e.id for e in exercises if not e.apart}
    if not session:  # a day without a session whose walk was checked off: still a rest day
        return DayView(day, "rest", list(record.reasons), exercises, done, record.week, planned=False,
                       partial_ids=partial)
    if done >= session:
        status = "done"
    elif done or partial:
        status = "partial"
    else:
        status = "planned"
    held = [HeldBack(planned, kept, done_count, needed) for planned, kept, done_count, needed in record.held_back]
    return DayView(day, status, list(record.reasons), exercises, done, record.week, planned=True,
                   partial_ids=partial, held_back=held)


def _day_view(
    plan: Plan, library: Library, state: AdaptationState, history: History, day: dt.date,
    weekly_increase: float, today: dt.date | None, rules: PainRules = DEFAULT_RULES,
) -> DayView:
    reasons: list[str] = []
    advice = recurring_pain(history, day, rules, plan.inputs.start)
    if state.pause is not None:
        last = next((a for a in reversed(history.adjustments) if a.kind in ("red-flag", "pause")), None)
        if state.pause == "red-flag":
            # Since the first warning sign of this pause (a later sign during it does not restart it);
            # the alert above says how the pause is lifted, so it is not said again here.
            lifted = max((i for i, a in enumerate(history.adjustments) if a.kind == "resume"), default=-1)
            first = next((a for a in history.adjustments[lifted + 1:] if a.kind == "red-flag"), last)
            since = f" since {first.date.isoformat()}" if first else ""
            reasons.append(f"Paused{since} after a warning sign: see the alert above for what to do.")
        else:
            reasons.append(last.reason if last else "The program is paused.")
        if advice:
            reasons.append(advice)
        exercises = [] if state.pause == "red-flag" else relief_routine(library)
        done = set(history.completions_on(day))
        return DayView(day, DayStatus.PAUSED, reasons, exercises, done & {e.id for e in exercises})
    held: list[HeldBack] = []
    adapted = adapted_session(plan, library, state, day, weekly_increase,
                              history if _settled(plan, history, day, today) else None, held)
    if adapted is None:
        walks = rest_day_walks(plan, library, state, day, weekly_increase)
        if walks:
            done = {i for i, c in history.completions_on(day).items() if c.status == "done"} & {w.id for w in walks}
            reasons.append("No session today. The walk is still on, at any time today: "
                           + ", ".join(f"{w.name} {w.dose_text()}" for w in walks) + ".")
            if advice:
                reasons.append(advice)
            return DayView(day, "rest", reasons, walks, done, calendar_week(plan, day))
        if day > plan.end and position(plan, state, day, weekly_increase)[0] > len(plan.weeks):
            reasons.append(f"Your plan finished on {plan.end.isoformat()}: build the next one with 'planner plan new'.")
        elif day < plan.inputs.start:
            reasons.append(f"Your plan starts on {DAY_NAMES[plan.inputs.start.weekday()]} {plan.inputs.start.isoformat()}.")
        else:
            reasons.append("Rest day. A short walk and a glass of water still help your back.")
        if advice:
            reasons.append(advice)
        return DayView(day, DayStatus.REST, reasons)
    week, exercises = adapted
    reasons.extend(h.reason for h in held)
    reasons.extend(_active_reasons(plan, state, history, week, day, weekly_increase))
    if advice:
        reasons.append(advice)
    completions = history.completions_on(day)
    ids = {e.id for e in exercises}
    done = {i for i, c in completions.items() if c.status == "done" and i in ids}
    partial = {i for i, c in completions.items() if c.status == "partial" and i in ids}
    skip = history.skip_on(day)
    if skip is not None:
        status = DayStatus.SKIPPED
        reasons.insert(0, f"Skipped{': ' + skip.why if skip.why else ''}.")
    elif ids and done >= {e.id for e in exercises if not e.apart}:
        # The session is its floor work: a walk apart (for any time that day) is checked off on its own
        # and does not leave a finished session "partial" nor break a streak.
        status = DayStatus.DONE
    elif done or partial:
        status = DayStatus.PARTIAL
    elif today is not None and day < today:
        status = DayStatus.MISSED
    else:
        status = DayStatus.PLANNED
    return DayView(day, status, reasons, exercises, done, week, planned=True, partial_ids=partial, held_back=held)


def _settled(plan: Plan, history: History, day: dt.date, today: dt.date | None) -> bool:
    """Whether what was checked off decides ``day``'s variants: a day up to today, or the next session
    with none still to do before it. A later day shows the plan as built, since the sessions before
    it can still be done."""
    if today is None or day <= today:
        return True
    for offset in range((day - today).days):
        earlier = today + dt.timedelta(days=offset)
        if earlier >= plan.inputs.start and slot_on(plan, earlier) is not None \
                and not history.completions_on(earlier) and history.skip_on(earlier) is None:
            return False
    return True


def _active_reasons(
    plan: Plan, state: AdaptationState, history: History, week: int, day: dt.date, weekly_increase: float
) -> list[str]:
    reasons: list[str] = []
    at, factor = position(plan, state, day, weekly_increase)
    slot = slot_on(plan, day)
    if factor < 1.0 and at <= len(plan.weeks) and plan.weeks[at - 1].deload and slot is not None:
        full = full_week_before(plan, at)
        factor = min(factor, easier_share(plan, at, full, slot)) if full is not None else factor
    change = in_force(state, day, weekly_increase)
    if change is not None:  # back at full doses after a rebuild: nothing held
        last = next((a for a in reversed(history.adjustments) if a.date <= day), None)
        newer = last is not None and any(last.date < p.date <= day for p in history.pain)
        if last is not None and not newer:
            reasons.append(last.reason)
        elif last is not None:  # a newer report changed nothing: its old words would be stale
            doing = "Doses held" if change == "hold" else "Building back to the full plan"
            reasons.append(f"{doing} since {last.date.isoformat()} ({last.kind}); 'planner adjustments' says why.")
        if factor < 1.0:
            reasons.append(f"Today's volume is {factor:.0%} of the plan's week {week}.")
    elif history.adjustments and history.adjustments[-1].kind == "gap" and (
            0 <= (day - history.adjustments[-1].date).days < GAP_REASON_DAYS):
        reasons.append(history.adjustments[-1].reason)
    elif history.adjustments and history.adjustments[-1].kind == "rebuilt" and day >= history.adjustments[-1].date \
            and calendar_week(plan, day) == calendar_week(plan, history.adjustments[-1].date):
        reasons.append(history.adjustments[-1].reason)  # said through the week the full plan came back
    elif history.adjustments and history.adjustments[-1].kind == "repeat" and day >= history.adjustments[-1].date \
            and calendar_week(plan, day) == calendar_week(plan, history.adjustments[-1].date):
        reasons.append(history.adjustments[-1].reason)  # said through the week it repeats
    plan_week = plan.weeks[week - 1]
    if plan_week.deload:
        reasons.append(plan_week.reasons[0])
    return reasons


def next_session(
    plan: Plan, library: Library, state: AdaptationState, history: History, today: dt.date, weekly_increase: float,
) -> DayView | None:
    """Today's session if it is still to do, else the next planned one within a week (``None``: none)."""
    for offset in range(8):
        day = today + dt.timedelta(days=offset)
        view = day_view(plan, library, state, history, day, weekly_increase, today)
        if view.planned and view.status in ("planned", "partial"):
            return view
    return None
