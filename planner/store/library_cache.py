"""A cache of the checked library, so commands need not re-validate unchanged files.

Loading and validating every TOML file is most of what a quick command such as
``planner today`` used to spend its time on. The result of :func:`load_library`
is written as plain JSON next to the database and read back without validating
again, as long as nothing it was made from has
changed:

- every source folder and every TOML file in it, by path, size and mtime
  (nanoseconds), and the set of files itself (a new or deleted file is a change);
- the working directory, because problem lines show paths relative to it;
- planner's version and the modules that decide what a valid file is.

Anything wrong with the cache (missing, unreadable, corrupt, another version,
stale) means it is ignored and rebuilt; it never raises. A file modified in the
last two seconds is never cached, since its next edit could keep the same size
and mtime (file times tick coarser than nanoseconds on many file systems).
"""

from __future__ import annotations

import dataclasses
import json
import time
import zlib
from pathlib import Path

from planner.domain.errors import PlannerError, Problem
from planner.domain.library.figure import figure_from_dict
from planner.domain.library.loading import Library, Source, load_library, toml_file_names
from planner.domain.library.models import (
    Category,
    Direction,
    Dose,
    Exercise,
    Kind,
    Program,
    Progression,
    SlotSpec,
    Step,
)
from planner.domain.library.slots import Slot
from planner.store import json_cache
from planner.store.built_on_use import BuiltOnUse

FORMAT = 5
RECENT_SECONDS = 2.0
# The modules whose code decides what a file becomes; a change to any of them invalidates the cache.
_CODE = ("domain/library/models.py", "domain/library/figure.py", "domain/library/slots.py",
         "domain/library/loading.py", "store/library_cache.py", "store/json_cache.py", "domain/files/validation.py",
         "domain/files/messages.py", "domain/files/toml_lines.py", "domain/files/slugs.py", "domain/files/control.py",
         "domain/errors.py")


# Libraries this process has loaded, by key: the app reloads after every change, and a long-lived
# process (the app, the tests) need not validate unchanged files again. Each call gets a Library of its
# own (its tables copied; the exercises and programs in them are frozen). A few keys at most.
_LOADED: dict[str, Library] = {}
_LOADED_MAX = 4


def load_library_cached(sources: list[Source], cache_dir: Path | None) -> Library:
    """:func:`load_library`, read from what this process loaded or from ``cache_dir`` while still
    valid; ``cache_dir`` ``None`` means no cache file (nothing is written)."""
    try:
        key, newest = _fingerprint(sources)
    except OSError:
        return load_library(sources)
    settled = time.time() - newest > RECENT_SECONDS
    path = None if cache_dir is None else \
        cache_dir / f"library-{zlib.crc32(repr([str(s.path) for s in sources]).encode()):08x}.json"
    kept = _LOADED.get(key) if settled else None
    if kept is not None and (path is None or json_cache.unchanged(path, key)):  # the file as this process left it
        library = _copy(kept)
        library.cache_key = None if path is None else key
        return library
    cached = None if path is None else _read(path, key)
    if cached is not None:
        cached.cache_key = key
        return cached
    library = _copy(kept) if kept is not None else load_library(sources)
    if settled:
        _keep(key, library)
        if path is not None:
            _write(path, key, library)
            library.cache_key = key
    return library


def _keep(key: str, library: Library) -> None:
    while len(_LOADED) >= _LOADED_MAX:
        _LOADED.pop(next(iter(_LOADED)))
    _LOADED[key] = _copy(library)


def _copy(library: Library) -> Library:
    # ``copy()``: a plain table's, or one whose exercises are still to be made (kept unmade in the copy).
    return Library(exercises=library.exercises.copy(), programs=dict(library.programs), origin=dict(library.origin),
                   program_origin=dict(library.program_origin), problems=list(library.problems),
                   notices=list(library.notices), harder_of=dict(library.harder_of), easier_of=dict(library.easier_of))


def _fingerprint(sources: list[Source]) -> tuple[str, float]:
    return json_cache.fingerprint(FORMAT, _CODE, sources, toml_file_names)


def _read(path: Path, key: str) -> Library | None:
    return json_cache.read(path, key, lambda data: _library_from(data["library"], path))


def _write(path: Path, key: str, library: Library) -> None:
    if _WRITTEN.get(key) is None:  # the same library makes the same file for every data folder
        _WRITTEN.clear()
        _WRITTEN[key] = {"library": _library_to(library)}
    json_cache.write(path, key, _WRITTEN[key])


_WRITTEN: dict[str, dict] = {}  # the last library written, as written


def _library_to(library: Library) -> dict:
    return {
        # Each exercise as its own JSON text: reading the file back then only scans a thousand strings
        # (a quarter of the time of decoding them), and an exercise is decoded when it is first asked for.
        "exercises": {e.id: json.dumps(dataclasses.asdict(e), separators=(",", ":"))
                      for e in library.exercises.values()},
        "programs": [dataclasses.asdict(p) for p in library.programs.values()],
        "origin": library.origin,
        "program_origin": library.program_origin,
        "problems": [[p.path, p.line, p.field, p.message] for p in library.problems],
        "notices": library.notices,
        "harder_of": library.harder_of,
        "easier_of": library.easier_of,
    }


def _library_from(data: dict, path: Path) -> Library:
    programs = [_program(p) for p in data["programs"]]
    exercises = data["exercises"]
    if not isinstance(exercises, dict) or not all(isinstance(text, str) for text in exercises.values()):
        raise ValueError("not a table of exercises")

    def made(text: str) -> Exercise:
        try:
            return _exercise(json.loads(text))
        except Exception as err:  # noqa: BLE001 - written by planner and checksummed, so changed on purpose
            path.unlink(missing_ok=True)
            raise PlannerError(f"the library cache {path} was changed by hand and cannot be read; it was "
                               "removed and is made again on the next run") from err

    return Library(
        # A thousand exercises are made as they are asked for: a day's view needs ten.
        exercises=BuiltOnUse(exercises, made),
        programs={p.id: p for p in programs},
        origin=dict(data["origin"]),
        program_origin=dict(data["program_origin"]),
        problems=[Problem(*p) for p in data["problems"]],
        notices=list(data["notices"]),
        harder_of=dict(data["harder_of"]),
        easier_of=dict(data["easier_of"]),
    )


# Each enum's members by value: a thousand exercises read back call an enum thousands of times, and a call
# costs several times a dict lookup. An unknown value raises KeyError, as the call raised ValueError: either
# way the cache is not used and the files are read again.
_CATEGORIES = {member.value: member for member in Category}
_KINDS = {member.value: member for member in Kind}
_DIRECTIONS = {member.value: member for member in Direction}
_SLOTS = {member.value: member for member in Slot}


def _exercise(data: dict) -> Exercise:
    """An exercise from what :func:`_library_to` wrote: the nested tables and enums made whole again."""
    steps = {name: Step(**step) for name, step in data["progression"].items() if step is not None}
    return Exercise(**{**data, "category": _CATEGORIES[data["category"]], "kind": _KINDS[data["kind"]],
                       "direction": _DIRECTIONS[data["direction"]], "slots": [_SLOTS[s] for s in data["slots"]],
                       "dose": Dose(**data["dose"]), "progression": Progression(**steps),
                       "figure": figure_from_dict(data["figure"]) if data.get("figure") else None})


def _program(data: dict) -> Program:
    slots = [SlotSpec(**{**s, "slot": _SLOTS[s["slot"]]}) for s in data["slots"]]
    return Program(**{**data, "slots": slots})
