"""The figure as SVG text, built with the standard library's ElementTree (which escapes every value).

One ``<svg>`` per drawing: the key poses side by side (start, then end; or the hold), the far side of
the body in a lighter stroke, props thinner. No script and no external reference, so it can sit inline
in the HTML report or beside a Markdown file.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from planner.domain.figures.skeleton import Drawing, key_drawings
from planner.domain.library.figure import Figure

UNIT = 60.0  # pixels per trunk length
GAP = 0.6  # trunk lengths between poses
MARGIN = 0.25
STROKES = {"body": ("#222222", 5.0), "far": ("#999999", 4.0), "prop": ("#8a6d3b", 2.5)}


def figure_svg(figure: Figure, title: str, *, unit: float = UNIT) -> str:
    """The figure's key poses in one SVG document; ``title`` names it for screen readers."""
    root = figure_element(figure, title, unit=unit)
    return ET.tostring(root, encoding="unicode")


def figure_element(figure: Figure, title: str, *, unit: float = UNIT) -> ET.Element:
    drawings = [drawing for _, drawing in key_drawings(figure)]
    return _svg(drawings, title, unit)


def _svg(drawings: list[Drawing], title: str, unit: float) -> ET.Element:
    boxes = [d.bounds() for d in drawings]
    top = max(b[3] for b in boxes) + MARGIN
    bottom = min(b[1] for b in boxes) - MARGIN
    widths = [b[2] - b[0] for b in boxes]
    total = sum(widths) + GAP * (len(drawings) - 1) + 2 * MARGIN
    width, height = total * unit, (top - bottom) * unit
    root = ET.Element("svg", {
        "xmlns": "http://www.w3.org/2000/svg", "viewBox": f"0 0 {width:.1f} {height:.1f}",
        "width": f"{width:.0f}", "height": f"{height:.0f}", "role": "img"})
    ET.SubElement(root, "title").text = title
    offset = MARGIN
    for drawing, (left, _, _, _), span in zip(drawings, boxes, widths, strict=True):
        group = ET.SubElement(root, "g", {"stroke-linecap": "round", "fill": "none"})
        shift = offset - left

        def px(x: float, y: float, shift: float = shift) -> tuple[str, str]:
            return f"{(x + shift) * unit:.1f}", f"{(top - y) * unit:.1f}"

        for seg in drawing.segments:
            colour, stroke = STROKES[seg.part]
            (x1, y1), (x2, y2) = px(seg.x1, seg.y1), px(seg.x2, seg.y2)
            ET.SubElement(group, "line", {"x1": x1, "y1": y1, "x2": x2, "y2": y2,
                                          "stroke": colour, "stroke-width": f"{stroke * unit / UNIT:.1f}"})
        for circle in drawing.circles:
            colour, stroke = STROKES[circle.part]
            cx, cy = px(circle.x, circle.y)
            ET.SubElement(group, "circle", {"cx": cx, "cy": cy, "r": f"{circle.r * unit:.1f}", "stroke": colour,
                                            "stroke-width": f"{stroke * unit / UNIT:.1f}"})
        offset += span + GAP
    return root
