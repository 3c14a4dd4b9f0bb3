"""The report as Markdown: readable as plain text in any editor, printable, and easy to paste."""

from __future__ import annotations

from planner.domain.pain.warning_signs import DISCLAIMER
from planner.domain.records import Adjustment
from planner.reports.charts import daily_bars, sparkline
from planner.reports.model import FLARE_SCORE, Report


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _adjustment(a: Adjustment) -> str:
    return f"- {a.date.isoformat()} ({a.kind}): {_cell(a.reason)}"


def report_markdown(report: Report) -> str:
    r = report
    lines = [
        f"# Exercise and back-pain report: {_cell(r.program_name)}",
        "",
        f"Period {r.since.isoformat()} to {r.today.isoformat()} · plan from {r.plan_start.isoformat()} "
        f"to {r.plan_end.isoformat()} · written by planner, a self-management exercise planner",
        "",
        "## Summary",
        "",
        *(f"- {line}" for line in r.summary()),
        "",
        "## Adherence by week",
        "",
        "| Week | From | Planned | Done | Partly | Skipped | Missed | Adherence | Days paused | Pain reports |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for w in r.weeks:
        adherence = f"{w.adherence}%" if w.adherence is not None else "–"
        pain = ", ".join(map(str, w.pain_scores)) or "–"
        lines.append(f"| {w.number} | {w.start.isoformat()} | {w.planned} | {w.done} | {w.partial} | {w.skipped} "
                     f"| {w.missed} | {adherence} | {w.paused} | {pain} |")
    lines += ["", "## Pain over time", ""]
    if r.pain:
        lines += [f"Every report in order, 0–10: `{sparkline([p.score for p in r.pain])}`", "",
                  "Highest report each day:", "", "```", *daily_bars(r.pain), "```", ""]
    else:
        lines += ["No pain reports in this period.", ""]
    lines += [f"## Flare-ups (reports of {FLARE_SCORE} or more)", ""]
    if not r.flare_ups:
        lines += ["None.", ""]
    for flare in r.flare_ups:
        p = flare.report
        where = f", {_cell(p.area)}" if p.area else ""
        worse = f"; made worse by {', '.join(p.aggravated)}" if p.aggravated else ""
        lines += [f"### {p.date.isoformat()}: {p.score}/10 ({p.when}{where}{worse})", "",
                  "Sessions in the 48 hours before:", ""]
        if not flare.before:
            lines.append("- none")
        for session in flare.before:
            done = "; ".join(_cell(d) for d in session.done) or "nothing recorded"
            lines.append(f"- {session.date.isoformat()} ({session.status}): {done}")
        lines.append("")
    lines += ["## Changes to the plan, with reasons", ""]
    lines += [_adjustment(a) for a in r.adjustments] or ["None: the plan ran as built."]
    lines += ["", "## Red-flag symptoms and what followed", ""]
    if not r.red_flags:
        lines += ["None reported.", ""]
    for flag in r.red_flags:
        lines += [f"### {flag.report.date.isoformat()}: {_cell('; '.join(flag.symptoms))} "
                  f"(pain {flag.report.score}/10)", ""]
        lines += [_adjustment(a) for a in flag.followed] or ["- no change was recorded"]
        if flag.next_session is not None:
            lines.append(f"- first session done after resuming: {flag.next_session.isoformat()}")
        elif not any(a.kind == "resume" for a in flag.followed):
            lines.append("- the program has stayed paused since")
        lines.append("")
    lines += ["## Session notes", ""]
    lines += [f"- {n.date.isoformat()}{' ' + n.exercise_id if n.exercise_id else ''}: {_cell(n.text)}"
              for n in r.notes] or ["None recorded."]
    lines += ["", "---", "", DISCLAIMER, ""]
    return "\n".join(lines)
