"""A cache of the checked library, so commands need not re-validate unchanged files.

Loading and validating every TOML file is most of what a quick command such as
``planner today`` used to spend its time on. The result of :func:`load_library`
is written as plain JSON next to the database and read back without validating
again (pydantic's ``model_construct``), as long as nothing it was made from has
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

import contextlib
import hashlib
import json
import os
import time
import types
import typing
from enum import Enum
from pathlib import Path

from planner.domain.errors import Problem
from planner.domain.library import Library, Source, iter_toml_files, load_library

FORMAT = 1
RECENT_SECONDS = 2.0
# The modules whose code decides what a file becomes; a change to any of them invalidates the cache.
_CODE = ("models.py", "library.py", "validation_messages.py", "toml_lines.py", "errors.py", "library_cache.py")


def load_library_cached(sources: list[Source], cache_dir: Path | None) -> Library:
    """:func:`load_library`, read from ``cache_dir`` when still valid; ``None`` means no cache."""
    if cache_dir is None:
        return load_library(sources)
    try:
        key, newest = _fingerprint(sources)
    except OSError:
        return load_library(sources)
    path = cache_dir / f"library-{hashlib.sha256(repr([str(s.path) for s in sources]).encode()).hexdigest()[:16]}.json"
    cached = _read(path, key)
    if cached is not None:
        return cached
    library = load_library(sources)
    if time.time() - newest > RECENT_SECONDS:
        _write(path, key, library)
    return library


def _fingerprint(sources: list[Source]) -> tuple[str, float]:
    """A digest of everything the library was made from, and the newest file time seen."""
    from planner import __version__

    code_dir = Path(__file__).parent
    parts: list[object] = [FORMAT, __version__, os.getcwd()]
    newest = 0.0
    for name in _CODE:
        stat = (code_dir / name).stat()
        parts.append((name, stat.st_size, stat.st_mtime_ns))
    for source in sources:
        parts.append((str(source.path), source.built_in, source.path.exists()))
        if not source.path.exists():
            continue
        for file in iter_toml_files(source.path):
            stat = file.stat()
            parts.append((str(file), stat.st_size, stat.st_mtime_ns))
            newest = max(newest, stat.st_mtime, stat.st_ctime)
    return hashlib.sha256(repr(parts).encode()).hexdigest(), newest


def _read(path: Path, key: str) -> Library | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("key") != key:
            return None
        return _library_from(data["library"])
    except Exception:  # noqa: BLE001 - any damage to the cache only means it is rebuilt
        return None


def _write(path: Path, key: str, library: Library) -> None:
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(mode=0o700, exist_ok=True)
        text = json.dumps({"key": key, "library": _library_to(library)}, separators=(",", ":"))
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temp, path)
    except (OSError, TypeError, ValueError):
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def _library_to(library: Library) -> dict:
    return {
        "exercises": [e.model_dump(mode="json", exclude_unset=True) for e in library.exercises.values()],
        "programs": [p.model_dump(mode="json", exclude_unset=True) for p in library.programs.values()],
        "origin": library.origin,
        "program_origin": library.program_origin,
        "problems": [[p.path, p.line, p.field, p.message] for p in library.problems],
        "notices": library.notices,
        "harder_of": library.harder_of,
        "easier_of": library.easier_of,
    }


def _library_from(data: dict) -> Library:
    from planner.domain.models import Exercise, Program

    exercises = [_construct(Exercise, e) for e in data["exercises"]]
    programs = [_construct(Program, p) for p in data["programs"]]
    return Library(
        exercises={e.id: e for e in exercises},
        programs={p.id: p for p in programs},
        origin=dict(data["origin"]),
        program_origin=dict(data["program_origin"]),
        problems=[Problem(*p) for p in data["problems"]],
        notices=list(data["notices"]),
        harder_of=dict(data["harder_of"]),
        easier_of=dict(data["easier_of"]),
    )


def _construct(model: typing.Any, data: dict) -> typing.Any:
    """The model from data it already passed validation as, without validating again."""
    values = {name: _value(model.model_fields[name].annotation, value) for name, value in data.items()}
    return model.model_construct(_fields_set=set(data), **values)


def _value(annotation: typing.Any, value: typing.Any) -> typing.Any:
    if value is None:
        return None
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _value(typing.get_args(annotation)[0], value)
    if origin in (typing.Union, types.UnionType):
        kinds = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _value(kinds[0], value) if len(kinds) == 1 else value
    if origin is list:
        (item,) = typing.get_args(annotation)
        return [_value(item, v) for v in value]
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return annotation(value)
    if isinstance(annotation, type) and hasattr(annotation, "model_construct"):
        return _construct(annotation, value)
    return value
