"""The built-plan cache gives exactly the plan the builder gives, and builds again whenever it cannot be sure."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.domain.library.loading import Library, Source, load_library
from planner.domain.plan import builder
from planner.domain.plan.builder import build_plan
from planner.domain.plan.model import DayChange, PlanInputs
from planner.locations import built_in_library
from planner.store import library_cache, plan_cache
from planner.store.library_cache import load_library_cached
from planner.store.plan_cache import build_plan_cached

SOURCES = [Source(built_in_library(), built_in=True)]


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Library:
    monkeypatch.setattr(library_cache, "RECENT_SECONDS", -1.0)
    loaded = load_library_cached(SOURCES, tmp_path / "library-cache")
    assert loaded.cache_key is not None
    return loaded


def inputs(program: str, weeks: int = 12, **more: object) -> PlanInputs:
    return PlanInputs(program=program, days=["mon", "wed", "fri", "sat"], minutes=30, level=2, weeks=weeks,
                      start=dt.date(2026, 3, 2), **more)


def no_building(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("built again")

    monkeypatch.setattr(builder, "build_plan", refuse)


def test_every_program_reads_back_as_the_plan_built(library: Library, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    cases = [inputs(p, weeks) for p in sorted(library.programs) for weeks in (3, 52)]
    cases.append(inputs("core-foundation", day_changes=[DayChange(from_week=3, days=["tue", "thu", "fri", "sun"])]))
    for case in cases:
        folder = tmp_path / f"{case.program}-{case.weeks}-{len(case.day_changes)}"
        built = build_plan_cached(case, library, folder)
        with monkeypatch.context() as patch:
            no_building(patch)
            cached = build_plan_cached(case, library, folder)
        assert cached == built == build_plan(case, library)
        assert repr(cached) == repr(built), "the same types all the way down: enums and dates, not text"


def test_other_inputs_or_another_library_build_again(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    first = build_plan_cached(inputs("core-foundation"), library, folder)
    other = build_plan_cached(inputs("core-foundation", weeks=6), library, folder)
    assert len(other.weeks) == 6 != len(first.weeks)
    changed = load_library(SOURCES)
    changed.cache_key = "another library"
    program = changed.programs["core-foundation"]
    changed.programs["core-foundation"] = type(program)(**{**program.__dict__, "name": "Renamed"})
    assert build_plan_cached(inputs("core-foundation", weeks=6), changed, folder).program_name == "Renamed"


def test_a_new_format_builds_again(library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cache"
    build_plan_cached(inputs("core-foundation"), library, folder)
    written = (folder / "plan.json").read_text()
    monkeypatch.setattr(plan_cache, "FORMAT", plan_cache.FORMAT + 1)
    build_plan_cached(inputs("core-foundation"), library, folder)
    assert (folder / "plan.json").read_text() != written


def test_a_library_without_a_trusted_key_keeps_nothing(tmp_path: Path) -> None:
    fresh = load_library(SOURCES)
    assert fresh.cache_key is None
    assert build_plan_cached(inputs("core-foundation"), fresh, tmp_path / "cache") == build_plan(
        inputs("core-foundation"), fresh)
    assert not (tmp_path / "cache").exists()


def test_an_unwritable_cache_folder_still_builds(library: Library, tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder would go")
    assert build_plan_cached(inputs("core-foundation"), library, blocker) == build_plan(
        inputs("core-foundation"), library)
