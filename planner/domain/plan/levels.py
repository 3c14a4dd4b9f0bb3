"""Choosing a level: what each one means, three plain questions that suggest one, and a program's cap.

The level picks where in each exercise's chain a plan starts. Most people cannot tell a 2 from a 3 by its
name, so the builder (and ``planner plan new`` on a terminal without ``--level``) asks three things a
person knows about their own back today, and suggests the level the answers point to:

- a side plank on the knees for 10 seconds each side without pain: the easiest form of the side plank,
  the core work every program builds on; "no" means the gentlest forms (level 1);
- a 20-minute walk: everyday stamina;
- picking a light box up from the floor: bending and lifting, the movement the loaded work trains.

Each "yes" beyond the side plank moves the suggestion up one, to 3 at most: the questions cannot tell who
trains regularly, so levels 4 and 5 stay the person's own choice. A gentle program (gentle return, the first
days after a spasm) caps the level at its ``max_level`` (2), and says so: its easy forms are its purpose.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

LEVELS: dict[int, str] = {
    1: "gentlest: the easiest form of every exercise; start here after a flare-up or a long break",
    2: "easy: a step up where a chain allows; for a back that is settled day to day",
    3: "moderate: for people already active a couple of times a week without back trouble",
    4: "firm: harder forms such as full planks; for people who train regularly",
    5: "hardest: the top of every chain; only when level 4 feels easy",
}
HIGHEST_SUGGESTED = 3


@dataclass(frozen=True)
class LevelQuestion:
    key: str
    text: str


LEVEL_QUESTIONS: tuple[LevelQuestion, ...] = (
    LevelQuestion("side-plank", "Can you hold a side plank on your knees for 10 seconds each side without pain?"),
    LevelQuestion("walk", "Can you walk for 20 minutes?"),
    LevelQuestion("lift", "Can you pick a light box up from the floor?"),
)


def level_line(level: int) -> str:
    """``Level 2, easy: …`` or, for a number outside 1–5, what is allowed."""
    if level not in LEVELS:
        return "Level: use 1 (gentlest) to 5 (hardest)."
    return f"Level {level}, {LEVELS[level]}."


def suggested_level(answers: Mapping[str, bool]) -> int:
    """The level three answers point to (a question not answered counts as "no"): 1 without the side plank,
    else one more for each other "yes", up to 3."""
    if not answers.get("side-plank"):
        return 1
    return min(HIGHEST_SUGGESTED, 1 + sum(bool(answers.get(q.key)) for q in LEVEL_QUESTIONS[1:]))


def capped_level(level: int, max_level: int, program_name: str) -> tuple[int, str | None]:
    """``level`` within a program's cap, and the sentence saying so when the cap lowered it."""
    if level <= max_level:
        return level, None
    return max_level, (f"{program_name} starts at level {max_level} at most (its easy forms are the point), "
                       f"so level {max_level} instead of {level}.")


def suggestion(answers: Mapping[str, bool], max_level: int = 5, program_name: str = "") -> tuple[int, str]:
    """The suggested level within the program's cap, and one line saying why."""
    level = suggested_level(answers)
    if not answers.get("side-plank"):
        why = "the side plank on your knees is not easy yet, so the gentlest forms come first"
    elif level == HIGHEST_SUGGESTED:
        why = "all three are fine; choose 4 or 5 yourself only if you train regularly and 3 feels easy"
    else:
        why = "a step up from the gentlest, where an answer was yes"
    capped, cap_words = capped_level(level, max_level, program_name or "This program")
    if cap_words:
        return capped, f"Suggested: level {capped}. {cap_words}"
    return capped, f"Suggested: level {capped} ({why})."
