"""The numbers lessons quote, taken from the rules in force, so a lesson cannot drift from what planner does.

A lesson writes ``{acceptable}`` where it means "the top of the acceptable pain
band"; :func:`fill` puts in the number from the pain rules in force (a stricter
``pain-rules/default.toml`` changes the lesson's words too) and the relief
routine's limits. A name planner does not know is a problem in the lesson file.
"""

from __future__ import annotations

import re

from planner.domain.days.relief import COLD_DAYS, COLD_MAX_MINUTES, HEAT_MAX_MINUTES
from planner.domain.pain.rules import DEFAULT_RULES, PainRules
from planner.domain.plan.active_first import LYING_SHARE, PACK_SHORTEST

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")

# name: what it stands for (listed in the error for an unknown name, and in docs/).
MEANINGS: dict[str, str] = {
    "progress_max": "pain up to this lets the plan grow",
    "acceptable": "the top of the acceptable band (if settled by next morning and not rising)",
    "cut_from": "pain from this cuts the doses",
    "cut_less": "how much less volume a cut leaves, as a percentage",
    "pause_from": "pain from this pauses to the relief routine",
    "pack_shortest": "the shortest useful heat or cold pack, minutes",
    "cold_max": "the longest a cold pack stays on, minutes",
    "heat_max": "the longest a heat pack stays on, minutes",
    "cold_days": "the days after a strain in which cold may suit",
    "lying_share": "the most of a session spent lying still, as a percentage",
}


def lesson_numbers(rules: PainRules = DEFAULT_RULES) -> dict[str, str]:
    """Every number a lesson may quote, as words, from ``rules`` and the relief routine."""
    return {
        "progress_max": str(rules.progress_max),
        "acceptable": str(rules.hold_max),
        "cut_from": str(rules.hold_max + 1),
        "cut_less": f"{round(100 * (1 - rules.reduce_factor))}%",
        "pause_from": str(rules.reduce_max + 1),
        "pack_shortest": str(PACK_SHORTEST),
        "cold_max": str(COLD_MAX_MINUTES),
        "heat_max": str(HEAT_MAX_MINUTES),
        "cold_days": str(COLD_DAYS),
        "lying_share": f"{round(100 * LYING_SHARE)}%",
    }


def unknown_names(text: str) -> list[str]:
    return [name for name in PLACEHOLDER.findall(text) if name not in MEANINGS]


def fill(text: str, numbers: dict[str, str]) -> str:
    """``text`` with each ``{name}`` replaced by its number (unknown names are left as written)."""
    return PLACEHOLDER.sub(lambda m: numbers.get(m.group(1), m.group(0)), text)
