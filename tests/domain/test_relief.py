"""The relief routine (Relief screen and a paused plan): the whole routine, in order, chosen by slot."""

from __future__ import annotations

from pathlib import Path

from planner.domain.days.relief import relief_routine
from planner.domain.library.loading import Source, load_library
from planner.locations import built_in_library

LIBRARY = load_library([Source(built_in_library(), built_in=True)])


def test_the_routine_runs_movement_position_heat_breathing_walk() -> None:
    routine = relief_routine(LIBRARY)
    assert [p.slot for p in routine] == ["gentle-movement", "gentle-movement", "rest-position", "heat-cold",
                                         "breathing", "walk"]
    assert [p.id for p in routine][:4] == ["supine-knee-rocks", "pelvic-tilt", "rest-pillows-under-knees",
                                           "heat-therapy"]
    assert "cold-therapy" not in {p.id for p in routine}, "heat is the default; never heat and cold together"
    assert routine[-1].id == "short-walk"


def test_a_library_without_the_usual_items_still_fills_each_step_by_slot(tmp_path: Path) -> None:
    """Another heat pack of one's own, and no knee rocks: the routine takes what serves each slot."""
    mine = tmp_path / "lib"
    mine.mkdir()
    (mine / "warm-bath.toml").write_text(
        'name = "Warm bath"\ncategory = "relief"\nkind = "duration"\ntargets = ["lower-back"]\n'
        'slots = ["heat-cold"]\ncues = ["Soak for a while."]\ncautions = ["Not too hot."]\n'
        '[dose]\nminutes = 15\n', encoding="utf-8")
    library = load_library([Source(built_in_library(), built_in=True), Source(mine)])
    del library.exercises["heat-therapy"]
    routine = relief_routine(library)
    packs = [p.id for p in routine if p.slot == "heat-cold"]
    assert len(packs) == 1 and packs[0] in {"warm-bath", "cold-therapy"}
