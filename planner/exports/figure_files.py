"""The figure files that go beside a Markdown plan: ``plan.md`` links ``plan-figures/ID.svg``.

One writer for both faces (``planner export --format md -o plan.md`` and the app's export).
"""

from __future__ import annotations

from pathlib import Path

from planner.domain.errors import PlannerError, display_path
from planner.domain.library.loading import Library
from planner.domain.plan.model import Plan
from planner.exports.files import write_export


def figures_folder(target: Path) -> str:
    """The folder name beside ``target``: ``plan.md`` -> ``plan-figures``."""
    return f"{target.stem}-figures"


def plan_figures(plan: Plan, library: Library) -> dict[str, str]:
    """SVG text by exercise id, for every exercise in the plan that has a figure."""
    from planner.domain.figures.svg import figure_svg

    found: dict[str, str] = {}
    for session in plan.sessions():
        for item in session.exercises:
            exercise = library.exercises.get(item.id)
            if item.id not in found and exercise is not None and exercise.figure is not None:
                found[item.id] = figure_svg(exercise.figure, exercise.name) + "\n"
    return found


def check_figures_folder(target: Path) -> Path:
    """The figures folder beside ``target``, refused before anything is written if it is a link (the files
    would land wherever it points) or something other than a folder."""
    folder = target.parent / figures_folder(target)
    if folder.is_symlink():
        raise PlannerError(f"{display_path(folder)}: is a symbolic link; planner writes the figures only into a "
                           "real folder. Remove the link, or export under another name")
    if folder.exists() and not folder.is_dir():
        raise PlannerError(f"{display_path(folder)}: is not a folder; planner writes the figures into a folder "
                           "of that name. Move it away, or export under another name")
    return folder


def write_plan_figures(target: Path, plan: Plan, library: Library) -> Path:
    """Write ``<stem>-figures/ID.svg`` beside ``target``; the files are ours to replace on each export."""
    folder = check_figures_folder(target)
    try:
        folder.mkdir(mode=0o755, exist_ok=True)  # never writable by others, whatever the umask
    except OSError as err:
        raise PlannerError(f"{display_path(folder)}: cannot make the figures folder ({err.strerror or err})") from None
    for exercise_id, text in plan_figures(plan, library).items():
        write_export(folder / f"{exercise_id}.svg", text, force=True, mode=0o644)
    return folder
