"""What pain does to single exercises: eased to an easier variant, dropped (and replaced) when it hurts at
its easiest or brings on tingling, and tried again after two settled weeks."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from planner.domain.library.loading import Library
from planner.domain.pain.position import weeks_words
from planner.domain.pain.rules import DEFAULT_RULES, PainRules
from planner.domain.pain.state import AdaptationState
from planner.domain.pain.tingling import NERVE_LOADING, tingling_persists
from planner.domain.pain.usual import settled_by_morning
from planner.domain.pain.warning_signs import (
    EASED_AT_EASIEST,
    NAME_ANOTHER,
    NAME_WHAT_BRINGS_IT_ON,
    REPLACED_BY,
    SECOND_DAY,
    STOP_IT_NOW,
    STRETCH_REPLACED_BY,
    alert_for,
    left_out_for_the_nerve,
)
from planner.domain.plan.model import DAY_NAMES, Plan, Prescription, prescribe
from planner.domain.plan.progression import TrackState, is_stretch, scaled_dose, starting_dose
from planner.domain.plan.substitutes import replacement_for
from planner.domain.records import History, PainReport


def advise(
    plan: Plan, library: Library, state: AdaptationState, week: int, factor: float, history: History,
    report: PainReport, label: str, weekly_increase: float, rules: PainRules = DEFAULT_RULES, worse: bool = False,
) -> tuple[AdaptationState, str]:
    """Numbness or tingling in one leg: drop what brings it on, hold the rest, say when to get it checked."""
    alert = alert_for(report.flags)
    assert alert is not None
    if report.score > rules.hold_max or worse:
        new, reason = cut(plan, library, state, week, factor, replace(report, aggravated=()), label,
                              weekly_increase, rules)
        reason = reason.rstrip(".")
    else:
        new = replace(state, frozen_week=week, growing_since=None)
        reason = f"{label}: the plan holds at its current doses"
    reason += f", because you reported {alert.labels[0]}"
    persists = tingling_persists((*history.pain, report), report.date)
    # While a nerve is irritated, nothing that pulls on it stays or comes in, from the first report (the
    # stretches that tension the sciatic nerve are the likeliest to bring it on, named or not): what is
    # dropped is replaced (a stretch by another stretch) only by an exercise that does not load the nerve.
    nerve = [track for track in _plan_tracks(plan) if track in NERVE_LOADING]
    dropped_list, replaced, since = list(new.dropped), dict(new.replaced), dict(new.replaced_at)
    named = [library.chain(i)[0] for i in report.aggravated if i in library.exercises]
    names: list[str] = []
    pulling: list[str] = []  # the nerve-loading stretches left out without being named
    swaps: list[str] = []
    for track in dict.fromkeys([*named, *nerve]):
        if track in dropped_list:
            continue
        current = new.regressed.get(track, _current_variant(plan, week, track) or track)
        (names if track in named else pulling).append(library.exercises.get(current, library.exercises[track]).name)
        swaps.append(_take_out(library, plan, track, dropped_list, replaced, (since, week),
                               avoid=NERVE_LOADING).strip())
    new = replace(new, dropped=dropped_list, replaced=replaced, replaced_at=since)
    if names:
        reason += f"; {', '.join(names)} {'is' if len(names) == 1 else 'are'} dropped from the plan"
    if pulling:
        reason += "; " + left_out_for_the_nerve(pulling, too=bool(names))
    reason += "".join(f". {swap.rstrip('.')}" for swap in swaps if swap)
    if not any(i in library.exercises for i in report.aggravated):
        reason += f". {NAME_ANOTHER}" if pulling else f"; {NAME_WHAT_BRINGS_IT_ON}"
    # What changed, not the advice: the alert box says that once, beside the reason (Today, the check-in, pain).
    return new, f"{reason}. {SECOND_DAY}." if persists else f"{reason}."


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
    gone = library.exercises.get(track)
    words = STRETCH_REPLACED_BY if gone is not None and is_stretch(gone) else REPLACED_BY
    return " " + words.format(name=library.exercises[other].name)



SETTLED_WEEKS_DAYS = 14  # two settled weeks before an exercise dropped or eased for pain is tried again
TRIAL_MORNING_DAYS = 3  # a next-morning report this many days after a session can still be its morning


def tried_again(library: Library, state: AdaptationState, history: History, report: PainReport,
                 usual: float | None, rules: PainRules) -> tuple[AdaptationState, str] | None:
    """After two settled weeks, the exercises dropped for pain come back at their easiest variant, a light
    trial dose (never above the planned volume), and those eased go back to the plan's own; ``None`` while it
    is too soon. A trial goes back to the plan's own dose only once a next morning has settled after a session
    that included it: a nerve, and a back, often answer late (that evening or the next day).

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
    trials = _on_trial(history, state)
    passed = {t: d for t, d in trials.items() if _trial_settled(history, report, state.regressed[t], d, usual, rules)}
    names = [library.exercises[t].name for t in state.dropped if t in library.exercises]
    eased = [library.exercises[t].name for t in state.regressed if t in library.exercises and t not in trials]
    tried = [library.exercises[t].name for t in passed if t in library.exercises]
    if not names and not eased and not tried:
        return None
    regressed = {t: t for t in state.dropped if t in library.exercises}  # back at the chain's easiest variant
    regressed.update({t: v for t, v in state.regressed.items() if t in trials and t not in passed})
    new = replace(state, dropped=[], replaced={}, replaced_at={}, regressed=regressed)
    words = []
    if names or eased:
        if names:
            words.append(f"{', '.join(names)} {'is' if len(names) == 1 else 'are'} tried again at the easiest "
                         "variant, at a light dose never above the planned volume, until a next morning has "
                         "settled after a session with it")
        if eased:
            words.append(f"{', '.join(eased)} {'goes' if len(eased) == 1 else 'go'} back to the plan's own "
                         "variant and dose")
        words = [f"two settled weeks since the last change for pain: {'; '.join(words)}"]
    if tried:
        one = len(tried) == 1
        first = min(passed.values())
        words.append(f"{', '.join(tried)}, tried again at a light dose since {DAY_NAMES[first.weekday()]} "
                     f"{first.isoformat()}, {'has' if one else 'have'} settled by the next morning after a "
                     f"session with {'it' if one else 'them'}: {'it goes' if one else 'they go'} back to the "
                     "plan's own variant and dose")
    return new, f"{'; '.join(words)}. Report if it brings the pain or the tingling back."


def _on_trial(history: History, state: AdaptationState) -> dict[str, dt.date]:
    """The tracks a return brought back at their easiest variant and still there, each with the day it came
    back (read from the recorded changes: a state from a plan file alone has none)."""
    trials: dict[str, dt.date] = {}
    dropped: set[str] = set()
    for adjustment in history.adjustments:
        regressed = adjustment.state.get("regressed") or {}
        if adjustment.kind == "return":
            trials.update({t: adjustment.date for t in dropped if t in regressed})
        dropped = set(adjustment.state.get("dropped") or ())
        trials = {t: d for t, d in trials.items() if t in regressed and t not in dropped}
    return {t: d for t, d in trials.items() if t in state.regressed and t not in state.dropped}


def _trial_settled(history: History, report: PainReport, exercise_id: str, came_back: dt.date,
                   usual: float | None, rules: PainRules) -> bool:
    """Whether a session after ``came_back`` included ``exercise_id`` and a next morning after it has settled
    (``report`` may be that morning)."""
    sessions = {c.date for c in history.completions
                if c.exercise_id == exercise_id and c.status != "skipped" and c.date > came_back}
    mornings = [p for p in (*history.pain, report) if p.when == "next-morning" and not p.flags]
    return any(0 < (p.date - session).days <= TRIAL_MORNING_DAYS and settled_by_morning(p, usual, rules)
               for session in sessions for p in mornings)


def cut(
    plan: Plan, library: Library, state: AdaptationState, week: int, factor: float,
    report: PainReport, label: str, weekly_increase: float, rules: PainRules = DEFAULT_RULES,
) -> tuple[AdaptationState, str]:
    new_factor = round(factor * rules.reduce_factor, 4)
    regressed = dict(state.regressed)
    dropped, replaced, since = list(state.dropped), dict(state.replaced), dict(state.replaced_at)
    stops: list[str] = []  # "stop it now" and "a smaller dose" lines: each its own sentence
    words: list[str] = []
    for exercise_id in report.aggravated:
        if exercise_id not in library.exercises:
            continue
        track = library.chain(exercise_id)[0]
        current = regressed.get(track, _current_variant(plan, week, track) or exercise_id)
        easier = library.easier_of.get(current)
        exercise = library.exercises[current]
        if easier is None and track not in regressed and track not in replaced.values():
            # Already the easiest version: first a smaller dose of it, so the work it does (the side of the
            # trunk, for a side plank) goes on; only if that hurts too is it stopped and replaced. A
            # replacement, already a step aside at its first dose, is replaced in turn at once.
            regressed[track] = current
            stops.append(EASED_AT_EASIEST.format(name=exercise.name, top=rules.hold_max))
            continue
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


def next_step_words(plan: Plan, library: Library, state: AdaptationState, week: int, exercise_id: str) -> str:
    """What naming ``exercise_id`` with pain that calls for easing would do to it (see :func:`cut`), in words
    after "it": "moves to an easier variant", "stays at about half its dose", or "is stopped and replaced"."""
    track = library.chain(exercise_id)[0]
    current = state.regressed.get(track, _current_variant(plan, week, track) or exercise_id)
    if library.easier_of.get(current) is not None:
        return "moves to an easier variant"
    if track not in state.regressed and track not in state.replaced.values():
        return "stays at about half its dose"
    return "is stopped and replaced"


def _current_variant(plan: Plan, week: int, track: str) -> str | None:
    index = min(max(week, 1), len(plan.weeks)) - 1
    for session in plan.weeks[index].sessions:
        for item in session.exercises:
            if item.track == track:
                return item.id
    return None


def eased_dose(library: Library, item: Prescription) -> Prescription:
    """``item`` at a smaller dose of its own variant, as an exercise that hurt at its easiest version is eased
    before it is stopped: about half the planned dose, never more than it (a cut on top may take a little
    more, never below the least a cut leaves)."""
    exercise = library.exercises[item.id]
    planned = replace(starting_dose(exercise), sets=item.sets, reps=item.reps, hold_seconds=item.hold_seconds,
                      minutes=item.minutes, extra_holds=item.extra_holds)
    return prescribe(exercise, scaled_dose(TrackState(exercise, planned), EASED_SHARE, keep_stretch_sets=False),
                     item.track, item.slot)


EASED_SHARE = 0.5  # an exercise eased at its easiest version keeps about half its planned dose
