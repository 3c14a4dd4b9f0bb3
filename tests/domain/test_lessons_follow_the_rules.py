"""Lessons cannot drift from the rules: every pain number they state is the rules' own, filled in."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from planner.domain.lessons.loading import load_lessons
from planner.domain.lessons.numbers import lesson_numbers
from planner.domain.library.loading import Source
from planner.domain.pain.rules import DEFAULT_RULES
from planner.locations import built_in_library

BUILT_IN = [Source(built_in_library(), built_in=True)]
# Phrases that state a pain score or a cut: their number must be a placeholder, never typed in.
PAIN_NUMBER = re.compile(r"(\d+)(?= out of 10|/10| or more| or less|% less)|(?<=score of )(\d+)|(?<=from )(\d+)(?= the)")


def stated(text: str) -> set[str]:
    return {next(g for g in m.groups() if g) for m in PAIN_NUMBER.finditer(text)}


def test_no_lesson_file_types_a_pain_number() -> None:
    for path in sorted((built_in_library() / "lessons").glob("*.toml")):
        raw = path.read_text(encoding="utf-8")
        assert not stated(raw), f"{path.name} types {stated(raw)}: use a {{placeholder}} from the rules"


@pytest.mark.parametrize("rules", [DEFAULT_RULES, replace(DEFAULT_RULES, progress_max=1, hold_max=3, reduce_max=5,
                                                           reduce_factor=0.6)])
def test_every_number_a_lesson_states_is_one_the_rules_say(rules) -> None:  # noqa: ANN001
    numbers = lesson_numbers(rules)
    lessons = load_lessons(BUILT_IN, numbers)
    assert not lessons.problems
    allowed = {v.rstrip("%") for v in numbers.values()}
    for lesson in lessons.in_order():
        text = f"{lesson.summary} {lesson.body}"
        assert "{" not in text, lesson.id
        assert stated(text) <= allowed, (lesson.id, stated(text) - allowed)


def test_a_stricter_rules_file_changes_the_lessons_words() -> None:
    strict = replace(DEFAULT_RULES, hold_max=3)
    default = load_lessons(BUILT_IN).by_id["hurt-is-not-harm"].body
    stricter = load_lessons(BUILT_IN, lesson_numbers(strict)).by_id["hurt-is-not-harm"].body
    assert "up to 5 out of 10 is acceptable" in default
    assert "up to 3 out of 10 is acceptable" in stricter and "above 3 the next sessions are cut" in stricter


def test_an_unknown_placeholder_is_a_problem_in_the_file(tmp_path: Path) -> None:
    (tmp_path / "lessons").mkdir()
    (tmp_path / "lessons" / "mine.toml").write_text(
        'title = "Mine"\norder = 5\nsummary = "A lesson of my own, with a number."\nbody = """\n'
        + "Pain up to {acceptible} is fine. " * 10 + '\n"""\n', encoding="utf-8")
    lessons = load_lessons([*BUILT_IN, Source(tmp_path)])
    assert "mine" not in lessons.by_id
    assert any("{acceptible} is not a number planner fills in" in p.message for p in lessons.problems)


def test_the_evidence_claims_are_the_trials_own() -> None:
    docs = (Path(__file__).parents[2] / "docs" / "programming.md").read_text(encoding="utf-8")
    assert "halved" not in docs and "28%" in docs and "doubled the time to the next" in docs
    lessons = load_lessons(BUILT_IN)
    assert "short of fluid" not in lessons.by_id["why-backs-spasm"].body
    assert "has not been shown" in lessons.by_id["water"].body
    medicines = lessons.by_id["pain-relief-medicines"].body
    for words in ("ask a pharmacist or your doctor", "lowest dose that works", "shortest time",
                  "Paracetamol on its own", "not recommended for back pain that has lasted months", "NG59",
                  # NG59 1.2: no opioids routinely for a sudden bout; no anti-epileptics, SSRIs, SNRIs or tricyclics
                  # for low back pain; for sciatica no gabapentinoids, steroid tablets or benzodiazepines.
                  "not as a matter of course for a sudden bout", "anti-epileptic medicines (including gabapentin",
                  "SSRI and SNRI kinds", "tricyclic", "(sciatica)", "steroid tablets and benzodiazepines"):
        assert words in medicines, words
    assert "some anti-epileptic" not in medicines, "NG59 advises against the whole classes, not some of them"
    hurt = lessons.by_id["hurt-is-not-harm"].body
    assert "if it has not settled, or is climbing, the doses hold" in hurt, "the acceptable band's hold is said"
    fear = lessons.by_id["fear-of-movement"].body
    assert "graded exposure" in fear and "psychological" in fear and "NG59" in fear
