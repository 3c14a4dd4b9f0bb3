"""The relief routine (Relief screen and a paused plan): the whole routine, in order, chosen by slot."""

from __future__ import annotations

import re
from pathlib import Path

from planner.domain.days.relief import (
    COLD_MAX_MINUTES,
    HEAT_MAX_MINUTES,
    lying_minutes,
    movement_minutes,
    relief_items,
    relief_routine,
    total_minutes,
)
from planner.domain.library.loading import Source, load_library
from planner.domain.plan.active_first import LYING_SHARE, PACK_SHORTEST
from planner.locations import built_in_library

LIBRARY = load_library([Source(built_in_library(), built_in=True)])


def test_the_routine_runs_movement_position_heat_water_walk() -> None:
    routine = relief_routine(LIBRARY)
    assert [p.slot for p in routine] == ["gentle-movement", "gentle-movement", "rest-position", "heat-cold",
                                         "water", "walk"]
    assert [p.id for p in routine][:4] == ["supine-knee-rocks", "pelvic-tilt", "rest-pillows-under-knees",
                                           "heat-therapy"]
    assert "cold-therapy" not in {p.id for p in routine}, "heat is the default; never heat and cold together"
    assert routine[-1].id == "short-walk"


def test_cold_and_heat_are_each_their_own_item_within_their_limits() -> None:
    items = relief_items(LIBRARY)
    by_kind = {i.kind: i for i in items}
    assert by_kind["cold"].timer == (PACK_SHORTEST, COLD_MAX_MINUTES) == (10, 15)
    assert by_kind["heat"].timer == (PACK_SHORTEST, HEAT_MAX_MINUTES) == (10, 20)
    assert by_kind["cold"].instead_of == "heat-therapy" and not by_kind["cold"].counted
    assert {i.kind for i in items} == {"movement", "position", "heat", "cold", "water"}
    assert lying_minutes(items) <= LYING_SHARE * total_minutes(items), "movement first, by the project's rule"
    assert movement_minutes(items) >= 0.45 * total_minutes(items)


def test_the_pack_cards_say_the_routines_numbers() -> None:
    """The cold and heat cards' "at most" is the routine's limit: one source, checked here."""
    cold = " ".join(LIBRARY.exercises["cold-therapy"].cues)
    heat = " ".join(LIBRARY.exercises["heat-therapy"].cues)
    assert f"{PACK_SHORTEST} to {COLD_MAX_MINUTES} at most" in cold
    assert f"{HEAT_MAX_MINUTES} at most" in heat
    for text in (cold, heat):
        stated = {int(n) for n in re.findall(r"(\d+) at most", text)}
        assert stated <= {COLD_MAX_MINUTES, HEAT_MAX_MINUTES}


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
