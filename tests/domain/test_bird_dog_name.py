"""The harder bird-dog is named for what its cues, summary and figure do (the arm and leg reach out and
are held, then the elbow and knee are drawn in under the body), not "with sweep": McGill's sweep is a
different move (hand and knee brushing the floor), and the name is what every face shows."""

from __future__ import annotations

from planner.domain.library.loading import Library


def test_the_harder_bird_dog_is_named_for_drawing_elbow_to_knee(library: Library) -> None:
    exercise = library.exercises["bird-dog-hold"]
    assert exercise.name == "Bird-dog, elbow to knee"
    said = " ".join([exercise.summary, *exercise.cues]).lower()
    assert "elbow and knee drawn together" in said and "draw elbow and knee" in said
    assert "sweep" not in " ".join([exercise.name, exercise.summary, *exercise.cues, *exercise.cautions]).lower()
