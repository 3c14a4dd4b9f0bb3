"""Pain-guided adaptation: pure rules from (plan, state, report, date) to a new state and its reasons.

The plan built from its inputs never changes; what changes is an
:class:`AdaptationState` laid over it: which plan week the person is on
(``frozen_week`` holds it still, ``lag_weeks`` shifts the calendar), a volume
``factor`` that climbs back to the doses before the pain within two weeks, exercises regressed
to an easier variant, and pauses. Every state change is returned as an
:class:`Adjustment` with a plain-words reason, and the store keeps it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

from planner.domain.library.loading import Library
from planner.domain.pain.rules import DEFAULT_RULES, PainRules
from planner.domain.pain.tingling import NERVE_LOADING, TINGLING, tingling_persists
from planner.domain.pain.usual import settled_by_morning, usual_pain, worse_next_morning
from planner.domain.pain.warning_signs import (
    REPLACED_BY,
    SEE_A_PROFESSIONAL,
    STOP_IT_NOW,
    alert_for,
    pausing,
    persisting,
)
from planner.domain.plan.model import DAY_NAMES, Plan
from planner.domain.plan.substitutes import replacement_for
from planner.domain.records import Adjustment, History, PainReport

if TYPE_CHECKING:  # read by pydantic for plan files (see planner.domain.files.validation)
    from typing import Annotated

    from pydantic import Field

# The thresholds live in the pain-rules file (planner.domain.pain.rules); every rule below takes them.


@dataclass(frozen=True, kw_only=True)
class AdaptationState:
    """Where pain-guided changes left the plan; carried over on import."""

    __pydantic_config__ = {"extra": "forbid"}  # in a plan file; the store's copies are read by load()

    pause: Literal["relief", "red-flag"] | None = None
    frozen_week: Annotated[int | None, Field(strict=True)] = None
    factor: Annotated[float, Field(strict=True)] = 1.0
    growing_since: dt.date | None = None
    ceiling: Annotated[float | None, Field(strict=True)] = None
    lag_weeks: Annotated[int, Field(strict=True)] = 0
    regressed: Annotated[dict[str, str], Field(json_schema_extra={"default": {}})] = field(default_factory=dict)
    gap_after: dt.date | None = None
    # The warning signs behind a red-flag pause (names from planner.domain.pain.warning_signs).
    symptoms: Annotated[list[str], Field(json_schema_extra={"default": []})] = field(default_factory=list)
    # Exercise tracks taken out of the plan: they brought on tingling, or hurt at their easiest variant.
    dropped: Annotated[list[str], Field(json_schema_extra={"default": []})] = field(default_factory=list)
    # A dropped track's replacement: another exercise for the same purpose (planner.domain.plan.substitutes).
    replaced: Annotated[dict[str, str], Field(json_schema_extra={"default": {}})] = field(default_factory=dict)
    # The week of the plan each replacement came in (by the dropped track): it moves up its own progression
    # from there, a step for each week the plan moves on.
    replaced_at: Annotated[dict[str, int], Field(json_schema_extra={"default": {}})] = field(default_factory=dict)
    # The session day the last cut answered: one cut per pain episode, so a second report about the same
    # session (a 7 after it, a 6 the next morning) never cuts it again.
    cut_for: dt.date | None = None
    # Weeks to climb back after a cut or a pause, from the pain rules in force when it began.
    rebuild_weeks: Annotated[int, Field(ge=1, le=12, strict=True)] = DEFAULT_RULES.rebuild_weeks

    def dump(self) -> dict:
        """Plain JSON values, as the store keeps the state with each adjustment."""
        data = dataclasses.asdict(self)
        for name in ("growing_since", "gap_after", "cut_for"):
            if data[name] is not None:
                data[name] = data[name].isoformat()
        return data

    @classmethod
    def load(cls, data: dict) -> AdaptationState:
        """A state :meth:`dump` wrote; keys it does not know (from another version) are left out."""
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        for name in ("growing_since", "gap_after", "cut_for"):
            if known.get(name) is not None:
                known[name] = dt.date.fromisoformat(known[name])
        if known.get("factor") is not None:
            known["factor"] = float(known["factor"])
        for name in ("symptoms", "dropped"):
            known[name] = list(known.get(name) or [])
        return cls(**known)


def current_state(history: History) -> AdaptationState:
    if not history.adjustments:
        return AdaptationState()
    return AdaptationState.load(history.adjustments[-1].state)


def calendar_week(plan: Plan, day: dt.date) -> int:
    return (day - plan.inputs.start).days // 7 + 1


def factor_on(state: AdaptationState, day: dt.date, weekly_increase: float) -> float:
    """The volume factor on ``day``. Once it grows, it climbs back to ``ceiling`` (the level before a cut)
    or, once pain is low again, to the full plan within ``state.rebuild_weeks`` weeks: volume the person
    already managed before the pain is regained, not earned again at the weekly increase."""
    if state.growing_since is None or day < state.growing_since:
        return min(state.factor, 1.0)
    weeks = (day - state.growing_since).days // 7
    return max(min(state.factor, 1.0), min(_limit(state), state.factor + _weekly_step(state, weekly_increase) * weeks))


def _limit(state: AdaptationState) -> float:
    return 1.0 if state.ceiling is None else min(state.ceiling, 1.0)


def _weekly_step(state: AdaptationState, weekly_increase: float) -> float:
    """How much the factor climbs each week: enough to be back within ``state.rebuild_weeks`` weeks."""
    return max(state.factor * weekly_increase, (_limit(state) - state.factor) / max(state.rebuild_weeks, 1), 1e-6)


def weeks_words(weeks: int = DEFAULT_RULES.rebuild_weeks) -> str:
    return {1: "a week", 2: "two weeks", 3: "three weeks", 4: "four weeks"}.get(weeks, f"{weeks} weeks")


def _weeks_to_full(state: AdaptationState, weekly_increase: float) -> int:
    if state.factor >= 1:
        return 0
    return math.ceil((1.0 - state.factor) / _weekly_step(state, weekly_increase) - 1e-9)


def in_force(state: AdaptationState, day: dt.date, weekly_increase: float) -> str | None:
    """The change pain made that still shapes ``day``: "rebuild" (building back after a cut or a pause),
    "hold" (the doses repeat), or ``None`` (the plan moves on; a rebuild back at full doses is over)."""
    if state.frozen_week is None:
        return None
    if state.growing_since is not None:
        back = state.ceiling is None and factor_on(state, day, weekly_increase) >= 1.0
        return None if back else "rebuild"
    return "rebuild" if state.factor < 1.0 else "hold"


def position(plan: Plan, state: AdaptationState, day: dt.date, weekly_increase: float) -> tuple[int, float]:
    """(plan week to follow, volume factor) on ``day``; the week may be past the plan's end."""
    week = calendar_week(plan, day)
    if state.frozen_week is None:
        return max(1, week - state.lag_weeks), min(state.factor, 1.0)
    factor = factor_on(state, day, weekly_increase)
    if factor >= 1.0 and state.growing_since is not None and state.ceiling is None:
        released = state.growing_since + dt.timedelta(days=7 * _weeks_to_full(state, weekly_increase))
        lag = state.lag_weeks + calendar_week(plan, released) - state.frozen_week
        return max(1, week - lag), 1.0
    return state.frozen_week, factor


def settle(plan: Plan, state: AdaptationState, day: dt.date, weekly_increase: float) -> AdaptationState:
    """The same state written so that ``day`` needs no growth arithmetic (frozen week, current factor)."""
    week, factor = position(plan, state, day, weekly_increase)
    if state.frozen_week is not None and factor >= 1.0 and state.growing_since is not None and state.ceiling is None:
        return replace(state, frozen_week=None, factor=1.0, growing_since=None, lag_weeks=calendar_week(plan, day) - week)
    return replace(state, factor=factor, growing_since=day if state.growing_since is not None else None)


def is_session_day(plan: Plan, day: dt.date) -> bool:
    if day < plan.inputs.start:
        return False
    weekday = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[day.weekday()]
    return weekday in plan.inputs.days_in_week((day - plan.inputs.start).days // 7)


def _session_words(plan: Plan, day: dt.date, when: str, history: History | None = None,
                   paused: bool = False) -> str:
    """Which session a report is about, in words: the one that day, or for a report the morning after (or on
    a rest day) the latest one in the three days before that was checked off; otherwise just its day."""
    weekday = DAY_NAMES[day.weekday()]
    if paused:
        return f"on {weekday}, during the pause"
    if when != "next-morning" and is_session_day(plan, day):
        return f"{'during' if when == 'during' else 'after'} {weekday}'s session"
    for back in range(1, 4):
        session = day - dt.timedelta(days=back)
        if is_session_day(plan, session):
            if history is not None and not any(c.date == session and c.status != "skipped"
                                               for c in history.completions):
                break  # that session was not done: the report is not about it
            name = DAY_NAMES[session.weekday()]
            if when == "next-morning" and back == 1:
                return f"the morning after {name}'s session"
            return f"on {weekday}, after {name}'s session"
    return f"on {weekday}, with no session done in the days before"


# Said when pain stays high after the cut for it: what to do meanwhile, and when to get checked.
UNSETTLED = (" While the pain stays this high, the relief routine (rest positions, heat or cold, gentle movement) "
             "can take a session's place. If it has not begun to settle within a few days, have your back checked "
             "by a doctor or physiotherapist.")

# The reports whose change reaches the exercises a person names (see ``_reduce`` and ``_advise``).
EASES_NAMED = ("reduce", "advice", "red-flag", "pause")


def apply_pain_report(
    plan: Plan,
    library: Library,
    state: AdaptationState,
    history: History,
    report: PainReport,
    weekly_increase: float,
    rules: PainRules = DEFAULT_RULES,
) -> tuple[AdaptationState, list[Adjustment], list[str]]:
    """The new state, the adjustments to record, and notes to show (that change nothing), under ``rules``
    (the pain-rules file in force; the safety floor is in :class:`PainRules` itself)."""
    new, adjustments, notes = _apply(plan, library, state, history, report, weekly_increase, rules)
    named = [library.exercises[i].name for i in report.aggravated if i in library.exercises]
    if named and not any(a.kind in EASES_NAMED for a in adjustments):
        # A name given at a pain that changes nothing was passed over in silence ("the plan keeps progressing").
        one = len(named) == 1
        they, them = ("it", "it") if one else ("they", "them")
        notes.append(f"You named {_and_list(named)} as making it worse. At this level of pain {they} "
                     f"{'keeps its' if one else 'keep their'} doses: do {them} within comfort (a smaller range, "
                     f"fewer reps or a shorter hold), or leave {them} out for now. If {they} "
                     f"{'brings' if one else 'bring'} your pain above {rules.hold_max}, or your back is worse "
                     f"the next morning, report that and {they} {'moves' if one else 'move'} to an easier variant.")
    return new, adjustments, notes


def _and_list(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _apply(
    plan: Plan,
    library: Library,
    state: AdaptationState,
    history: History,
    report: PainReport,
    weekly_increase: float,
    rules: PainRules,
) -> tuple[AdaptationState, list[Adjustment], list[str]]:
    day = report.date
    label = f"Pain {report.score} {_session_words(plan, day, report.when, history, state.pause is not None)}"
    notes: list[str] = []
    usual = usual_pain(history, plan.inputs.start, rules)
    worse = worse_next_morning(history, report, usual, rules)

    def adjust(kind: str, new: AdaptationState, reason: str) -> tuple[AdaptationState, list[Adjustment], list[str]]:
        return new, [Adjustment(day, kind, reason, new.dump())], notes

    signs = pausing(report.flags)
    if signs:
        # The highest level wins: a sign reported during a pause never lowers the standing one's words.
        alert = alert_for(report.flags, standing=state.symptoms if state.pause == "red-flag" else ())
        assert alert is not None
        new = replace(state, pause="red-flag", symptoms=list(dict.fromkeys([*state.symptoms, *signs])))
        return adjust("red-flag", new, f"{alert.heading}. {label}, with {'; '.join(alert.labels)}. {alert.detail}")
    advice = alert_for(report.flags)
    if state.pause == "red-flag":
        notes.append("Recorded. The program stays paused after a warning sign until you confirm "
                     "a health professional has assessed you: planner resume --confirm")
        if advice:
            notes.append(advice.message)
        return state, [], notes
    if report.score > rules.reduce_max:
        new = replace(state, pause="relief")
        return adjust("pause", new,
                      f"{label}: the program is paused; do only the relief routine (rest positions, heat or "
                      f"cold, gentle movement) until the pain settles. {SEE_A_PROFESSIONAL} It resumes gently "
                      f"{resumes_when(rules)}.")
    settled = settle(plan, state, day, weekly_increase)
    week, factor = position(plan, settled, day, weekly_increase)
    if state.pause == "relief":
        low_days = _low_days_since_pause(history, report, rules)
        if report.score <= rules.progress_max and len(low_days) >= RELIEF_LOW_DAYS and report.settled:
            # Never above what a cut at this point would leave: pain bad enough to pause gives no more than a cut.
            restart = min(factor * rules.reduce_factor, rules.resume_factor)
            new = replace(settled, pause=None, frozen_week=week, factor=restart, growing_since=day, ceiling=None,
                          rebuild_weeks=rules.rebuild_weeks)
            return adjust("resume", new,
                          f"{label}, on a second day at {rules.progress_max} or less, and you can walk and move about "
                          f"as usual: the relief pause ends; sessions restart at {new.factor:.0%} of their volume "
                          f"and are back to the full plan within {weeks_words(rules.rebuild_weeks)} unless the pain rises again.")
        if report.score > rules.progress_max:
            notes.append(f"{label}: recorded. The program stays on the relief routine; it resumes "
                         f"{resumes_when(rules)}.")
        elif len(low_days) < RELIEF_LOW_DAYS:
            notes.append(f"{label}: recorded, a first day at {rules.progress_max} or less. The program stays on "
                         "the relief routine until a second day like it, when you can walk and move about as "
                         "usual (planner pain SCORE --settled).")
        else:
            notes.append(f"{label}: recorded, {len(low_days)} days at {rules.progress_max} or less. Can you walk "
                         f"and move about as usual? If yes, say so and the program resumes gently: "
                         f"planner pain {report.score} --settled")
        if advice:
            notes.append(advice.message)
        return state, [], notes
    if advice:
        return adjust("advice", *_advise(plan, library, settled, week, factor, history, report, label, weekly_increase,
                                         rules, worse))
    session = _session_of(plan, history, report)
    if (report.score > rules.hold_max or worse) and settled.cut_for is not None and settled.cut_for == session:
        # One cut per pain episode: this session was cut for already; the next sessions stay where that left them.
        new = replace(settled, frozen_week=week, growing_since=None)
        return adjust("hold", new,
                      f"{label}: the sessions after it were already cut to {factor:.0%} for this pain, so they are "
                      f"not cut again; they stay there, with no increase, until a report of {rules.hold_max} or "
                      "less that has settled." + (UNSETTLED if report.score > rules.hold_max else ""))
    if (report.score > rules.hold_max or worse) and \
            factor * rules.reduce_factor < rules.lowest_factor - 1e-9:
        # Cut after cut has not settled it: more cuts would leave doses like 1×1. Stop loading and get checked.
        new = replace(settled, pause="relief")
        return adjust("pause", new,
                      f"{label}, after sessions already cut to {factor:.0%} of the plan: lighter sessions are not "
                      f"settling the pain, so the program is paused; do only the relief routine (rest positions, "
                      f"heat or cold, gentle movement) until it settles. {SEE_A_PROFESSIONAL} It resumes gently "
                      f"{resumes_when(rules)}.")
    if report.score > rules.hold_max or worse:
        new, reason = _reduce(plan, library, settled, week, factor, report, label, weekly_increase, rules)
        return adjust("reduce", replace(new, cut_for=session), reason)
    why = _why_hold(history, report, usual, rules) if report.score > rules.progress_max else None
    if why is not None:
        if settled.frozen_week is not None and settled.growing_since is None:
            notes.append(f"{label}, {why}: doses stay where they are until a report that is settled and not rising.")
            return state, [], notes
        new = replace(settled, frozen_week=week, growing_since=None)
        return adjust("hold", new,
                      f"{label}, {why}: the next sessions repeat the current doses, with no increase until a "
                      f"report of {rules.hold_max} or less that has settled and is not rising.")
    back = _tried_again(library, settled, history, report, usual, rules) if report.score <= rules.progress_max else None
    if back is not None:
        return adjust("return", back[0], f"{label}: {back[1]}")
    fine = (f"back in the 0–{rules.progress_max} range" if report.score <= rules.progress_max else
            f"acceptable (up to {rules.hold_max}, settled, and no higher than your usual or the week before)")
    if report.score > rules.progress_max and settled.frozen_week is None:
        notes.append(f"{label} is {fine}: the plan keeps progressing. Report again if it is worse next morning.")
        return state, [], notes
    if settled.frozen_week is not None and report.when == "next-morning" and \
            not _session_answer_ok(history, session, usual, rules):
        # One decision per session: a settled morning does not undo what the report after it called for.
        notes.append(f"{label} is {fine}; the doses stay where the report after that session left them until "
                     "a session is reported at an acceptable pain.")
        return state, [], notes
    if settled.frozen_week is not None and settled.factor >= 1.0:
        new = replace(settled, frozen_week=None, growing_since=None, lag_weeks=calendar_week(plan, day) - week)
        return adjust("progress", new, f"{label} is {fine}, so the plan progresses again from week {week}.")
    if settled.frozen_week is not None and (settled.growing_since is None or settled.ceiling is not None):
        new = replace(settled, growing_since=day, ceiling=None, rebuild_weeks=rules.rebuild_weeks)
        return adjust("rebuild", new, f"{label} is {fine}: rebuilding from {factor:.0%} to the full planned volume "
                                      f"within {weeks_words(rules.rebuild_weeks)}.")
    return state, [], notes


def _advise(
    plan: Plan, library: Library, state: AdaptationState, week: int, factor: float, history: History,
    report: PainReport, label: str, weekly_increase: float, rules: PainRules = DEFAULT_RULES, worse: bool = False,
) -> tuple[AdaptationState, str]:
    """Numbness or tingling in one leg: drop what brings it on, hold the rest, say when to get it checked."""
    alert = alert_for(report.flags)
    assert alert is not None
    if report.score > rules.hold_max or worse:
        new, reason = _reduce(plan, library, state, week, factor, replace(report, aggravated=()), label,
                              weekly_increase, rules)
        reason = reason.rstrip(".")
    else:
        new = replace(state, frozen_week=week, growing_since=None)
        reason = f"{label}: the plan holds at its current doses"
    reason += f", because you reported {alert.labels[0]}"
    persists = tingling_persists((*history.pain, report), report.date)
    if persists:
        alert = persisting([TINGLING])
    # While a nerve is irritated, nothing that pulls on it stays or comes in: what is dropped is replaced
    # (a stretch by another stretch) only by an exercise that does not load the nerve.
    nerve = [track for track in _plan_tracks(plan) if track in NERVE_LOADING] if persists else []
    dropped_list, replaced, since = list(new.dropped), dict(new.replaced), dict(new.replaced_at)
    names: list[str] = []
    swaps: list[str] = []
    for track in dict.fromkeys([*(library.chain(i)[0] for i in report.aggravated if i in library.exercises),
                                *nerve]):
        if track in dropped_list:
            continue
        current = new.regressed.get(track, _current_variant(plan, week, track) or track)
        names.append(library.exercises.get(current, library.exercises[track]).name)
        swaps.append(_take_out(library, plan, track, dropped_list, replaced, (since, week),
                               avoid=NERVE_LOADING).strip())
    new = replace(new, dropped=dropped_list, replaced=replaced, replaced_at=since)
    if names:
        reason += f"; {', '.join(names)} {'is' if len(names) == 1 else 'are'} dropped from the plan"
        if persists and nerve:
            reason += " (stretches that pull on the nerve stay out while the tingling lasts)"
        reason += "".join(f". {swap.rstrip('.')}" for swap in swaps if swap)
    else:
        reason += ("; name the exercise that brings it on (planner pain SCORE --flag numbness --aggravated ID) "
                   "and it is dropped from the plan")
    return new, f"{reason}. {alert.message}"


def _plan_tracks(plan: Plan) -> list[str]:
    return list(dict.fromkeys(p.track for week in plan.weeks for s in week.sessions for p in s.exercises))


def _take_out(library: Library, plan: Plan, track: str, dropped: list[str], replaced: dict[str, str],
              since: tuple[dict[str, int], int], avoid: frozenset[str] = frozenset()) -> str:
    """Drop ``track`` (and whatever it replaced): a sentence naming its replacement, or "" when none fits.
    No chain in ``avoid`` is chosen (the nerve-loading stretches, while tingling is reported)."""
    if track in dropped:
        return ""
    dropped.append(track)
    # The plan's own exercise whose place this was: a replacement that hurt too is replaced in turn.
    place = next((original for original, other in replaced.items() if other == track), track)
    replaced.pop(place, None)
    weeks, week = since
    weeks.pop(place, None)
    other = replacement_for(library, plan, track, set(dropped) | set(replaced.values()) | avoid)
    if other is None:
        return ""
    replaced[place], weeks[place] = other, week
    return " " + REPLACED_BY.format(name=library.exercises[other].name)


def _why_hold(history: History, report: PainReport, usual: float | None,
              rules: PainRules = DEFAULT_RULES) -> str | None:
    """Why pain of 3–5 is not acceptable this time (the pain-monitoring model), or ``None`` if it is:
    not settled by the next morning (above ``max(progress_max, usual)``), well above the person's usual,
    keeping coming back at the top of the band, or higher than the week before."""
    if report.when == "next-morning" and not settled_by_morning(report, usual, rules):
        return "not settled by the next morning" + (f" (your usual is {usual:g})" if usual else "")
    day = report.date
    since = day - dt.timedelta(days=rules.recurring_days - 1)
    high = sum(1 for p in history.pain if since <= p.date <= day and p.score >= rules.recurring_score)
    if report.score >= rules.recurring_score and high + 1 >= rules.recurring_count:
        # Acceptable once, but not as the usual: pain at the top of the band keeps coming back.
        nth = {2: "second", 3: "third", 4: "fourth", 5: "fifth"}.get(high + 1, f"{high + 1}th")
        return f"the {nth} report of {rules.recurring_score} or more in {rules.recurring_days} days"
    if usual is not None and report.score > max(usual, rules.progress_max) + rules.baseline_rise:
        return f"well above your usual ({usual:g})"
    week_before = [p.score for p in history.pain
                   if day - dt.timedelta(days=14) < p.date <= day - dt.timedelta(days=7)]
    if week_before and report.score > max(week_before):
        return f"higher than the week before ({max(week_before)})"
    return None


SETTLED_WEEKS_DAYS = 14  # two settled weeks before an exercise dropped or eased for pain is tried again


def _tried_again(library: Library, state: AdaptationState, history: History, report: PainReport,
                 usual: float | None, rules: PainRules) -> tuple[AdaptationState, str] | None:
    """After two settled weeks, the exercises dropped for pain come back at their easiest variant (never above
    the planned volume) and those eased go back to the plan's own; ``None`` while it is too soon.

    Settled: no report in the last two weeks above ``max(progress_max, usual)``, none with a warning sign or
    tingling, and the last drop or easing at least two weeks ago."""
    if not state.dropped and not state.regressed:
        return None
    since = report.date - dt.timedelta(days=SETTLED_WEEKS_DAYS)
    last = next((a for a in reversed(history.adjustments) if a.kind in ("reduce", "advice", "pause", "red-flag")),
                None)
    if last is None or last.date > since:
        return None
    ceiling = max(rules.progress_max, usual or 0)
    recent = [p for p in history.pain if since <= p.date <= report.date]
    if any(p.score > ceiling or p.flags for p in recent) or report.flags:
        return None
    names = [library.exercises[t].name for t in state.dropped if t in library.exercises]
    eased = [library.exercises[t].name for t in state.regressed if t in library.exercises]
    regressed = {t: t for t in state.dropped if t in library.exercises}  # back at the chain's easiest variant
    new = replace(state, dropped=[], replaced={}, replaced_at={}, regressed=regressed)
    words = []
    if names:
        words.append(f"{', '.join(names)} {'is' if len(names) == 1 else 'are'} tried again at the easiest "
                     "variant, never above the planned volume")
    if eased:
        words.append(f"{', '.join(eased)} {'goes' if len(eased) == 1 else 'go'} back to the plan's own variant")
    return new, (f"two settled weeks since the last change for pain: {'; '.join(words)}. Report if it brings the "
                 "pain or the tingling back.")


RELIEF_LOW_DAYS = 2  # a relief pause ends after low pain on this many different days (and moving as usual)


def resumes_when(rules: PainRules) -> str:
    return (f"after reports of {rules.progress_max} or less on two different days, once you can walk and move "
            "about as usual")


def _low_days_since_pause(history: History, report: PainReport, rules: PainRules) -> set[dt.date]:
    """The days with a report of ``progress_max`` or less since the relief pause began (this one included)."""
    began = next((a.date for a in reversed(history.adjustments) if a.kind == "pause"), None)
    low = {p.date for p in history.pain if p.score <= rules.progress_max and (began is None or p.date >= began)}
    if report.score <= rules.progress_max:
        low.add(report.date)
    return low


def _session_answer_ok(history: History, session: dt.date, usual: float | None, rules: PainRules) -> bool:
    """Whether every report during or after ``session`` was acceptable when it was made."""
    for index, earlier in enumerate(history.pain):
        if earlier.date != session or earlier.when == "next-morning":
            continue
        if earlier.score > rules.hold_max:
            return False
        before = replace(history, pain=history.pain[:index])
        if earlier.score > rules.progress_max and _why_hold(before, earlier, usual, rules) is not None:
            return False
    return True


def _session_of(plan: Plan, history: History, report: PainReport) -> dt.date:
    """The session day a report is about: its own day for a report during or after a session, else the
    latest session checked off in the three days before (a report the next morning, or on a rest day)."""
    if report.when != "next-morning" and (is_session_day(plan, report.date) or any(
            c.date == report.date for c in history.completions)):
        return report.date
    done = {c.date for c in history.completions if c.status != "skipped"}
    for back in range(1, 4):
        earlier = report.date - dt.timedelta(days=back)
        if earlier in done:
            return earlier
    return report.date - dt.timedelta(days=1) if report.when == "next-morning" else report.date


def _reduce(
    plan: Plan, library: Library, state: AdaptationState, week: int, factor: float,
    report: PainReport, label: str, weekly_increase: float, rules: PainRules = DEFAULT_RULES,
) -> tuple[AdaptationState, str]:
    new_factor = round(factor * rules.reduce_factor, 4)
    regressed = dict(state.regressed)
    dropped, replaced, since = list(state.dropped), dict(state.replaced), dict(state.replaced_at)
    stops: list[str] = []  # "stop it now" lines: each its own sentence
    words: list[str] = []
    for exercise_id in report.aggravated:
        if exercise_id not in library.exercises:
            continue
        track = library.chain(exercise_id)[0]
        current = regressed.get(track, _current_variant(plan, week, track) or exercise_id)
        easier = library.easier_of.get(current)
        exercise = library.exercises[current]
        if easier is None:
            stops.append(STOP_IT_NOW.format(name=exercise.name) + _take_out(library, plan, track, dropped, replaced, (since, week)))
            continue
        regressed[track] = easier
        words.append(f"{exercise.name} regressed to {library.exercises[easier].name}")
    reason = (f"{label}: the next sessions drop to {new_factor:.0%} of their volume, then build back to where "
              f"they were within {weeks_words(rules.rebuild_weeks)}; progression resumes after a session "
              f"reported at {rules.progress_max} or less")
    if report.score <= rules.hold_max:
        reason = (f"{label}, worse than after the session: the next sessions drop to {new_factor:.0%} of "
                  f"their volume, then build back to where they were within {weeks_words(rules.rebuild_weeks)}")
    if words:
        reason += "; " + "; ".join(words)
    reason += "." + "".join(f" {stop}" for stop in stops)
    new = replace(state, frozen_week=week, factor=new_factor, ceiling=factor, growing_since=report.date, regressed=regressed,
                  dropped=dropped, replaced=replaced, replaced_at=since, rebuild_weeks=rules.rebuild_weeks)
    return new, reason


def _current_variant(plan: Plan, week: int, track: str) -> str | None:
    index = min(max(week, 1), len(plan.weeks)) - 1
    for session in plan.weeks[index].sessions:
        for item in session.exercises:
            if item.track == track:
                return item.id
    return None
