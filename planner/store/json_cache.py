"""A result kept as plain JSON next to the data, keyed on everything it was made from.

The library and the pain rules are validated with pydantic, which the quick commands must not
import; both keep what validation made in a file like this, and read it back while nothing it was
made from (the files, the validating code, the version, the working directory) has changed.
"""

from __future__ import annotations

import contextlib
import json
import os
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol


class _Source(Protocol):
    path: Path
    built_in: bool


def fingerprint(fmt: int, code: Iterable[str], sources: Iterable[_Source],
                files_of: Callable[[Path], Iterable[Path | str]]) -> tuple[str, float]:
    """Everything a result was made from, as text to compare, and the newest file time seen.

    ``code`` names modules under ``planner/`` (``domain/errors.py``). The text itself is the key (a few kB): no digest,
    so no hashing module to import."""
    from planner import __version__

    code_dir = Path(__file__).parent.parent  # planner/
    sources = list(sources)
    parts: list[object] = [fmt, __version__, _shown_from(sources)]
    newest = 0.0
    parts.extend(_code_stats(code_dir, tuple(code)))
    for source in sources:
        parts.append((str(source.path), source.built_in, source.path.exists()))
        if not source.path.exists():
            continue
        for file in files_of(source.path):
            stat = os.stat(file)
            parts.append((str(file), stat.st_size, stat.st_mtime_ns))
            newest = max(newest, stat.st_mtime, stat.st_ctime)
    return repr(parts), newest


_CODE_STATS: dict[tuple[Path, tuple[str, ...]], list[tuple[str, int, int]]] = {}


def _code_stats(code_dir: Path, code: tuple[str, ...]) -> list[tuple[str, int, int]]:
    """The validating modules by size and mtime, read once a process: the code that runs is the code
    this process imported, whatever is written to those files later."""
    key = (code_dir, code)
    if key not in _CODE_STATS:
        stats = [(code_dir / name).stat() for name in code]
        _CODE_STATS[key] = [(name, stat.st_size, stat.st_mtime_ns) for name, stat in zip(code, stats, strict=True)]
    return _CODE_STATS[key]


def _shown_from(sources: list[_Source]) -> str | None:
    """The working directory, where it changes how a file is named in a problem line (a source given
    as a relative path, or lying under it: see ``planner.domain.errors.display_path``); otherwise
    ``None``, so a result made in one folder serves every other."""
    cwd = os.getcwd()
    for source in sources:
        if not source.path.is_absolute():
            return cwd
        with contextlib.suppress(ValueError):
            if os.path.commonpath([cwd, os.path.abspath(source.path)]) == cwd:
                return cwd
    return None


# The files this process wrote or read whole, by path: under which key, and as the file stood then.
_SEEN: dict[Path, tuple[str, tuple[int, int, int]]] = {}


def _stat(path: Path) -> tuple[int, int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns


def unchanged(path: Path, key: str) -> bool:
    """Whether the file at ``path`` is still the one this process last wrote or read under ``key``
    (then a result this process kept may stand for it; anything else about it means read it again)."""
    seen = _SEEN.get(path)
    return seen is not None and seen[0] == key and seen[1] == _stat(path)


def _saw(path: Path, key: str) -> None:
    stat = _stat(path)
    if stat is None:
        _SEEN.pop(path, None)
    else:
        _SEEN[path] = (key, stat)


def read(path: Path, key: str, build: Callable[[dict[str, Any]], Any]) -> Any | None:
    """``build(data)`` from the file at ``path`` if it was written under ``key`` and reads back as it was
    written (its checksum agrees); otherwise ``None``.

    The file is a header line (the key and a CRC-32 of the rest) and the payload: a result built lazily
    from it (the library's exercises, made as they are asked for) would meet damage only when used, long
    after the moment it could simply be rebuilt, so damage is caught here, before anything is built."""
    try:
        head, _, body = path.read_bytes().partition(b"\n")
        header = json.loads(head)
        if not isinstance(header, dict) or header.get("key") != key or header.get("crc") != zlib.crc32(body):
            return None
        data = json.loads(body)
        if not isinstance(data, dict):
            return None
        built = build(data)
    except Exception:  # noqa: BLE001 - any damage to the cache only means it is rebuilt
        return None
    _saw(path, key)
    return built


def write(path: Path, key: str, payload: dict[str, Any]) -> None:
    """Write ``payload`` under ``key``, atomically and privately (0600); a failure leaves no file."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(mode=0o700, exist_ok=True)
        body = json.dumps(payload, separators=(",", ":")).encode()
        header = json.dumps({"key": key, "crc": zlib.crc32(body)}, separators=(",", ":")).encode()
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(header + b"\n" + body)
        os.replace(temp, path)
        _saw(path, key)
    except (OSError, TypeError, ValueError):
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
