"""The report as Markdown: readable as plain text in any editor, printable, and easy to paste."""

from __future__ import annotations

from planner.domain.pain.warning_signs import DISCLAIMER, LEVELS
from planner.domain.records import Adjustment
from planner.exports.markdown_text import markdown_text
from planner.reports.charts import daily_bars, sparkline
from planner.reports.function_section import function_markdown
from planner.reports.model import RedFlag, Report


def _adjustment(a: Adjustment) -> str:
    return f"- {a.date.isoformat()} ({a.kind}): {markdown_text(a.reason)}"


def _episode(flare) -> str:  # noqa: ANN001 - a FlareUp
    # Each score with when it was felt: a 7 after a session and a 7 the next morning (not settled overnight)
    # read the same as two sessions' 7s without it, and that difference is what a clinician looks for.
    scores = ", ".join(f"{p.score} {p.when.replace('-', ' ')} {p.date:%d %b}" for p in flare.reports)
    count = len(flare.reports)
    # "Back within" and not "settled": a report at the top of the band can still hold the plan (7, 6, then 5).
    end = f"back within the band on {flare.settled.isoformat()}" if flare.settled else "not back within the band yet"
    return f"one episode: {count} report{'s' if count != 1 else ''} above the acceptable band ({scores}); {end}"


def followed_words(flag: RedFlag) -> list[str]:
    """What followed a warning sign, in words: a pause only where there was one."""
    if not flag.paused:
        return ["no pause (the plan carries on without the exercise that brings it on)"] if not flag.followed else []
    if flag.next_session is not None:
        return [f"first session done after resuming: {flag.next_session.isoformat()}"]
    if not any(a.kind == "resume" for a in flag.followed):
        return ["the program has stayed paused since"]
    return []


def report_markdown(report: Report) -> str:
    r = report
    lines = [
        f"# Exercise and back-pain report: {markdown_text(r.program_name)}",
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
    ]
    paused = any(w.paused for w in r.weeks)  # the column only when the plan was paused at all
    lines += ["| Week | From | Planned | Done | Partly | Skipped | Missed | Adherence |"
              + (" Days paused |" if paused else "") + " Pain reports | Doses of week |",
              "| --- | --- | --- | --- | --- | --- | --- | --- | --- |" + (" --- |" if paused else "") + " --- |"]
    for w in r.weeks:
        adherence = f"{w.adherence}%" if w.adherence is not None else "–"
        pain = ", ".join(map(str, w.pain_scores)) or "–"
        lines.append(f"| {w.number} | {w.start.isoformat()} | {w.planned} | {w.done} | {w.partial} | {w.skipped} "
                     f"| {w.missed} | {adherence} |" + (f" {w.paused} |" if paused else "") + f" {pain} | {w.doses or '–'} |")
    lines += ["", "## Sessions due, with each dose as prescribed", ""]
    lines += [f"- {d.date.isoformat()}{' · ' + d.week if d.week else ''} · {d.status}: "
              f"{markdown_text('; '.join(d.items))}" for d in r.sessions] or [
        "None due in this period."]
    lines += ["", "## Pain over time", ""]
    if r.pain:
        lines += [f"Every report in order, 0–10: `{sparkline([p.score for p in r.pain])}`", "",
                  "Highest report each day:", "", "```", *daily_bars(r.pain), "```", ""]
    else:
        lines += ["No pain reports in this period.", ""]
    lines += function_markdown(r.function)
    lines += [f"## {r.flare_title}", ""]
    if not r.flare_ups:
        lines += ["None.", ""]
    for flare in r.flare_ups:
        p = flare.report
        where = f", {markdown_text(p.area)}" if p.area else ""
        worse = f"; made worse by {markdown_text(', '.join(p.aggravated))}" if p.aggravated else ""
        lines += [f"### {p.date.isoformat()}: {p.score}/10 ({p.when}{where}{worse})", "",
                  f"- {_episode(flare)}", "", "Sessions in the 48 hours before:", ""]
        if not flare.before:
            lines.append("- none")
        for session in flare.before:
            done = "; ".join(markdown_text(d) for d in session.done) or "nothing recorded"
            lines.append(f"- {session.date.isoformat()} ({session.status}): {done}")
        lines.append("")
    lines += ["## Changes to the plan, with reasons", ""]
    lines += [_adjustment(a) for a in r.adjustments] or ["None: the plan ran as built."]
    lines += ["", "## Warning signs and what followed", ""]
    if not r.red_flags:
        lines += ["None reported.", ""]
    for level in LEVELS:
        flags = r.signs_at(level)
        if not flags:
            continue
        lines += [f"### {level.capitalize()}", ""]
        for flag in flags:
            lines.append(f"- {flag.report.date.isoformat()}: {markdown_text('; '.join(flag.symptoms))} "
                         f"(pain {flag.report.score}/10)")
            lines += [f"  {_adjustment(a)}" for a in flag.followed]
            lines += [f"  - {line}" for line in followed_words(flag)]
        lines.append("")
    lines += ["## Session notes", ""]
    lines += [f"- {n.date.isoformat()}{' ' + n.exercise_id if n.exercise_id else ''}: {markdown_text(n.text)}"
              for n in r.notes] or ["None recorded."]
    lines += ["", "---", "", DISCLAIMER, ""]
    return "\n".join(lines)
