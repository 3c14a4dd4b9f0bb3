"""Load exercise and program TOML files into a checked :class:`Library`.

A bad file never stops the others from loading: each problem becomes a
:class:`Problem` line and the file (or the bad link) is left out. Files from
later sources override earlier ones with the same id, with a notice, so a
person can replace a built-in exercise by writing their own.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from planner.domain.errors import Problem, display_path
from planner.domain.files.folders import walk_folders
from planner.domain.files.toml_lines import locate
from planner.domain.library.blocks import blocks_to_slots, notice_for, written_with_blocks
from planner.domain.library.models import Exercise, Program

MAX_FILE_BYTES = 1_000_000
TOO_DEEP = "nests arrays or tables too deeply to read (the file is not one planner wrote or expects)"
BUILT_IN = "built-in"
LESSONS_DIR = "lessons"  # lessons live here in any library folder; planner.domain.lessons reads them
PAIN_RULES_DIR = "pain-rules"  # and pain rules here; planner.domain.pain.rules reads them


@dataclass(frozen=True)
class Source:
    """A place files are read from; ``label`` is what `planner library` shows as the source."""

    path: Path
    built_in: bool = False


@dataclass
class Library:
    exercises: dict[str, Exercise] = field(default_factory=dict)
    programs: dict[str, Program] = field(default_factory=dict)
    origin: dict[str, str] = field(default_factory=dict)
    program_origin: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    harder_of: dict[str, str] = field(default_factory=dict)
    easier_of: dict[str, str] = field(default_factory=dict)
    # Everything this library was made from, when it came from (or went into) the library cache: what a
    # result built from it (the plan cache) is keyed on. None when it cannot be trusted to change with
    # every edit (no cache, or a file changed in the last seconds), so nothing built from it is kept.
    cache_key: str | None = field(default=None, compare=False, repr=False)

    def chain(self, exercise_id: str) -> list[str]:
        """Every variant of the exercise's chain, easiest first."""
        root = exercise_id
        while root in self.easier_of:
            root = self.easier_of[root]
        chain = [root]
        while chain[-1] in self.harder_of:
            chain.append(self.harder_of[chain[-1]])
        return chain

    def exercise(self, exercise_id: str) -> Exercise:
        return self.exercises[exercise_id]

    def suggest(self, unknown: str, known: Iterable[str]) -> str:
        import difflib  # only when something is misspelt

        close = difflib.get_close_matches(unknown, list(known), n=3)
        return f" (did you mean {', '.join(close)}?)" if close else ""


def iter_toml_files(path: Path, problems: list[Problem] | None = None) -> Iterator[Path]:
    """The ``*.toml`` files under a folder (or the one file given), sorted; links are followed.

    Folders named ``lessons`` are left to :mod:`planner.domain.lessons`, and ``pain-rules`` to
    :mod:`planner.domain.pain.rules`. A file that is a broken link or a link loop is still listed, so
    reading it says what is wrong; a subfolder that cannot be read, a link back to a folder already read,
    or a folder too big to be a library (:func:`walk_folders`) is added to ``problems`` instead of being
    skipped in silence.
    """
    if not path.is_dir():
        yield path
        return
    found: list[Path] = []
    for root, _folders, files in walk_folders(path, problems, skip=(LESSONS_DIR, PAIN_RULES_DIR)):
        found.extend(Path(root) / name for name in files if name.endswith(".toml"))
    yield from sorted(found, key=lambda file: file.parts)  # as Paths sort (by parts), without their slow __lt__


def toml_file_names(path: Path) -> list[str]:
    """The files :func:`iter_toml_files` gives, as text and sorted as text: what a cache's fingerprint
    needs to see (each file's size and time), without making a ``Path`` of each of a thousand files
    (most of the time a quick command spent checking the library cache was pathlib's)."""
    if not path.is_dir():
        return [str(path)]
    return sorted(os.path.join(root, name) for root, _folders, files in
                  walk_folders(path, None, skip=(LESSONS_DIR, PAIN_RULES_DIR)) for name in files if name.endswith(".toml"))


def read_toml(path: Path) -> tuple[dict | None, str, list[Problem]]:
    """Read and parse one file; on failure return the problem instead of raising.

    Only a regular file is read, and never more than :data:`MAX_FILE_BYTES` of it whatever its size
    claims: ``/dev/zero`` would fill the memory and a FIFO would wait for a writer for ever.
    """
    import tomllib  # not needed when the library comes from the cache

    shown = display_path(path)

    def problem(message: str, line: int | None = None) -> tuple[None, str, list[Problem]]:
        return None, "", [Problem(shown, line, "file", message)]

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        if path.is_symlink():
            return problem(f"is a broken link (to {os.readlink(path)}, which does not exist)")
        return problem("does not exist")
    except OSError as err:
        if err.errno == errno.ELOOP:
            return problem("is a link loop (a link that leads back to itself)")
        return problem(f"cannot be read: {err.strerror or err}")
    info = os.fstat(fd)  # before fdopen, which refuses a folder with an error of its own
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        return problem("is not a regular file (a folder, device, FIFO or socket); give a .toml file")
    try:
        with os.fdopen(fd, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)  # the size may change, or be wrong: read no more than this
    except OSError as err:
        return problem(f"cannot be read: {err.strerror or err}")
    if len(raw) > MAX_FILE_BYTES:
        return problem(f"is {max(info.st_size, len(raw)):,} bytes; the limit is {MAX_FILE_BYTES:,}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return problem(f"is not UTF-8 text (byte 0x{raw[err.start]:02x}); save it as UTF-8", line)
    try:
        return tomllib.loads(text), text, []
    except tomllib.TOMLDecodeError as err:
        from planner.domain.files.messages import toml_syntax_problem

        return None, text, [toml_syntax_problem(shown, err)]
    except RecursionError:
        return None, text, [Problem(shown, None, "toml", TOO_DEEP)]


def is_program(data: dict) -> bool:
    """A program has slots (``blocks`` in files written before slots); an exercise, a kind and a dose."""
    return ("slots" in data or "blocks" in data) and not ("kind" in data or "dose" in data)


def load_library(sources: Iterable[Source]) -> Library:
    """Load every source in order; later ids override earlier ones."""
    library = Library()
    texts: dict[str, str] = {}
    seen_in_source: dict[str, str] = {}
    for source in sources:
        if not os.path.lexists(source.path):
            if not source.built_in:
                library.problems.append(
                    Problem(display_path(source.path), None, "library", "directory does not exist")
                )
            continue
        seen_in_source.clear()
        for path in iter_toml_files(source.path, library.problems):
            _load_file(library, path, source, texts, seen_in_source)
    _link_chains(library, texts)
    _check_programs(library, texts)
    return library


def _load_file(
    library: Library, path: Path, source: Source, texts: dict[str, str], seen: dict[str, str]
) -> None:
    data, text, problems = read_toml(path)
    shown = display_path(path)
    if data is None:
        library.problems.extend(problems)
        return
    from planner.domain.files.control import control_problems

    problems = control_problems(data, shown, text)
    if problems:
        library.problems.extend(problems)
        return
    data.setdefault("id", path.stem)
    from planner.domain.files.validation import (
        check,  # pydantic: only when files are read, not from the cache
    )

    model = Program if is_program(data) else Exercise
    if model is Program and written_with_blocks(data):
        data, problems = blocks_to_slots(data, shown, text, library.exercises)
        if data is None:
            library.problems.extend(problems)
            return
        library.notices.append(notice_for(shown))
    item, problems = check(model, data, shown, text)
    if item is not None and getattr(item, "figure", None) is not None:
        from planner.domain.figures.checks import floor_problems  # geometry: only when files are read

        problems = [Problem(shown, locate(text, loc), ".".join(loc), message)
                    for loc, message in floor_problems(item.figure)]
        item = None if problems else item
    if item is None:
        library.problems.extend(problems)
        return
    origin = BUILT_IN if source.built_in else shown
    table, origins = (
        (library.programs, library.program_origin)
        if isinstance(item, Program)
        else (library.exercises, library.origin)
    )
    if item.id in seen:
        library.problems.append(
            Problem(shown, locate(text, ("id",)), "id", f"'{item.id}' is already defined in {seen[item.id]}")
        )
        return
    seen[item.id] = shown
    if item.id in table:
        library.notices.append(f"{shown}: overrides {origins[item.id]} '{item.id}'")
    table[item.id] = item
    origins[item.id] = origin
    texts[origin if source.built_in else shown] = text
    texts[f"{model.__name__}:{item.id}"] = text


def _problem_at(
    library: Library, texts: dict[str, str], item_id: str, field_name: str, message: str,
    loc: tuple[str | int, ...] | None = None,
) -> Problem:
    origin = library.origin.get(item_id) or library.program_origin.get(item_id, "?")
    kind = "Exercise" if item_id in library.origin else "Program"
    text = texts.get(f"{kind}:{item_id}", "")
    where = _origin_path(origin, item_id, kind)
    return Problem(where, locate(text, loc or (field_name,)) if text else None, field_name, message)


def _origin_path(origin: str, item_id: str, kind: str) -> str:
    if origin != BUILT_IN:
        return origin
    folder = "exercises" if kind == "Exercise" else "programs"
    return f"<built-in>/{folder}/{item_id}.toml"


def _link_chains(library: Library, texts: dict[str, str]) -> None:
    """Merge easier/harder links into one chain per exercise, dropping broken links."""
    ex = library.exercises
    for exercise in list(ex.values()):
        for direction in ("easier", "harder"):
            other = getattr(exercise, direction)
            if other is None:
                continue
            if other not in ex:
                library.problems.append(
                    _problem_at(library, texts, exercise.id, direction,
                                f"no exercise has id '{other}'{library.suggest(other, ex)}")
                )
                continue
            low, high = (other, exercise.id) if direction == "easier" else (exercise.id, other)
            if ex[low].category != ex[high].category:
                library.problems.append(
                    _problem_at(library, texts, exercise.id, direction,
                                f"'{other}' is {ex[other].category.value}, but variants in a chain "
                                f"must share a category ('{exercise.id}' is {exercise.category.value})")
                )
                continue
            existing = library.harder_of.get(low)
            if existing is not None and existing != high:
                library.problems.append(
                    _problem_at(library, texts, exercise.id, direction,
                                f"'{low}' already has the harder variant '{existing}'; a chain cannot branch")
                )
                continue
            existing = library.easier_of.get(high)
            if existing is not None and existing != low:
                library.problems.append(
                    _problem_at(library, texts, exercise.id, direction,
                                f"'{high}' already has the easier variant '{existing}'; a chain cannot branch")
                )
                continue
            library.harder_of[low] = high
            library.easier_of[high] = low
    _break_cycles(library, texts)


def _break_cycles(library: Library, texts: dict[str, str]) -> None:
    visited: set[str] = set()
    for start in sorted(library.harder_of):
        if start in visited:
            continue
        path: list[str] = []
        node: str | None = start
        while node is not None and node not in visited:
            visited.add(node)
            path.append(node)
            node = library.harder_of.get(node)
        if node is not None and node in path:
            loop = path[path.index(node):] + [node]
            edges = list(zip(loop, loop[1:], strict=False))
            # Report (and drop) a link at the line that wrote it, preferring the person's own files.
            low, high = next((e for e in edges if library.origin[_written(library, *e)[0]] != BUILT_IN), edges[-1])
            where, direction = _written(library, low, high)
            library.problems.append(
                _problem_at(library, texts, where, direction,
                            f"variants form a loop ({' -> '.join(loop)}); a chain must run from easiest to hardest")
            )
            del library.harder_of[low]
            library.easier_of.pop(high, None)


def _written(library: Library, low: str, high: str) -> tuple[str, str]:
    """Which file and field made ``high`` the harder variant of ``low``."""
    if library.exercises[low].harder == high:
        return low, "harder"
    return high, "easier"


def _check_programs(library: Library, texts: dict[str, str]) -> None:
    """Every chain a slot names must exist and serve that slot; every slot must have a chain to fill it."""
    for program in list(library.programs.values()):
        broken = False
        for index, spec in enumerate(program.slots):
            where = f"slots[{index}]"
            loc = ("slots", index)
            for ref in spec.chains:
                if ref not in library.exercises:
                    library.problems.append(_problem_at(
                        library, texts, program.id, where,
                        f"slot {index + 1} ({spec.slot.value}) names '{ref}', but no exercise has that id"
                        f"{library.suggest(ref, library.exercises)}", loc))
                    broken = True
            if spec.apart:
                for ref in spec.chains:
                    found = library.exercises.get(ref)
                    if found is not None and not (found.category.value == "relief" and found.kind.value == "duration"
                                                  and found.progression.minutes):
                        library.problems.append(_problem_at(
                            library, texts, program.id, where,
                            f"slot {index + 1} is a walk apart from the session, but '{ref}' is not a walk that "
                            "grows (a relief exercise of kind duration with progression.minutes)", loc))
                        broken = True
            if not spec.chains and not any(spec.slot in e.slots for e in library.exercises.values()):
                library.problems.append(_problem_at(
                    library, texts, program.id, where,
                    f"slot {index + 1} is '{spec.slot.value}', but no exercise in the library serves it", loc))
                broken = True
        if broken:
            del library.programs[program.id]
