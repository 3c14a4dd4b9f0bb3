"""``planner relief --json``: the app's relief items, within the cold, heat and movement limits."""

from __future__ import annotations

import json

from tests.conftest import RunPlanner


def test_relief_json_obeys_the_cold_heat_and_movement_limits(run_planner: RunPlanner) -> None:
    result = run_planner("relief", "--json")
    assert result.returncode == 0, result.stderr
    routine = json.loads(result.stdout)
    items = routine["items"]
    kinds = [i["kind"] for i in items]
    assert set(kinds) == {"movement", "position", "heat", "cold", "water"}
    cold = next(i for i in items if i["kind"] == "cold")
    heat = next(i for i in items if i["kind"] == "heat")
    assert cold["timer"]["longest"] == 15 and cold["minutes"] <= 15 and cold["instead_of"] == heat["id"]
    assert heat["timer"]["longest"] == 20 and heat["minutes"] <= 20
    counted = [i for i in items if i["instead_of"] is None]
    total = sum(i["minutes"] for i in counted)
    moving = sum(i["minutes"] for i in counted if i["kind"] == "movement")
    lying = sum(i["minutes"] for i in counted if i["kind"] in ("position", "heat", "cold"))
    assert (routine["minutes"], routine["movement_minutes"]) == (total, moving)
    assert moving >= 0.45 * total and lying <= routine["lying_share_max"] * total
    assert all(i["cues"] for i in items)
    text = run_planner("relief").stdout
    for item in items:
        assert item["name"] in text
    assert "EMERGENCY" in text
