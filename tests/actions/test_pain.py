"""Pain reports, taking one back, and resuming: one action each, the alert worked out once."""

from __future__ import annotations

import pytest

from planner.actions import pain, reading
from planner.domain.errors import PlannerError, UsageError
from planner.domain.records import PainReport
from tests.actions.conftest import MONDAY


def report(score: int, flags: tuple[str, ...] = (), aggravated: tuple[str, ...] = ()) -> PainReport:
    return PainReport(MONDAY, "after", score, "", aggravated, flags)


def test_a_low_score_changes_nothing_and_says_so(planned) -> None:
    outcome = pain.report_pain(planned, report(1))
    assert outcome.lines == ["Pain 1 recorded. Progression continues as planned."]
    assert outcome.alert is None and not outcome.paused and outcome.report is not None and outcome.report.id


def test_a_report_that_changes_nothing_during_a_build_back_does_not_say_progression_continues(planned) -> None:
    """A physiotherapist's read: during the build back after a cut, a settled morning answered "Progression
    continues as planned" while Today said the doses were held for the rebuild."""
    assert pain.report_pain(planned, report(7)).adjustments
    assert pain.report_pain(planned, report(2)).adjustments[0].kind == "rebuild"
    outcome = pain.report_pain(planned, report(1))  # settled, while the rebuild goes on
    assert not outcome.adjustments
    assert outcome.lines[0].startswith("Pain 1 recorded. Nothing new changes: the build back"), outcome.lines


def test_a_high_score_cuts_the_volume_with_a_reason(planned) -> None:
    outcome = pain.report_pain(planned, report(6))
    assert outcome.adjustments and outcome.lines[0] == outcome.adjustments[0].reason
    assert outcome.active is not None and outcome.active.state.factor < 1.0


def test_a_warning_sign_pauses_and_the_alert_comes_with_the_outcome(planned) -> None:
    outcome = pain.report_pain(planned, report(3, ("saddle",)))
    assert outcome.paused and outcome.alert is not None and outcome.alert.level == "emergency"


def test_an_unknown_aggravating_exercise_is_refused_naming_the_field(planned) -> None:
    with pytest.raises(UsageError) as raised:
        pain.report_pain(planned, report(4, aggravated=("not-an-exercise",)))
    assert raised.value.field == "aggravated"
    assert reading.active_plan(planned).history.pain == ()  # type: ignore[union-attr]


def test_undo_pain_takes_back_the_report_and_its_changes(planned) -> None:
    pain.report_pain(planned, report(6))
    outcome = pain.undo_pain(planned)
    assert outcome.removed is not None and outcome.removed.score == 6
    assert outcome.active is not None and outcome.active.state.factor == 1.0
    assert outcome.active.history.pain == () and outcome.active.history.adjustments == ()


def test_undo_pain_never_lifts_a_warning_sign_pause(planned) -> None:
    pain.report_pain(planned, report(3, ("saddle",)))
    with pytest.raises(PlannerError, match="resume --confirm"):
        pain.undo_pain(planned)
    assert reading.standing(planned).pause == "red-flag"  # type: ignore[union-attr]


def test_undo_pain_with_nothing_to_take_back(planned) -> None:
    with pytest.raises(UsageError, match="no pain report"):
        pain.undo_pain(planned)


def test_resume_lifts_the_pause_and_says_how_the_plan_restarts(planned) -> None:
    assert pain.resume(planned).lines == ["The program is not paused; nothing to resume."]
    pain.report_pain(planned, report(3, ("saddle",)))
    outcome = pain.resume(planned)
    assert outcome.changed and outcome.state is not None and outcome.state.pause is None
    assert reading.standing(planned).pause is None  # type: ignore[union-attr]


def test_resume_before_any_plan_lifts_a_screening_pause(at) -> None:
    from planner.actions import screening

    context = at()
    assert screening.screen(context, ("saddle",)).alert is not None
    assert reading.standing(context).pause == "red-flag"  # type: ignore[union-attr]
    outcome = pain.resume(context)
    assert outcome.lines and reading.standing(context).pause is None  # type: ignore[union-attr]
