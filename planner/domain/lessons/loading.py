"""Load lessons: the built-in ones in ``lessons/`` of the library, and the person's own.

Each library folder may hold a ``lessons/`` folder (the exercise loader leaves
it alone). A lesson with the same id as an earlier one replaces it, with a
notice, just as exercises do; a bad file is a ``PATH:LINE: FIELD: message``
problem and the others still load.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from planner.domain.errors import Problem, display_path
from planner.domain.files.folders import walk_folders
from planner.domain.files.toml_lines import locate
from planner.domain.lessons.model import Lesson
from planner.domain.library.loading import LESSONS_DIR, Source, read_toml


@dataclass
class Lessons:
    by_id: dict[str, Lesson] = field(default_factory=dict)
    origin: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    def in_order(self) -> list[Lesson]:
        return sorted(self.by_id.values(), key=lambda lesson: (lesson.order, lesson.id))

    def next_unread(self, read: Iterable[str]) -> Lesson | None:
        seen = set(read)
        return next((lesson for lesson in self.in_order() if lesson.id not in seen), None)


def is_lesson_path(path: Path) -> bool:
    """A file inside a ``lessons`` folder is a lesson (and not an exercise)."""
    return LESSONS_DIR in path.parts[:-1]


def lesson_files(source: Path) -> list[Path]:
    if source.is_file():
        return [source] if is_lesson_path(source.absolute()) else []
    if source.name == LESSONS_DIR:
        return sorted(p for p in source.glob("*.toml") if p.is_file())
    return sorted(Path(root) / name for root, _folders, files in walk_folders(source)
                  if Path(root).name == LESSONS_DIR for name in files
                  if name.endswith(".toml") and (Path(root) / name).is_file())


def load_lessons(sources: Iterable[Source | Path], numbers: Mapping[str, str] | None = None) -> Lessons:
    """Every lesson from ``sources`` in order; later ids override earlier ones. Each ``{name}`` in a
    lesson is filled from ``numbers`` (default: the built-in pain rules; see
    :mod:`planner.domain.lessons.numbers`), so lessons say what the rules in force do."""
    from planner.domain.files.validation import check  # pydantic: only when lessons are read
    from planner.domain.lessons.numbers import MEANINGS, fill, lesson_numbers, unknown_names

    numbers = dict(numbers or lesson_numbers())

    lessons = Lessons()
    for source in sources:
        path = source.path if isinstance(source, Source) else source
        built_in = isinstance(source, Source) and source.built_in
        seen: dict[str, str] = {}
        for file in lesson_files(path) if path.exists() else []:
            data, text, problems = read_toml(file)
            shown = display_path(file)
            if data is None:
                lessons.problems.extend(problems)
                continue
            data.setdefault("id", file.stem)
            lesson, problems = check(Lesson, data, shown, text)
            if lesson is None:
                lessons.problems.extend(problems)
                continue
            unknown = [(key, name) for key in ("summary", "body") for name in unknown_names(getattr(lesson, key))]
            if unknown:
                key, name = unknown[0]
                lessons.problems.append(Problem(shown, locate(text, (key,)), key,
                                                f"{{{name}}} is not a number planner fills in; use one of "
                                                + ", ".join(f"{{{n}}}" for n in MEANINGS)))
                continue
            lesson = replace(lesson, summary=fill(lesson.summary, numbers), body=fill(lesson.body, numbers))
            if lesson.id in seen:
                lessons.problems.append(Problem(shown, locate(text, ("id",)), "id",
                                                f"'{lesson.id}' is already defined in {seen[lesson.id]}"))
                continue
            seen[lesson.id] = shown
            if lesson.id in lessons.by_id:
                lessons.notices.append(f"{shown}: overrides {lessons.origin[lesson.id]} lesson '{lesson.id}'")
            lessons.by_id[lesson.id] = lesson
            lessons.origin[lesson.id] = "built-in" if built_in else shown
    return lessons
