"""The pain rules in force, kept as plain JSON next to the database (like the library), so the quick
commands read them without pydantic; rebuilt whenever anything they were made from changes."""

from __future__ import annotations

import time
from pathlib import Path

from planner.domain.errors import Problem
from planner.domain.library.loading import Source
from planner.domain.pain.rules import LoadedRules, PainRules, load_pain_rules, rule_files
from planner.store import json_cache

# Like planner.store.library_cache, plain JSON keyed on everything the result was made from.
FORMAT = 1
RECENT_SECONDS = 2.0
_CODE = ("domain/pain/rules.py", "domain/files/validation.py", "domain/files/messages.py",
         "domain/files/toml_lines.py", "domain/files/control.py", "domain/library/loading.py", "domain/errors.py",
         "store/rules_cache.py", "store/json_cache.py")


def load_pain_rules_cached(sources: list[Source], cache_dir: Path | None) -> LoadedRules:
    """:func:`load_pain_rules`, read from ``cache_dir`` when nothing it was made from changed."""
    if cache_dir is None:
        return load_pain_rules(sources)
    try:
        key, newest = _fingerprint(sources)
    except OSError:
        return load_pain_rules(sources)
    path = cache_dir / "pain-rules.json"
    cached = _read(path, key)
    if cached is not None:
        return cached
    loaded = load_pain_rules(sources)
    if time.time() - newest > RECENT_SECONDS:
        _write(path, key, loaded)
    return loaded


def _fingerprint(sources: list[Source]) -> tuple[str, float]:
    return json_cache.fingerprint(FORMAT, _CODE, sources, rule_files)


def _read(path: Path, key: str) -> LoadedRules | None:
    return json_cache.read(path, key, lambda data: LoadedRules(
        PainRules(**data["rules"]), data["origin"], [Problem(*p) for p in data["problems"]],
        list(data["notices"]), list(data["checked"])))


def _write(path: Path, key: str, loaded: LoadedRules) -> None:
    json_cache.write(path, key, {"rules": loaded.rules.dump(), "origin": loaded.origin,
                                 "problems": [[p.path, p.line, p.field, p.message] for p in loaded.problems],
                                 "notices": loaded.notices, "checked": loaded.checked})
