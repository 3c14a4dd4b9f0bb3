"""The report as one self-contained HTML page: inline CSS and SVG, no script, nothing fetched.

Every piece of text from the person's data goes through :func:`html.escape`,
so an exercise name or a note can never become markup.
"""

from __future__ import annotations

from html import escape

from planner.domain.pain.warning_signs import DISCLAIMER, LEVELS
from planner.domain.records import Adjustment
from planner.reports.charts import pain_svg
from planner.reports.function_section import function_html
from planner.reports.markdown import _episode, followed_words
from planner.reports.model import Report

STYLE = """
figure.exercise { display: inline-block; margin: .5rem; } figure.exercise svg { max-width: 20rem; height: auto; }
body { font-family: system-ui, sans-serif; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; color: #111; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
h3 { font-size: 1rem; } table { border-collapse: collapse; } th, td { border: 1px solid #ccc; padding: .2rem .5rem; }
td.n { text-align: right; } .summary { background: #f4f6f8; padding: .5rem 1.5rem; border-radius: 4px; }
.muted { color: #555; } svg { max-width: 100%; height: auto; }
@media print { body { margin: 0; } }
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _adjustment(a: Adjustment) -> str:
    return f"<li>{_e(a.date.isoformat())} ({_e(a.kind)}): {_e(a.reason)}</li>"


def _list(items: list[str], empty: str) -> str:
    return "<ul>\n" + "\n".join(items) + "\n</ul>" if items else f"<p>{_e(empty)}</p>"


def report_html(report: Report) -> str:
    r = report
    paused = any(w.paused for w in r.weeks)  # the column only when the plan was paused at all
    out = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e('Exercise and back-pain report: ' + r.program_name)}</title>",
        f"<style>{STYLE}</style>", "</head>", "<body>",
        f"<h1>Exercise and back-pain report: {_e(r.program_name)}</h1>",
        f'<p class="muted">Period {_e(r.since.isoformat())} to {_e(r.today.isoformat())} · plan from '
        f"{_e(r.plan_start.isoformat())} to {_e(r.plan_end.isoformat())} · written by planner, "
        "a self-management exercise planner</p>",
        '<section class="summary"><h2>Summary</h2>', _list([f"<li>{_e(s)}</li>" for s in r.summary()], ""),
        "</section>",
        "<h2>Adherence by week</h2>",
        "<table><thead><tr><th>Week</th><th>From</th><th>Planned</th><th>Done</th><th>Partly</th><th>Skipped</th>"
        "<th>Missed</th><th>Adherence</th>" + ("<th>Days paused</th>" if paused else "")
        + "<th>Pain reports</th><th>Doses of week</th></tr></thead><tbody>",
    ]
    for w in r.weeks:
        adherence = f"{w.adherence}%" if w.adherence is not None else "–"
        out.append(f'<tr><td class="n">{w.number}</td><td>{_e(w.start.isoformat())}</td>'
                   + "".join(f'<td class="n">{n}</td>' for n in (w.planned, w.done, w.partial, w.skipped, w.missed))
                   + f'<td class="n">{_e(adherence)}</td>' + (f'<td class="n">{w.paused}</td>' if paused else "") + f'<td>{_e(", ".join(map(str, w.pain_scores)) or "–")}</td>'
                   f'<td>{_e(w.doses or "–")}</td></tr>')
    out += ["</tbody></table>", "<h2>Sessions due, with each dose as prescribed</h2>",
            _list([f"<li>{_e(d.date.isoformat())}{_e(' · ' + d.week) if d.week else ''} · {_e(d.status)}: "
                   f"{_e('; '.join(d.items))}</li>"
                   for d in r.sessions], "None due in this period."),
            "<h2>Pain over time</h2>", "<figure>", pain_svg(r.pain, acceptable=r.acceptable),
            f"<figcaption>Each dot is a report (0 none, 10 worst); the dashed line is {r.acceptable}, the top of the "
            "acceptable band. Orange: above it; red: a report with a warning sign.</figcaption>", "</figure>",
            *function_html(r.function),
            f"<h2>{_e(r.flare_title)}</h2>"]
    if not r.flare_ups:
        out.append("<p>None.</p>")
    for flare in r.flare_ups:
        p = flare.report
        where = f", {p.area}" if p.area else ""
        worse = f"; made worse by {', '.join(p.aggravated)}" if p.aggravated else ""
        out.append(f"<h3>{_e(p.date.isoformat())}: {p.score}/10 ({_e(p.when + where + worse)})</h3>")
        out.append(f"<p>{_e(_episode(flare))}</p>")
        out.append("<p>Sessions in the 48 hours before:</p>")
        out.append(_list([f"<li>{_e(s.date.isoformat())} ({_e(s.status)}): "
                          f"{_e('; '.join(s.done) or 'nothing recorded')}</li>" for s in flare.before], "None."))
    out.append("<h2>Changes to the plan, with reasons</h2>")
    out.append(_list([_adjustment(a) for a in r.adjustments], "None: the plan ran as built."))
    out.append("<h2>Warning signs and what followed</h2>")
    if not r.red_flags:
        out.append("<p>None reported.</p>")
    for level in LEVELS:
        flags = r.signs_at(level)
        if not flags:
            continue
        out.append(f"<h3>{_e(level.capitalize())}</h3>")
        for flag in flags:
            out.append(f"<p>{_e(flag.report.date.isoformat())}: {_e('; '.join(flag.symptoms))} "
                       f"(pain {flag.report.score}/10)</p>")
            items = [_adjustment(a) for a in flag.followed]
            items += [f"<li>{_e(line)}</li>" for line in followed_words(flag)]
            out.append(_list(items, "No change was recorded."))
    out.append("<h2>Session notes</h2>")
    out.append(_list([f"<li>{_e(n.date.isoformat())}{_e(' ' + n.exercise_id) if n.exercise_id else ''}: "
                      f"{_e(n.text)}</li>" for n in r.notes], "None recorded."))
    if r.figures:
        from planner.domain.figures.svg import figure_svg

        out.append("<h2>The exercises</h2>")
        out += [f'<figure class="exercise">{figure_svg(figure, name)}<figcaption>{_e(name)}</figcaption></figure>'
                for name, figure in r.figures]
    out += ["<hr>", f'<p class="muted">{_e(DISCLAIMER)}</p>', "</body>", "</html>", ""]
    return "\n".join(out)
