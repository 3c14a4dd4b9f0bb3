"""One exercise's dose over time: the next step up, the harder variant, the easier week.

A ladder, never a loop: the main field (reps, hold seconds or minutes) rises
by its step to its cap, then sets rise to their cap at that same main value
(no "add a set and go back to the starting reps"). When both are at the top,
and that top dose has been done for a week, the exercise moves to its harder
variant at that variant's starting dose. Never two steps at once. Whether the
top dose was really done is in what was checked off: the day's session keeps the
easier variant until then (see :mod:`planner.domain.days.earned`).

McGill-style core work is dosed as *descending sets of short holds* (6-4-2 of
10 s holds → 8-6-4 → …): the reps rise, the hold stays short, so endurance
grows without one ever-longer hold.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from planner.domain.library.models import Category, Dose, Exercise, Kind
from planner.domain.plan.doses import dose_text, estimated_seconds, volume_seconds

# Common stretching guidance: hold about 15–60 seconds, 2–4 times.
# Walks grow by at most this many minutes a week.
MAX_WALK_STEP = 5
STRETCH_HOLD_MIN = 15
STRETCH_HOLD_MAX = 60
STRETCH_SETS_MIN = 2
# The least a cut leaves of a strength exercise's main field (never more than the dose already was): a
# set of one rep or a 2-second hold is not practice of the movement; below this, a cut takes sets away,
# and past that the pause and the relief routine are the answer, not a smaller dose.
FEWEST = {"reps": 3, "hold_seconds": 5}
STRETCH_SETS_MAX = 4
# One week's step for one exercise adds at most this share of its volume (or one set).
MAX_STEP_RISE = 1.5
# Holds longer than this are kept to 5-second steps, so an easier week never asks for 19 s.
ROUND_HOLD_ABOVE = 10


@dataclass(frozen=True)
class TrackState:
    """Where one slot of the program stands: which variant, at what dose."""

    exercise: Exercise
    dose: Dose

    @property
    def volume(self) -> int:
        return dose_volume(self.exercise, self.dose)

    @property
    def estimated_seconds(self) -> int:
        """The prescription's ``estimated_seconds``, from the numbers (without building one)."""
        return estimated_seconds(self.volume, self.exercise.kind, self.dose.sets, self.dose.rest_seconds,
                                 per_side=self.exercise.per_side,
                                 reps=self.dose.reps if self.dose.descending else None,
                                 extra=self.dose.extra_holds)


def dose_volume(exercise: Exercise, dose: Dose) -> int:
    return volume_seconds(exercise.kind, dose.sets, dose.reps, dose.hold_seconds, dose.minutes, dose.seconds_per_rep,
                          per_side=exercise.per_side, descending=dose.descending, extra=dose.extra_holds)


def is_stretch(exercise: Exercise) -> bool:
    return exercise.category is Category.FLEXIBILITY and exercise.kind is Kind.HOLD


def is_load(exercise: Exercise) -> bool:
    """Training load (strength and stretch work): what the weekly-rise cap and easier weeks apply to.

    Mobility (a warm-up) is kept as it is in an easier week and grows within the minutes; relief
    items (walks, heat and cold, rest positions, water, breathing) are not load either: walks
    follow their own rule and the others are never cut.
    """
    return exercise.category in (Category.CORE, Category.FLEXIBILITY)


def may_grow(exercise: Exercise) -> bool:
    """Whether the weekly progression steps this exercise up (relief items other than walks stay put)."""
    return exercise.category is not Category.RELIEF or is_walk(exercise)


def is_walk(exercise: Exercise) -> bool:
    return exercise.category is Category.RELIEF and exercise.kind is Kind.DURATION and exercise.progression.minutes is not None


def caps(exercise: Exercise) -> tuple[int, int]:
    """(main-field cap, sets cap), with stretches kept inside the guidance."""
    primary = exercise.primary_field
    start = getattr(exercise.dose, primary)
    main_step = getattr(exercise.progression, primary)
    sets_step = exercise.progression.sets
    main_cap = main_step.cap if main_step else start
    sets_cap = sets_step.cap if sets_step else exercise.dose.sets
    if is_stretch(exercise):
        main_cap = max(min(main_cap, STRETCH_HOLD_MAX), min(start, STRETCH_HOLD_MAX))
        sets_cap = min(sets_cap, STRETCH_SETS_MAX)
    return main_cap, sets_cap


def starting_dose(exercise: Exercise) -> Dose:
    dose = exercise.dose
    if not is_stretch(exercise):
        return dose
    hold = min(max(dose.hold_seconds or STRETCH_HOLD_MIN, STRETCH_HOLD_MIN), STRETCH_HOLD_MAX)
    sets = min(max(dose.sets, STRETCH_SETS_MIN), STRETCH_SETS_MAX)
    return replace(dose, hold_seconds=hold, sets=sets)


def top_dose(exercise: Exercise) -> Dose:
    main_cap, sets_cap = caps(exercise)
    return replace(starting_dose(exercise), **{"sets": sets_cap, exercise.primary_field: main_cap}, extra_holds=0)


def is_round(exercise: Exercise, dose: Dose) -> bool:
    """Whole numbers everywhere; holds above 10 s in 5-second steps; descending sets whose last set has
    two holds or more (a "3-1" ends on a set of one: a set is removed instead)."""
    if exercise.kind is Kind.HOLD and (dose.hold_seconds or 0) > ROUND_HOLD_ABOVE:
        return (dose.hold_seconds or 0) % 5 == 0
    if dose.descending:
        return (dose.reps or 0) >= 2 * dose.sets
    return True


@dataclass(frozen=True)
class Step:
    state: TrackState
    reason: str
    promoted: bool = False


def describe(exercise: Exercise, dose: Dose) -> str:
    return dose_text(exercise.kind, dose.sets, dose.reps, dose.hold_seconds, dose.minutes, dose.seconds_per_rep,
                     per_side=exercise.per_side, descending=dose.descending, extra=dose.extra_holds)


def one_more_hold(dose: Dose) -> Dose:
    """A descending dose with one hold more, on one set: the last set that has not had its hold yet
    (6-4-2 → 6-4-3 → 6-5-3 → 7-5-3 → 7-5-4 …), about 8% more for a 6-4-2 where the round step to 8-6-4 was
    50%. McGill's reverse pyramid grows by holds, a few at a time; see docs/programming.md."""
    if dose.extra_holds + 1 < dose.sets:
        return replace(dose, extra_holds=dose.extra_holds + 1)
    return replace(dose, reps=(dose.reps or 0) + 1, extra_holds=0)


def with_more_sets(exercise: Exercise, dose: Dose, step: int = 1) -> Dose | None:
    """The dose with ``step`` more sets, or ``None`` when that passes the cap or empties a descending set."""
    _, sets_cap = caps(exercise)
    sets = min(dose.sets + step, sets_cap)
    if sets <= dose.sets or dose.extra_holds:
        return None
    new = replace(dose, sets=sets)
    return new if is_round(exercise, new) else None


def next_step(state: TrackState, harder: Exercise | None, rise: float = MAX_STEP_RISE) -> Step | None:
    """The one next step up for this slot, or ``None`` when it is at the top of its chain.

    ``rise`` is the most one step may multiply the exercise's own volume by: the plan's weeks pass the
    program's weekly limit (1.1 for 10%), so a carry goes 30 → 35 → 40 s rather than 30 → 40 → 50 s
    (+33%, +25%); the smallest round step (one rep, 5 s on a hold above 10 s) is taken when even that is more."""
    exercise, dose = state.exercise, state.dose
    primary = exercise.primary_field
    main_cap, _ = caps(exercise)
    value = getattr(dose, primary)
    before = describe(exercise, dose)
    main_step = getattr(exercise.progression, primary)
    if main_step and value < main_cap and dose.descending:
        # Descending holds grow by one hold on one set a week, never by a whole round of two more on each.
        new = one_more_hold(dose)
        return Step(TrackState(exercise, new), f"{exercise.name}: {before} → {describe(exercise, new)}")
    if main_step and value < main_cap:
        # One step is never more than half as much work again (4-2 → 6-4 of 10 s holds would be two
        # thirds more): the largest round step within that, else the smallest round one.
        steps = [replace(dose, **{primary: main})
                 for main in range(min(value + main_step.step, main_cap), value, -1)]
        steps = [d for d in steps if is_round(exercise, d)] or steps
        new = next((d for d in steps if dose_volume(exercise, d) <= rise * state.volume + 1e-9), steps[-1])
        return Step(TrackState(exercise, new), f"{exercise.name}: {before} → {describe(exercise, new)}")
    sets_step = exercise.progression.sets
    new_dose = with_more_sets(exercise, dose, sets_step.step) if sets_step else None
    if new_dose is not None:
        more = dose_volume(exercise, new_dose) / state.volume - 1 if state.volume else 0
        return Step(TrackState(exercise, new_dose),
                    f"{exercise.name}: {before} → {describe(exercise, new_dose)} (one more set: {more:.0%} more "
                    "work for this exercise, counted in the week's limit)")
    if harder is not None:
        new = starting_dose(harder)
        return Step(TrackState(harder, new),
                    f"{exercise.name} reached its top dose ({before}): moves up to {harder.name} "
                    f"at {describe(harder, new)}", promoted=True)
    return None


def _round_down(exercise: Exercise, main: int) -> int:
    if exercise.kind is Kind.HOLD and main > ROUND_HOLD_ABOVE:
        return max(ROUND_HOLD_ABOVE, main - main % 5)
    return main


def scaled_dose(state: TrackState, factor: float, *, keep_stretch_sets: bool = True) -> Dose:
    """The round dose whose volume is closest to ``factor`` of this one, never above the full dose.

    Used for easier weeks and for pain-guided reductions. Holds of a stretch
    stay at 15 s or more and, unless ``keep_stretch_sets`` is off (a pain cut), at 2 sets; a
    strength exercise keeps 3 reps or a 5-second hold a set (``FEWEST``), and a
    descending dose never ends on a set of one: sets are removed first.
    """
    exercise, dose = state.exercise, state.dose
    primary = exercise.primary_field
    full = state.volume
    if full == 0:
        return dose
    if dose.descending:
        return _scaled_pyramid(state, factor)
    value = getattr(dose, primary)
    low = min(STRETCH_HOLD_MIN, value) if is_stretch(exercise) else min(FEWEST.get(primary, 1), value)
    lowest_sets = min(STRETCH_SETS_MIN, dose.sets) if is_stretch(exercise) and keep_stretch_sets else 1
    limit = full * factor + 1e-9
    best: tuple[float, int, int] | None = None
    for sets in range(dose.sets, lowest_sets - 1, -1):
        # Volume rises with the main field: start from the largest main within the limit at these sets.
        unit = dose_volume(exercise, replace(dose, sets=sets, **{primary: 1}))
        main = value if unit <= 0 else max(low, min(value, int(limit // unit) + 2))
        candidate = None
        while main >= low:
            rounded = _round_down(exercise, main)
            trial = replace(dose, sets=sets, **{primary: rounded})
            if rounded >= low and is_round(exercise, trial) and dose_volume(exercise, trial) <= limit:
                candidate = trial
                break
            main = min(main - 1, rounded - 1) if rounded < main else main - 1
        if candidate is None:
            continue
        volume = dose_volume(exercise, candidate)
        key = (abs(volume / full - factor), -sets, -getattr(candidate, primary))
        if best is None or key < best:
            best = key
    if best is None:
        # Nothing round fits under the limit: the smallest round dose there is.
        smallest = replace(dose, sets=lowest_sets, **{primary: low})
        return smallest if is_round(exercise, smallest) and dose_volume(exercise, smallest) < full else dose
    return replace(dose, **{"sets": -best[1], primary: -best[2]})


def _scaled_pyramid(state: TrackState, factor: float) -> Dose:
    """A descending dose cut to the round pyramid (with its one-hold steps: 5-4, 6-4-3) whose holds are
    closest to ``factor`` of this one's, never above it; 3 holds in the first set at least, never a last set
    of one. The one-hold steps make the cut as fine as the growth (6-5-3 at 65% is 5-3, not 4-2)."""
    exercise, dose = state.exercise, state.dose
    full = state.volume
    limit = full * factor + 1e-9
    low = min(FEWEST["reps"], dose.reps or 0)
    best: tuple[float, int, int, int] | None = None
    for sets in range(dose.sets, 0, -1):
        for reps in range(dose.reps or 0, low - 1, -1):
            for extra in range(sets - 1, -1, -1):
                trial = replace(dose, sets=sets, reps=reps, extra_holds=extra)
                volume = dose_volume(exercise, trial)
                if not is_round(exercise, trial) or volume > limit:
                    continue
                key = (abs(volume / full - factor), -sets, -reps, -extra)
                if best is None or key < best:
                    best = key
    if best is None:
        return replace(dose, extra_holds=0) if dose.extra_holds else dose
    return replace(dose, sets=-best[1], reps=-best[2], extra_holds=-best[3])
