"""Pain over time, drawn without colour or a network: Unicode blocks for text, an inline SVG for HTML.

Both read the same points (one per report, in the order they were made), so
the Markdown and the HTML report show the same picture.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape

from planner.domain.records import PainReport

BLOCKS = " ▁▂▃▄▅▆▇█"
FULL, EMPTY = "█", "░"


def sparkline(scores: Sequence[int]) -> str:
    """One character per report, its height the score out of 10."""
    return "".join(BLOCKS[round(score * (len(BLOCKS) - 1) / 10)] for score in scores)


def daily_bars(pain: Sequence[PainReport]) -> list[str]:
    """A bar per day with reports: the day's highest score, out of 10, with the figure written beside it."""
    days: dict[dt.date, list[PainReport]] = {}
    for report in pain:
        days.setdefault(report.date, []).append(report)
    lines = []
    for day, reports in sorted(days.items()):
        top = max(r.score for r in reports)
        flags = " warning sign" if any(r.flags for r in reports) else ""
        lines.append(f"{day:%a %d %b}  {FULL * top}{EMPTY * (10 - top)} {top:>2}{flags}")
    return lines


def pain_svg(pain: Sequence[PainReport], width: int = 640, height: int = 200, acceptable: int = 5) -> str:
    """A line chart of every report (x: date, y: 0–10), with a dashed line at the top of the acceptable band."""
    left, right, top, bottom = 36, 12, 12, 28
    inner_w, inner_h = width - left - right, height - top - bottom
    first = pain[0].date if pain else dt.date.today()
    span = max((pain[-1].date - first).days, 1) if pain else 1

    def x(day: dt.date, index: int) -> float:
        if len(pain) == 1:
            return left + inner_w / 2
        return left + inner_w * (day - first).days / span

    def y(score: float) -> float:
        return top + inner_h * (1 - score / 10)

    parts = [f'<svg role="img" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" aria-labelledby="pain-title">',
             '<title id="pain-title">Pain reports over time, 0 (none) to 10 (worst)</title>',
             f'<rect x="{left}" y="{top}" width="{inner_w}" height="{inner_h}" fill="none" stroke="#999"/>']
    for score in dict.fromkeys((0, acceptable, 10)):
        dash = ' stroke-dasharray="4 3"' if score == acceptable else ""
        parts.append(f'<line x1="{left}" y1="{y(score):.1f}" x2="{left + inner_w}" y2="{y(score):.1f}" '
                     f'stroke="#bbb"{dash}/>')
        parts.append(f'<text x="{left - 6}" y="{y(score) + 4:.1f}" text-anchor="end" font-size="11">{score}</text>')
    if pain:
        points = " ".join(f"{x(p.date, i):.1f},{y(p.score):.1f}" for i, p in enumerate(pain))
        parts.append(f'<polyline points="{points}" fill="none" stroke="#1f5f99" stroke-width="2"/>')
        for i, report in enumerate(pain):
            shape = "#b00020" if report.flags else ("#d9822b" if report.score > acceptable else "#1f5f99")
            label = escape(f"{report.date.isoformat()} {report.when}: {report.score}"
                           + (" (warning sign)" if report.flags else ""))
            parts.append(f'<circle cx="{x(report.date, i):.1f}" cy="{y(report.score):.1f}" r="4" fill="{shape}">'
                         f'<title>{label}</title></circle>')
        parts.append(f'<text x="{left}" y="{height - 8}" font-size="11">{escape(first.strftime("%d %b %Y"))}</text>')
        parts.append(f'<text x="{left + inner_w}" y="{height - 8}" text-anchor="end" font-size="11">'
                     f'{escape(pain[-1].date.strftime("%d %b %Y"))}</text>')
    else:
        parts.append(f'<text x="{left + inner_w / 2}" y="{top + inner_h / 2}" text-anchor="middle" '
                     'font-size="13">No pain reports in this period</text>')
    parts.append("</svg>")
    return "\n".join(parts)
