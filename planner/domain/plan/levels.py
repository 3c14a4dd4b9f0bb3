"""What each level means, in one line: the level picks where in each exercise's chain a plan starts."""

from __future__ import annotations

LEVELS: dict[int, str] = {
    1: "gentlest: the easiest form of every exercise; start here after a flare-up or a long break",
    2: "easy: a step up where a chain allows; for a back that is settled day to day",
    3: "moderate: for people already active a couple of times a week without back trouble",
    4: "firm: harder forms such as full planks; for people who train regularly",
    5: "hardest: the top of every chain; only when level 4 feels easy",
}


def level_line(level: int) -> str:
    """``Level 2, easy: …`` or, for a number outside 1–5, what is allowed."""
    if level not in LEVELS:
        return "Level: use 1 (gentlest) to 5 (hardest)."
    return f"Level {level}, {LEVELS[level]}."
