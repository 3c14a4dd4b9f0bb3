"""A session in progress, as plain state and events: holds counted one by one, sides, rests, closing."""

from __future__ import annotations

from planner.domain.days import session_run as sr
from planner.domain.days.session_run import Mark, Phase, Side
from planner.domain.library.models import Category, Kind
from planner.domain.plan.model import Prescription


def prescription(id: str, kind: Kind, **dose: object) -> Prescription:
    return Prescription(id=id, name=id.replace("-", " ").capitalize(), track=id, category=Category.CORE,
                        kind=kind, **dose)  # type: ignore[arg-type]


CURL_UP = prescription("curl-up", Kind.REPS, sets=3, reps=6, seconds_per_rep=10, descending=True, rest_seconds=20)
BRIDGE = prescription("bridge", Kind.REPS, sets=2, reps=8, seconds_per_rep=3, rest_seconds=30)
SIDE_PLANK = prescription("side-plank", Kind.HOLD, sets=2, hold_seconds=15, rest_seconds=0, per_side=True)
WALK = prescription("walk", Kind.DURATION, sets=1, minutes=10, apart=True)


def run_of(*items: Prescription, sided: tuple[bool, ...] | None = None, recorded=None,
           switch: int = sr.SWITCH_SECONDS) -> sr.SessionRun:
    return sr.begin(items, sided or tuple(p.per_side for p in items), recorded or {}, switch)


def run_until(step: sr.Step, phase: Phase) -> tuple[sr.Step, int]:
    """Tick a second at a time until ``phase`` comes (or 1,000 s pass); the seconds it took."""
    for second in range(1, 1000):
        step = step.then(sr.tick(step.run))
        if step.run.phase is phase:
            return step, second
    raise AssertionError(f"never reached {phase}")


def test_a_descending_set_counts_hold_by_hold_with_a_relax_between() -> None:
    step = sr.start(run_of(CURL_UP))
    run = step.run
    assert (run.phase, run.counted, run.units, run.remaining) == (Phase.WORK, 0, 6, 10)
    assert step.cues == ("Set 1: hold 1 of 6.",)
    step = sr.tick(run, 10)
    assert step.run.phase is Phase.RELAX and step.run.remaining == sr.RELAX_SECONDS and step.run.counted == 1
    assert step.cues == ("Relax. 5 to go.",)
    step = sr.tick(step.run, sr.RELAX_SECONDS)
    assert step.run.phase is Phase.WORK and step.cues == ("Hold 2 of 6.",)


def test_the_set_ends_by_itself_when_its_holds_are_counted_then_the_next_set_has_fewer() -> None:
    step, seconds = run_until(sr.start(run_of(CURL_UP)), Phase.REST)
    assert seconds == 6 * 10 + 5 * sr.RELAX_SECONDS
    assert step.saves == (sr.Save(item=CURL_UP, status=Mark.PARTIAL, sets=1),)
    assert step.run.here.sets_done == 1 and step.run.remaining == 20
    step, _ = run_until(step, Phase.WORK)  # the rest runs out: the next set starts by itself
    assert step.run.units == 4 and step.cues[-1] == "Set 2: hold 1 of 4."
    step, _ = run_until(step, Phase.REST)
    step, _ = run_until(step, Phase.WORK)
    assert step.run.units == 2
    for _ in range(2 * 10 + sr.RELAX_SECONDS):
        step = step.then(sr.tick(step.run))
    assert step.run.here.mark is Mark.DONE and step.saves[-1] == sr.Save(item=CURL_UP, status=Mark.DONE, sets=3)
    assert step.cues[-1] == "Curl up done."


def test_reps_are_counted_at_their_tempo_without_a_bell_for_each() -> None:
    step = sr.start(run_of(BRIDGE))
    step = sr.tick(step.run, 3)
    assert (step.run.phase, step.run.counted, step.cues) == (Phase.WORK, 1, ())
    step, seconds = run_until(step, Phase.REST)
    assert seconds + 3 == 8 * 3 and step.run.here.sets_done == 1


def test_one_side_then_time_to_roll_over_then_the_other_side_on_its_own() -> None:
    step = sr.start(run_of(SIDE_PLANK, switch=5))
    assert step.run.side is Side.LEFT
    step = sr.tick(step.run, 15)
    assert (step.run.phase, step.run.side, step.run.remaining) == (Phase.SWITCH, Side.RIGHT, 5)
    assert step.cues == ("Now the right side.",) and step.saves == ()
    assert step.run.here.sets_done == 0, "one side is not a set"
    step = sr.tick(step.run, 5)
    assert (step.run.phase, step.run.remaining, step.cues) == (Phase.WORK, 15, ("Go: right side.",))
    step = sr.tick(step.run, 15)
    assert step.run.here.sets_done == 1 and step.run.side is Side.LEFT
    assert step.saves == (sr.Save(item=SIDE_PLANK, status=Mark.PARTIAL, sets=1),)
    assert step.run.phase is Phase.WORK, "no rest set: with the timer on, the next set starts"


def test_no_switch_time_when_the_setting_is_zero_and_none_without_the_timer() -> None:
    step = sr.tick(sr.start(run_of(SIDE_PLANK, switch=0)).run, 15)
    assert (step.run.phase, step.run.side) == (Phase.WORK, Side.RIGHT)
    untimed = sr.set_done(run_of(SIDE_PLANK))
    assert (untimed.run.phase, untimed.run.side, untimed.cues) == (Phase.READY, Side.RIGHT, ("Now the right side.",))


def test_ending_early_counts_the_set_and_space_ends_a_rest() -> None:
    step = sr.start(run_of(CURL_UP))
    step = sr.start(step.run)  # s again while counting: the set ends now
    assert step.run.phase is Phase.REST and step.run.here.sets_done == 1
    step = sr.set_done(step.run)
    assert step.run.phase is Phase.WORK and step.run.units == 4, "the rest ended early, the next set counts"


def test_without_the_timer_space_marks_sets_and_the_rest_waits_for_a_key() -> None:
    step = sr.set_done(run_of(BRIDGE))
    assert step.run.phase is Phase.REST
    step = sr.tick(step.run, 30)
    assert step.run.phase is Phase.READY and "s counts it" in step.cues[-1]


def test_pause_stops_the_count_and_resume_goes_on() -> None:
    run = sr.start(run_of(BRIDGE)).run
    paused = sr.toggle_pause(run).run
    assert paused.paused and not paused.timing
    assert sr.tick(paused, 10).run == paused
    assert sr.toggle_pause(paused).run.timing
    assert sr.toggle_pause(run_of(BRIDGE)).run.phase is Phase.READY, "nothing to pause while waiting"


def test_skip_and_partial_close_the_exercise_and_move_on() -> None:
    run = run_of(CURL_UP, BRIDGE, WALK)
    run = sr.set_done(run).run  # one set of the curl-up
    step = sr.partial(run)
    assert step.saves == (sr.Save(item=CURL_UP, status=Mark.PARTIAL, sets=1),) and step.run.current == 1
    step = sr.skip(step.run)
    assert step.saves == (sr.Save(item=BRIDGE, status=Mark.SKIPPED, sets=0),) and step.run.current == 2
    assert sr.count(step.run, Mark.SKIPPED) == 1 and sr.count(step.run, Mark.DONE) == 0
    assert sr.left_to_do(step.run) == [], "the walk apart from the session is not left to do"


def test_a_done_exercise_cannot_be_skipped_or_made_partial() -> None:
    run = run_of(CURL_UP, BRIDGE, recorded={"curl-up": ("done", 3)})
    assert run.current == 1, "the run opens on the first exercise still open"
    run = sr.pick(run, 0).run
    assert sr.skip(run).saves == () and sr.partial(run).saves == ()


def test_recorded_sets_are_picked_up() -> None:
    run = run_of(CURL_UP, recorded={"curl-up": ("partial", 2)})
    assert run.here.sets_done == 2 and run.units == 2 and run.here.mark is None


def test_picking_another_exercise_stops_the_count_and_starts_on_the_left() -> None:
    run = sr.start(run_of(CURL_UP, SIDE_PLANK)).run
    picked = sr.pick(run, 1).run
    assert (picked.phase, picked.side, picked.current) == (Phase.READY, Side.LEFT, 1)


def test_a_one_hold_dose_counts_its_extra_hold_on_the_last_set() -> None:
    one_more = prescription("curl-up", Kind.REPS, sets=3, reps=6, seconds_per_rep=10, descending=True,
                            extra_holds=1)  # 6-4-3
    assert [sr.units_in_set(one_more, done) for done in range(3)] == [6, 4, 3]
    assert sr.work_seconds(one_more, 2) == 30  # the last set: three holds of 10 s
