"""The report's section on the activities the person wants back (see :mod:`planner.domain.function`)."""

from __future__ import annotations

from html import escape

from planner.domain.function import AVERAGE_CHANGE, SCALE, SINGLE_CHANGE, Activity, FunctionSummary

HEADING = "Activities the person wants back (Patient-Specific Functional Scale)"


def summary_line(summary: FunctionSummary) -> str | None:
    """The report summary's line: the average's first and latest, and whether the change is important."""
    if not summary.averages:
        return None
    first, latest = summary.averages[0], summary.averages[-1]
    line = (f"Activities the person wants back: average {first[1]:g} of 10 on {first[0].isoformat()}, "
            f"{latest[1]:g} on {latest[0].isoformat()}")
    if summary.average_change is not None:
        verdict = ("an important change" if summary.important_change
                   else f"less than the {AVERAGE_CHANGE:g} points that count as an important change")
        line += f" ({summary.average_change:+g}: {verdict})"
    return line + "."


def _scores(activity: Activity) -> str:
    scores = ", ".join(f"{r.score} ({r.date.isoformat()})" for r in activity.ratings) or "not rated"
    change = f"; change {activity.change:+d}" if activity.change is not None else ""
    important = " (important)" if activity.important_change else ""
    retired = f"; retired {activity.retired.isoformat()}" if activity.retired else ""
    return f"{scores}{change}{important}{retired}"


def _note() -> str:
    return (f"Each activity is rated {SCALE}. A change from the first rating of {AVERAGE_CHANGE:g} points on the "
            f"average or {SINGLE_CHANGE} on one activity counts as important (Stratford et al. 1995).")


def function_markdown(summary: FunctionSummary) -> list[str]:
    lines = [f"## {HEADING}", ""]
    if not summary.activities:
        return [*lines, "None named.", ""]
    lines += [f"- {' '.join(a.name.split()).replace('|', '/')}: {_scores(a)}" for a in summary.activities]
    if summary.averages:
        lines += ["", "Average: " + " → ".join(f"{s:g} ({d.isoformat()})" for d, s in summary.averages)]
    return [*lines, "", _note(), ""]


def function_html(summary: FunctionSummary) -> list[str]:
    out = [f"<h2>{escape(HEADING)}</h2>"]
    if not summary.activities:
        return [*out, "<p>None named.</p>"]
    out.append("<ul>" + "".join(f"<li>{escape(a.name)}: {escape(_scores(a))}</li>" for a in summary.activities)
               + "</ul>")
    if summary.averages:
        out.append("<p>Average: " + escape(" → ".join(f"{s:g} ({d.isoformat()})" for d, s in summary.averages))
                   + "</p>")
    return [*out, f'<p class="muted">{escape(_note())}</p>']
