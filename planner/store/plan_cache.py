"""The active plan as last built, kept next to the database so a quick command need not build it again.

A plan is never stored as weeks and doses (the store keeps only its inputs), so every command used to
rebuild it: about a tenth of ``planner today``'s time. :func:`build_plan_cached` keeps the latest built
plan in one JSON file (see :mod:`planner.store.json_cache`) under a key made of everything the
build depends on:

- the inputs, exactly as given;
- the library's own cache key (every library file by path, size and mtime, planner's version, the
  working directory), so any edit to a built-in or user exercise or program rebuilds the plan;
- the code of every module in the plan and library subpackages.

A library that has no trustworthy key (no cache dir, or a file changed in the last seconds) means no
plan is kept either. Anything wrong with the file (missing, unreadable, corrupt, another key) means it
is built again and rewritten; it never raises. Only the latest plan is kept: one file, not one per plan.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from planner.domain.library.loading import Library
from planner.domain.library.models import Category, Kind
from planner.domain.plan.model import Plan, PlanInputs, Prescription, Session, Week
from planner.store import json_cache

FORMAT = 2
FILE_NAME = "plan.json"
# The code that decides what a plan becomes: every module of the plan and library subpackages (new ones
# included, so none is forgotten), and the shared errors. A change to any of them rebuilds the plan.
_ROOT = Path(json_cache.__file__).parent.parent  # planner/
_PACKAGES = ("domain/plan", "domain/library")


def _code() -> list[str]:
    return ["domain/errors.py", "store/plan_cache.py", "store/json_cache.py",
            *(f"{package}/{module.name}" for package in _PACKAGES
              for module in sorted((_ROOT / package).glob("*.py")))]


# Plans this process has built, by key (a long-lived process, the app or the tests, builds each once).
# A plan and everything in it is frozen and never changed after it is built, so the plan itself is kept.
_BUILT: dict[str, Plan] = {}
_BUILT_MAX = 8


def build_plan_cached(inputs: PlanInputs, library: Library, cache_dir: Path | None) -> Plan:
    """:func:`~planner.domain.plan.builder.build_plan`, from this process's own or from ``cache_dir`` when
    nothing it depends on changed."""
    key = _key(inputs, library) if cache_dir is not None else None
    if key is not None and cache_dir is not None:
        path = cache_dir / FILE_NAME
        if key in _BUILT and json_cache.unchanged(path, key):  # the file is as this process left it
            return _BUILT[key]
        cached = json_cache.read(path, key, _plan_from)
        if isinstance(cached, Plan):
            _keep(key, cached)
            return cached
    if key is not None and key in _BUILT:
        plan = _BUILT[key]
    else:
        from planner.domain.plan.builder import build_plan  # only when there is something to build

        plan = build_plan(inputs, library)
    if key is not None and cache_dir is not None:
        json_cache.write(cache_dir / FILE_NAME, key, _plan_to(plan))
        _keep(key, plan)
    return plan


def _keep(key: str, plan: Plan) -> None:
    while len(_BUILT) >= _BUILT_MAX:
        _BUILT.pop(next(iter(_BUILT)))
    _BUILT[key] = plan


def _key(inputs: PlanInputs, library: Library) -> str | None:
    if library.cache_key is None:
        return None
    try:
        code, _ = json_cache.fingerprint(FORMAT, _code(), (), lambda _path: ())
    except OSError:
        return None
    return repr((code, inputs.to_json(), library.cache_key))


def _plan_to(plan: Plan) -> dict:
    """The plan as plain JSON. A year's plan is ~3,800 prescriptions but only a few hundred different ones
    (the same exercise at the same dose on each session day of a week): each is written once, in
    ``prescriptions``, and a session lists the positions of its own."""
    table: dict[tuple, int] = {}
    rows: list[dict] = []

    def position(item: Prescription) -> int:
        fields = _fields(item)
        key = tuple(fields.values())
        if key not in table:
            table[key] = len(rows)
            rows.append(fields)
        return table[key]

    weeks = [{"number": w.number, "deload": w.deload, "reasons": w.reasons,
              "sessions": [{"date": s.date.isoformat(), "slot": s.slot,
                            "exercises": [position(p) for p in s.exercises]} for s in w.sessions]}
             for w in plan.weeks]
    return {"inputs": plan.inputs.to_json(), "program_name": plan.program_name, "prescriptions": rows,
            "weeks": weeks}


def _fields(item: Prescription) -> dict:
    """A prescription's fields (all plain values: no need for ``dataclasses.asdict``'s deep copy)."""
    return {name: getattr(item, name) for name in _FIELDS}


_FIELDS = tuple(f.name for f in dataclasses.fields(Prescription))


# Members by value (a call to the enum costs several times a lookup; an unknown value raises either way).
_CATEGORIES = {member.value: member for member in Category}
_KINDS = {member.value: member for member in Kind}


def _plan_from(data: dict) -> Plan:
    """A plan from what :func:`_plan_to` wrote: dates and enums made whole again. Each different
    prescription is made once and shared by the sessions that hold it (they are frozen), which made
    reading a year's plan back about three times faster than making each of them anew."""
    made = [Prescription(**{**p, "category": _CATEGORIES[p["category"]], "kind": _KINDS[p["kind"]]})
            for p in data["prescriptions"]]
    weeks = [
        Week(number=w["number"], deload=w["deload"], reasons=list(w["reasons"]), sessions=[
            Session(date=dt.date.fromisoformat(s["date"]), slot=s["slot"], exercises=[made[i] for i in s["exercises"]])
            for s in w["sessions"]])
        for w in data["weeks"]
    ]
    return Plan(inputs=PlanInputs.from_json(data["inputs"]), program_name=data["program_name"], weeks=weeks)
