"""What gates each step up, in the plan's own words: the pain check-ins and the sessions done.

The plan as built shows each week's steps; what lets a step come is not the calendar alone but the
engine that reads the person's record (:mod:`planner.domain.pain.adaptation`,
:mod:`planner.domain.pain.acceptable`, :mod:`planner.domain.pain.moving_on`). These words say what
that engine does, with the numbers of the pain rules (:data:`~planner.domain.pain.rules.DEFAULT_RULES`,
the built-in ``programs/pain-rules/default.toml``), and nothing it does not:

- pain up to ``progress_max`` (2) after a session lets the plan move on;
- pain above it up to ``hold_max`` (5) lets it move on only if it has settled by the next morning (back to
  ``progress_max`` or the person's usual pain), is not well above the usual pain, is not the
  ``recurring_count``-th report of ``recurring_score`` or more in ``recurring_days`` days, and is no higher than
  the week before; otherwise a hold: the next sessions repeat the doses until a report that is settled and
  not rising;
- pain above ``hold_max``, or worse the next morning than after the session, cuts the sessions to
  ``reduce_factor`` of their volume, then they build back within ``rebuild_weeks``; above ``reduce_max``
  the program pauses to the relief routine;
- a week moves on only if at least half of the week before's sessions were done (the repeat rule);
- with no check-ins nothing holds the plan: it moves on as built (said, so it is not taken as a promise).

The numbers are the built-in rules'. A pain-rules file of the person's own changes what the engine does,
and the week-1 sentence says whose numbers these are. The built plan is kept apart from the rules in force
(the plan cache is keyed on the library), so the words do not follow a changed file.

Source: the pain-monitoring model (Thomeé 1997; Silbernagel et al. 2007), as in docs/programming.md.
"""

from __future__ import annotations

from planner.domain.pain.rules import DEFAULT_RULES, PainRules


def gate_words(rules: PainRules = DEFAULT_RULES) -> str:
    """Week 1's sentence: what lets each step up come, and what happens otherwise, with the rules' numbers."""
    hold = rules.hold_max
    return (f"Each week's steps up come only while your pain check-ins allow them (a pain report after a session, "
            f"and one the next morning): pain up to {rules.progress_max}/10 lets the plan move on; "
            f"{rules.progress_max + 1} to {hold}/10 only while it is not well above your usual pain, not the "
            f"{_nth(rules.recurring_count)} report of {rules.recurring_score} or more in {rules.recurring_days} "
            "days and no higher than the week before, and has settled by the next morning (a morning check-in "
            f"above {rules.progress_max} and above your usual pain holds); otherwise the next sessions hold the "
            "doses they had. "
            f"Pain above {hold}/10, or worse the next morning, cuts the sessions to {rules.reduce_factor:.0%} "
            f"and builds them back over {rules.rebuild_weeks} weeks; {rules.reduce_max + 1} or more pauses to "
            "the relief routine. A week moves on only if at least half its sessions were done. With no check-ins "
            "nothing holds the plan back, so report how your back answers. (These are the built-in pain rules; "
            "a pain-rules file of your own changes the numbers.)")


def step_gate_words(rules: PainRules = DEFAULT_RULES) -> str:
    """The short line of each week that steps up: the same gate, in one line."""
    return (f"These steps come only if your pain check-ins since the last step allow them (up to "
            f"{rules.progress_max}/10, or up to {rules.hold_max}/10 settled by the next morning and not rising) "
            "and half of last week's sessions were done; otherwise the doses hold (see week 1).")


def _nth(count: int) -> str:
    return {2: "second", 3: "third", 4: "fourth", 5: "fifth"}.get(count, f"{count}th")
