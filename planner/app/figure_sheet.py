"""The contact sheet: every exercise's figure with its name, in one SVG (``make screenshots``).

For a physiotherapist to check every drawing in one look. Kept apart from the app's screenshot tool
so either can move without the other. Run: ``python -m planner.app.figure_sheet screenshots``.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from planner.domain.errors import PlannerError, display_path
from planner.domain.figures.svg import figure_element
from planner.domain.library.loading import Library, Source, load_library
from planner.locations import built_in_library

COLUMNS = 4
CELL_W, CELL_H, LABEL = 300, 150, 22
LABEL_CHARS = 40  # at 13 px, what fits in a cell
SCALE = 0.55  # of the figure's own SVG size (60 px per trunk length)


def contact_sheet(library: Library) -> str:
    """Every exercise with a figure, by id, in a grid of named cells."""
    drawn = [e for _, e in sorted(library.exercises.items()) if e.figure is not None]
    rows = (len(drawn) + COLUMNS - 1) // COLUMNS
    root = ET.Element("svg", {"xmlns": "http://www.w3.org/2000/svg", "width": str(COLUMNS * CELL_W),
                              "height": str(rows * CELL_H), "font-family": "sans-serif", "font-size": "13"})
    ET.SubElement(root, "rect", {"width": "100%", "height": "100%", "fill": "#ffffff"})
    for index, exercise in enumerate(drawn):
        x, y = (index % COLUMNS) * CELL_W, (index // COLUMNS) * CELL_H
        ET.SubElement(root, "rect", {"x": str(x + 2), "y": str(y + 2), "width": str(CELL_W - 4),
                                     "height": str(CELL_H - 4), "fill": "none", "stroke": "#dddddd"})
        label = ET.SubElement(root, "text", {"x": str(x + 8), "y": str(y + 18)})
        text = f"{exercise.name} ({exercise.id})"
        label.text = text if len(text) <= LABEL_CHARS else f"{text[:LABEL_CHARS - 1]}…"
        assert exercise.figure is not None
        picture = figure_element(exercise.figure, exercise.name)
        # One scale for every cell where it fits, so a lying figure is not drawn larger than a standing one.
        width, height = float(picture.get("width", "1")), float(picture.get("height", "1"))
        scale = min(SCALE, (CELL_W - 12) / width, (CELL_H - LABEL - 8) / height)
        picture.set("x", f"{x + (CELL_W - width * scale) / 2:.0f}")
        picture.set("y", f"{y + LABEL + 2:.0f}")
        picture.set("width", f"{width * scale:.0f}")
        picture.set("height", f"{height * scale:.0f}")
        picture.attrib.pop("xmlns", None)
        root.append(picture)
    return ET.tostring(root, encoding="unicode")


SHEET = "figures.svg"


def write_sheet(folder: Path, library: Library) -> Path:
    """Write the sheet as ``folder/figures.svg`` through the one writer every export uses.

    It lands whole or not at all (a temporary file, then a rename), replaces only a regular file (a link,
    a FIFO or a device at that name is refused and left as it was), and is readable by others, as a
    picture for a physiotherapist is. A name in the way of the folder is one line, not a traceback.
    """
    from planner.exports.files import write_export

    text = contact_sheet(library) + "\n"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:  # a file where the folder should be, a folder that may not be written
        raise PlannerError(f"{display_path(folder)}: cannot make the folder for the sheet "
                           f"({err.strerror or err}); nothing was changed") from None
    target = folder / SHEET
    write_export(target, text, force=True, mode=0o644)
    return target


def main(folder: str = "screenshots") -> int:
    library = load_library([Source(built_in_library(), built_in=True)])
    try:
        written = write_sheet(Path(folder), library)
    except PlannerError as err:
        print(f"planner: {err}", file=sys.stderr)
        return 1
    print(display_path(written))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:2]))
