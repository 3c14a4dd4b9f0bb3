"""A printable plan: a section per week, a table per session, how to do each exercise, the safety note."""

from __future__ import annotations

from collections.abc import Sequence

from planner.domain.library.loading import Library
from planner.domain.pain.adaptation import AdaptationState
from planner.domain.pain.warning_signs import DISCLAIMER, signs_markdown
from planner.domain.plan.model import DAY_NAMES, WEEKDAYS, Plan, Prescription
from planner.domain.plan.wording import AS_BUILT_SENTENCE
from planner.domain.records import Adjustment, SessionNote
from planner.exports.markdown_text import markdown_text


def _rest(item: Prescription) -> str:
    if item.kind.value == "duration" or item.sets <= 1 or not item.rest_seconds:
        return "–"
    return f"{item.rest_seconds} s"


def plan_markdown(
    plan: Plan, library: Library, adjustments: Sequence[Adjustment] = (), state: AdaptationState | None = None,
    notes: Sequence[SessionNote] = (), figures: str | None = None,
) -> str:
    """The plan to print; ``figures`` names the folder of figure files beside it (``plan-figures``), linked
    from each exercise's section (left out, as on standard output, no figures are linked)."""
    inputs = plan.inputs
    days = ", ".join(DAY_NAMES[WEEKDAYS.index(d)] for d in inputs.days)
    if inputs.day_changes:
        days = inputs.days_text()
    lines = [
        f"# {markdown_text(plan.program_name)}",
        "",
        f"{inputs.weeks} weeks from {inputs.start.isoformat()} to {plan.end.isoformat()} · {days} · "
        f"about {inputs.minutes} minutes · level {inputs.level}",
        "",
        f"> **Safety note.** {DISCLAIMER} Stop any exercise that causes sharp or spreading pain.",
        "",
        markdown_text(AS_BUILT_SENTENCE),
        "",
    ]
    if state is not None and state.pause is not None:
        lines += ["**The program is paused.** " + (
            "A warning sign was reported: get medical help, and resume only after a health professional "
            "has assessed you." if state.pause == "red-flag"
            else "Do only the relief routine until the pain settles."), ""]
    if adjustments:
        lines += ["## Changes made for pain", ""]
        lines += [f"- {a.date.isoformat()} ({a.kind}): {markdown_text(a.reason)}" for a in adjustments]
        lines += ["", "The sessions below are the plan as written; `planner today` shows each day's session "
                  "with these changes applied.", ""]
    if notes:
        lines += ["## Your session notes", ""]
        lines += [f"- {n.date.isoformat()}: {markdown_text(n.text)}" for n in notes]
        lines.append("")
    for week in plan.weeks:
        lines += [f"## Week {week.number}" + (" (easier week)" if week.deload else ""), ""]
        lines += [f"- {markdown_text(r)}" for r in week.reasons]
        lines.append("")
        for session in week.sessions:
            lines += [f"### {DAY_NAMES[session.date.weekday()]} {session.date.isoformat()} "
                      f"· about {session.estimated_minutes} min", ""]
            lines += ["| Done | Exercise | Dose | Rest | Key cue |", "| --- | --- | --- | --- | --- |"]
            for item in session.exercises:
                exercise = library.exercises.get(item.id)
                cue = exercise.cues[0] if exercise else ""
                name = f"{item.name} (any time that day, apart from the session)" if item.apart else item.name
                lines.append(f"| ☐ | {markdown_text(name)} | {item.dose_text()} | {_rest(item)} | {markdown_text(cue)} |")
            lines.append("")
    lines += ["## Warning signs", "", "Stop exercising and act on these, by how serious they are:", "",
              signs_markdown(), ""]
    lines += _how_to(plan, library, figures)
    lines += ["---", "", DISCLAIMER, ""]
    return "\n".join(lines)


def _how_to(plan: Plan, library: Library, figures: str | None) -> list[str]:
    seen: dict[str, Prescription] = {}
    for session in plan.sessions():
        for item in session.exercises:
            seen.setdefault(item.id, item)
    lines = ["## How to do each exercise", ""]
    for exercise_id, item in sorted(seen.items(), key=lambda pair: pair[1].name):
        exercise = library.exercises.get(exercise_id)
        lines += [f"### {markdown_text(item.name)}", ""]
        if exercise is None:
            lines += ["(not in the library any more)", ""]
            continue
        if figures is not None and exercise.figure is not None:
            lines += [f"![{markdown_text(item.name)}]({figures}/{exercise_id}.svg)", ""]
        if exercise.summary:
            lines += [markdown_text(exercise.summary), ""]
        lines += [f"- {markdown_text(c)}" for c in exercise.cues]
        lines += [f"- **Take care:** {markdown_text(c)}" for c in exercise.cautions]
        lines.append("")
    return lines
