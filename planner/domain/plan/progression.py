"""One exercise's dose over time: the next step up, the harder variant, the easier week.

Double progression: the main field (reps, hold seconds or minutes) rises by
its step to its cap; then a set is added and the main field goes back to its
starting value; when sets are capped too, the exercise moves to the next
harder variant at that variant's starting dose. Never two steps at once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from planner.domain.library.models import Category, Dose, Exercise, Kind
from planner.domain.plan.model import TRANSITION_SECONDS, volume_seconds

# Common stretching guidance: hold about 15–60 seconds, 2–4 times.
STRETCH_HOLD_MIN = 15
STRETCH_HOLD_MAX = 60
STRETCH_SETS_MIN = 2
STRETCH_SETS_MAX = 4


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
        dose = self.dose
        rest = 0 if self.exercise.kind is Kind.DURATION else dose.rest_seconds * max(dose.sets - 1, 0)
        return self.volume + rest + TRANSITION_SECONDS


def dose_volume(exercise: Exercise, dose: Dose) -> int:
    return volume_seconds(exercise.kind, dose.sets, dose.reps, dose.hold_seconds, dose.minutes, dose.seconds_per_rep)


def is_stretch(exercise: Exercise) -> bool:
    return exercise.category is Category.FLEXIBILITY and exercise.kind is Kind.HOLD


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


@dataclass(frozen=True)
class Step:
    state: TrackState
    reason: str


def describe(exercise: Exercise, dose: Dose) -> str:
    if exercise.kind is Kind.REPS:
        return f"{dose.sets}×{dose.reps}"
    if exercise.kind is Kind.HOLD:
        return f"{dose.sets}×{dose.hold_seconds}s"
    return f"{dose.minutes} min"


def next_step(state: TrackState, harder: Exercise | None) -> Step | None:
    """The one next step up for this slot, or ``None`` when it is at the top of its chain."""
    exercise, dose = state.exercise, state.dose
    primary = exercise.primary_field
    main_cap, sets_cap = caps(exercise)
    value = getattr(dose, primary)
    before = describe(exercise, dose)
    main_step = getattr(exercise.progression, primary)
    if main_step and value < main_cap:
        new = replace(dose, **{primary: min(value + main_step.step, main_cap)})
        return Step(TrackState(exercise, new),
                    f"{exercise.name}: {before} → {describe(exercise, new)}")
    sets_step = exercise.progression.sets
    if sets_step and dose.sets < sets_cap:
        start_value = getattr(starting_dose(exercise), primary)
        new = replace(dose, **{"sets": min(dose.sets + sets_step.step, sets_cap), primary: start_value})
        return Step(TrackState(exercise, new),
                    f"{exercise.name}: {before} → {describe(exercise, new)} (one more set, back to the starting {primary.replace('_', ' ')})")
    if harder is not None:
        new = starting_dose(harder)
        return Step(TrackState(harder, new),
                    f"{exercise.name} reached its top dose ({before}): moves up to {harder.name} at {describe(harder, new)}")
    return None


def scaled_dose(state: TrackState, factor: float, *, keep_stretch_sets: bool = True) -> Dose:
    """The dose whose volume is closest to ``factor`` of this one, never above the full dose.

    Used for easier weeks and for pain-guided reductions. Holds of a stretch
    stay at 15 s or more; easier weeks also keep 2 sets, but a reduction for
    pain may drop to one, because the cut in volume matters more than the guidance.
    """
    exercise, dose = state.exercise, state.dose
    primary = exercise.primary_field
    full = state.volume
    if full == 0:
        return dose
    value = getattr(dose, primary)
    low = 1
    if is_stretch(exercise):
        low = min(STRETCH_HOLD_MIN, value)
    best: tuple[float, int, int] | None = None
    lowest_sets = min(STRETCH_SETS_MIN, dose.sets) if is_stretch(exercise) and keep_stretch_sets else 1
    limit = full * factor + 1e-9
    fields = {"reps": dose.reps, "hold_seconds": dose.hold_seconds, "minutes": dose.minutes}

    def volume_at(sets: int, main: int) -> int:
        fields[primary] = main
        return volume_seconds(exercise.kind, sets, fields["reps"], fields["hold_seconds"], fields["minutes"],
                              dose.seconds_per_rep)

    for sets in range(dose.sets, lowest_sets - 1, -1):
        # Volume rises with the main field, so at these sets the best candidate is the largest main
        # within the limit (a smaller one is further from the factor): start near it instead of trying
        # every value down from the full dose (that made long plans grow faster than linearly).
        unit = volume_at(sets, 1)
        main = value if unit <= 0 else max(low, min(value, int(limit // unit) + 1))
        while main > low and volume_at(sets, main) > limit:
            main -= 1
        while main < value and volume_at(sets, main + 1) <= limit:
            main += 1
        volume = volume_at(sets, main)
        if volume > limit and (sets, main) != (lowest_sets, low):
            continue
        key = (abs(volume / full - factor), -sets, -main)
        if best is None or key < best:
            best = key
    if best is None:
        return dose
    return replace(dose, **{"sets": -best[1], primary: -best[2]})
