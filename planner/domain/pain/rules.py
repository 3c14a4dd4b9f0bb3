"""The pain-monitoring rules' numbers, read from a TOML file a person or their physiotherapist can edit.

The built-in file is ``programs/pain-rules/default.toml``; a file with the same
id (``default``) in ``pain-rules/`` of the person's library replaces it, with a
notice, as exercises and lessons do. :class:`PainRules` is a plain dataclass
(its defaults are the built-in numbers) whose ``__post_init__`` holds the
safety floor, so no way of building one (a file, the cache, a test) can
loosen it: pain of 8 or more always pauses, a cut always leaves less volume,
and the bands run in order so more pain never gives more volume. Warning
signs are not in the file at all: they always pause
(:mod:`planner.domain.pain.warning_signs`).

pydantic checks a file only when one is read; the result is cached as plain
JSON next to the database (like the library cache), so the quick commands
read the rules without it.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from planner.domain.errors import Problem, display_path
from planner.domain.files.folders import walk_folders
from planner.domain.files.toml_lines import locate
from planner.domain.library.loading import BUILT_IN, PAIN_RULES_DIR, Source, read_toml
from planner.domain.library.models import FILE_RULES

if TYPE_CHECKING:  # read by pydantic, from planner.domain.files.validation, never imported here at run time
    from typing import Annotated

    from pydantic import Field

    from planner.domain.files.validation import Slug

IN_FORCE = "default"  # the id of the rules planner uses
RELIEF_FROM = 8  # the floor: pain of this or more always pauses to the relief routine


def _bounds(low: float, high: float, words: str) -> dict:
    """A field's description and range for the JSON Schema; the range itself is checked (with the reason
    in words) by :meth:`PainRules.__post_init__`, so one message says both what and why."""
    # Strict: a safety number is a number as written (``true`` is not 1, ``"0.5"`` is not 0.5), and finite.
    return {"description": words, "strict": True, "allow_inf_nan": False,
            "json_schema_extra": {"minimum": low, "maximum": high}}


# name: (lowest, highest, why a value outside is refused). Checked in __post_init__.
LIMITS: dict[str, tuple[float, float, str]] = {
    "progress_max": (0, 2, "the plan may only grow with pain of 2 or less (it may be stricter, never looser)"),
    "hold_max": (0, 5, "pain above 5 always cuts the volume (a stricter file may cut from lower)"),
    "reduce_max": (0, RELIEF_FROM - 1, f"pain of {RELIEF_FROM} or more always pauses to the relief routine "
                                       "(a file may pause earlier, never later)"),
    "reduce_factor": (0.2, 0.9, "a cut must leave less volume than before (at least 10% less) and not so little "
                                "that the sessions stop"),
    "lowest_factor": (0.2, 0.6, "sessions are never cut below a fifth of the plan (too little to be worth doing), and "
                                "pain that keeps coming after sessions cut to 60% pauses them at the latest"),
    "resume_factor": (0.2, 1.0, "after a pause the sessions may restart lower, never above the doses before it"),
    "rebuild_weeks": (2, 12, "the climb back after a cut takes at least two weeks; more weeks is gentler"),
    "baseline_days": (7, 28, "your usual pain is measured over one to four weeks"),
    "baseline_rise": (0, 3, "more than 3 above your usual is never acceptable pain"),
    "recurring_score": (3, 6, "recurring pain from 3 to 6 may trigger the advice to get checked"),
    "recurring_count": (2, 5, "the advice comes after 2 to 5 such reports"),
    "recurring_days": (7, 28, "those reports are counted over one to four weeks"),
    "gap_days": (3, 14, "a break of 3 to 14 days (or more) eases the plan back in"),
}
# Keys a file might use to switch off part of the floor: refused with the reason, not as a typo.
FLOOR_WORDS = ("red_flag", "red-flag", "warning", "relief", "pause", "emergency", "urgent")


@dataclass(frozen=True, kw_only=True)
class PainRules:
    """The numbers of the pain-monitoring rules (see ``programs/pain-rules/default.toml`` for each in words)."""

    __pydantic_config__ = FILE_RULES

    id: Annotated[Slug, Field(description="Defaults to the file name; the rules with id 'default' are used.")] = IN_FORCE
    description: Annotated[str, Field(max_length=600, description="Who wrote these rules and for what.")] = ""
    progress_max: Annotated[int, Field(**_bounds(0, 2, "Pain up to this: the plan progresses as built."))] = 2
    hold_max: Annotated[int, Field(**_bounds(0, 5, "Pain up to this, settled and not rising: acceptable."))] = 5
    reduce_max: Annotated[int, Field(**_bounds(0, 7, "Pain up to this: a cut; above it: the relief pause."))] = 7
    reduce_factor: Annotated[float, Field(**_bounds(0.2, 0.9, "Share of the volume left after a cut."))] = 0.7
    lowest_factor: Annotated[float, Field(**_bounds(
        0.2, 0.6, "A cut that would leave less than this share pauses to the relief routine instead."))] = 0.35
    resume_factor: Annotated[float, Field(**_bounds(0.2, 1.0, "Share of the volume after a pause ends."))] = 0.5
    rebuild_weeks: Annotated[int, Field(**_bounds(2, 12, "Weeks to climb back to the doses before a cut."))] = 2
    baseline_days: Annotated[int, Field(**_bounds(7, 28, "Days over which your usual pain is taken."))] = 14
    baseline_rise: Annotated[int, Field(**_bounds(0, 3, "How far above your usual pain is still acceptable."))] = 2
    recurring_score: Annotated[int, Field(**_bounds(3, 6, "A report this high counts towards the advice."))] = 5
    recurring_count: Annotated[int, Field(**_bounds(2, 5, "This many such reports bring the advice."))] = 3
    recurring_days: Annotated[int, Field(**_bounds(7, 28, "Within this many days."))] = 14
    gap_days: Annotated[int, Field(**_bounds(3, 14, "More days than this without a session ease the plan in."))] = 7

    def __post_init__(self) -> None:
        """The safety floor and the order of the bands (checked again when read from the cache: cheap)."""
        for name, (low, high, why) in LIMITS.items():
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValueError(f"{name}: must be a number; got {value!r}")
            if not low <= value <= high:
                raise ValueError(f"{name}: {value:g} is outside {low:g}–{high:g}: {why}")
        if self.hold_max < self.progress_max:
            raise ValueError(f"hold_max: {self.hold_max} is below progress_max ({self.progress_max}); the bands "
                             "must run in order (progress, hold, cut, pause) so more pain never gives more volume")
        if self.reduce_max < self.hold_max:
            raise ValueError(f"reduce_max: {self.reduce_max} is below hold_max ({self.hold_max}); the bands "
                             "must run in order (progress, hold, cut, pause) so more pain never gives more volume")

    def dump(self) -> dict:
        return dataclasses.asdict(self)

    def bands(self) -> list[tuple[int, int, str]]:
        """(lowest, highest, what happens) for each pain band that is not empty, in words for people."""
        rows = [(0, self.progress_max, "progress as planned"),
                (self.progress_max + 1, self.hold_max, "acceptable if settled by next morning and not rising; "
                                                       "otherwise hold the doses"),
                (self.hold_max + 1, self.reduce_max, f"cut to {self.reduce_factor:.0%} of the volume"),
                (self.reduce_max + 1, 10, "pause to the relief routine")]
        return [row for row in rows if row[0] <= row[1]]


DEFAULT_RULES = PainRules()


@dataclass
class LoadedRules:
    """The rules in force, where they came from, and what was wrong with any rules file."""

    rules: PainRules = DEFAULT_RULES
    origin: str = BUILT_IN
    problems: list[Problem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)  # every rules file read, valid or not (for validate)


def is_rules_path(path: Path) -> bool:
    """A file inside a ``pain-rules`` folder holds pain rules (and is not an exercise)."""
    return PAIN_RULES_DIR in path.parts[:-1]


def rule_files(source: Path, problems: list[Problem] | None = None) -> list[Path]:
    """The rules files in a library folder (or the one file, or ``pain-rules`` folder, given).

    Every ``*.toml`` name is listed whatever it is (a broken link, a folder, a FIFO, a link to a
    device): :func:`read_toml` then says what is wrong with it, so a safety file that cannot be read
    is never skipped in silence. A ``pain-rules`` folder that cannot be listed goes into ``problems``.
    """
    if source.is_file():
        return [source] if is_rules_path(source.absolute()) else []
    if source.name == PAIN_RULES_DIR:
        folders = [source]
    else:
        folders = sorted(Path(root) / name for root, names, _files in walk_folders(source)
                         for name in names if name == PAIN_RULES_DIR)
    found: list[Path] = []
    for folder in folders:
        try:
            names = os.listdir(folder)
        except OSError as err:
            if problems is not None:
                problems.append(Problem(display_path(folder), None, "folder",
                                        f"cannot be read ({err.strerror or err}); the pain rules in it are not "
                                        "used until it can be"))
            continue
        found.extend(folder / name for name in names if name.endswith(".toml"))
    return sorted(found)


def _floor_problem(data: dict, shown: str, text: str) -> Problem | None:
    """A key that tries to switch off part of the safety floor, refused with why."""
    for key in data:
        if any(word in str(key).lower() for word in FLOOR_WORDS):
            return Problem(shown, locate(text, (str(key),)), str(key),
                           "warning signs always pause the program and pain of 8 or more always pauses to the "
                           "relief routine; that safety floor cannot be changed by a file (set reduce_max lower "
                           "to pause earlier)")
    return None


def load_pain_rules(sources: Iterable[Source | Path]) -> LoadedRules:
    """The rules with id ``default`` from the last source that has a valid one; every file is checked."""
    from planner.domain.files.control import control_problems
    from planner.domain.files.validation import check  # pydantic: only when rules files are read

    loaded = LoadedRules()
    for source in sources:
        path = source.path if isinstance(source, Source) else source
        built_in = isinstance(source, Source) and source.built_in
        folder_problems: list[Problem] = []
        files = rule_files(path, folder_problems) if path.exists() else []
        loaded.problems.extend(folder_problems)
        loaded.notices.extend(f"{p.path}: {p.message}" for p in folder_problems)
        for file in files:
            shown = display_path(file)
            loaded.checked.append(shown)
            data, text, problems = read_toml(file)
            if data is not None:
                problems = control_problems(data, shown, text)
            if data is not None and not problems:
                data.setdefault("id", file.stem)
                floor = _floor_problem(data, shown, text)
                problems = [floor] if floor else []
            rules = None
            if data is not None and not problems:
                rules, problems = check(PainRules, data, shown, text)
            if rules is None:
                loaded.problems.extend(problems)
                if (data or {}).get("id", file.stem) == IN_FORCE:
                    where = "the built-in rules" if loaded.origin == BUILT_IN else f"the rules in {loaded.origin}"
                    loaded.notices.append(f"{shown}: these pain rules are not used (see 'planner validate'); "
                                          f"{where} stay in force")
                continue
            if rules.id != IN_FORCE:
                if not built_in:
                    loaded.notices.append(f"{shown}: pain rules '{rules.id}' are valid but not used: only the rules "
                                          f"with id '{IN_FORCE}' are (copy them to {IN_FORCE}.toml to use them)")
                continue
            if not built_in:
                shown_origin = "built-in" if loaded.origin == BUILT_IN else loaded.origin
                loaded.notices.append(f"{shown}: overrides {shown_origin} pain rules '{IN_FORCE}'")
            loaded.rules, loaded.origin = rules, BUILT_IN if built_in else shown
    return loaded
