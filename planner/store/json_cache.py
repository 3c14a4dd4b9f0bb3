"""A result kept as plain JSON next to the data, keyed on everything it was made from.

The library and the pain rules are validated with pydantic, which the quick commands must not
import; both keep what validation made in a file like this, and read it back while nothing it was
made from (the files, the validating code, the version, the working directory) has changed.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol


class _Source(Protocol):
    path: Path
    built_in: bool


def fingerprint(fmt: int, code: Iterable[str], sources: Iterable[_Source],
                files_of: Callable[[Path], Iterable[Path]]) -> tuple[str, float]:
    """Everything a result was made from, as text to compare, and the newest file time seen.

    ``code`` names modules under ``planner/`` (``domain/errors.py``). The text itself is the key (a few kB): no digest,
    so no hashing module to import."""
    from planner import __version__

    code_dir = Path(__file__).parent.parent  # planner/
    parts: list[object] = [fmt, __version__, os.getcwd()]
    newest = 0.0
    for name in code:
        stat = (code_dir / name).stat()
        parts.append((name, stat.st_size, stat.st_mtime_ns))
    for source in sources:
        parts.append((str(source.path), source.built_in, source.path.exists()))
        if not source.path.exists():
            continue
        for file in files_of(source.path):
            stat = file.stat()
            parts.append((str(file), stat.st_size, stat.st_mtime_ns))
            newest = max(newest, stat.st_mtime, stat.st_ctime)
    return repr(parts), newest


def read(path: Path, key: str, build: Callable[[dict[str, Any]], Any]) -> Any | None:
    """``build(data)`` from the file at ``path`` if it was written under ``key``; otherwise ``None``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("key") != key:
            return None
        return build(data)
    except Exception:  # noqa: BLE001 - any damage to the cache only means it is rebuilt
        return None


def write(path: Path, key: str, payload: dict[str, Any]) -> None:
    """Write ``payload`` under ``key``, atomically and privately (0600); a failure leaves no file."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(mode=0o700, exist_ok=True)
        text = json.dumps({"key": key, **payload}, separators=(",", ":"))
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temp, path)
    except (OSError, TypeError, ValueError):
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
