"""The app's Today keeps an easier variant until its top dose is done, and says why (same rule as the CLI)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from planner.cli import main as cli
from tests.app.conftest import TODAY, make_app, settle

START = (dt.date.fromisoformat(TODAY) - dt.timedelta(days=14)).isoformat()  # today is week 3's Monday (or see below)


def plan_json(capsys: pytest.CaptureFixture[str]) -> dict:
    capsys.readouterr()
    assert cli(["plan", "show", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


async def test_today_keeps_the_easier_variant_until_its_top_dose_is_done(
        data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["screen", "--none"]) == 0
    assert cli(["plan", "new", "--program", "core-foundation", "--days", "mon,wed,fri", "--minutes", "30",
                "--level", "1", "--weeks", "12", "--start", START]) == 0
    weeks = plan_json(capsys)["weeks"]

    def new_in(index: int) -> list[str]:
        """What the plan brings in week ``index`` that the week before did not have in any session."""
        last_week = {e["id"] for s in weeks[index - 1]["sessions"] for e in s["exercises"]}
        return [e["id"] for e in weeks[index]["sessions"][0]["exercises"] if e["id"] not in last_week]

    first = next((i for i in range(1, len(weeks)) if new_in(i) and not weeks[i]["deload"]), None)
    assert first is not None, "the plan promotes something"
    if first != 2:  # today must be the Monday of the week that promotes: the same plan, started that much earlier
        start = (dt.date.fromisoformat(TODAY) - dt.timedelta(days=7 * first)).isoformat()
        assert cli(["plan", "new", "--program", "core-foundation", "--days", "mon,wed,fri", "--minutes", "30",
                    "--level", "1", "--weeks", "12", "--start", start]) == 0
        weeks = plan_json(capsys)["weeks"]
    new = new_in(first)
    for week in weeks[:first - 1]:
        for session in week["sessions"]:
            assert cli(["done", "--date", session["date"]]) == 0
    # Then, the week before, one session done and two done without what the harder variants replace (two done
    # in part count as one, so that week is done enough to move on; its top doses were done once).
    before = weeks[first - 1]
    assert cli(["done", "--date", before["sessions"][0]["date"]]) == 0
    coming = {e["id"] for e in weeks[first]["sessions"][0]["exercises"]}
    for session in before["sessions"][1:]:
        kept = [e["id"] for e in session["exercises"] if e["id"] in coming]
        assert cli(["done", "--date", session["date"], *kept]) == 0
    held = plan_json(capsys)["held_back"]
    assert held and {h["instead_of"] for h in held} <= set(new)

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        options = app.screen.query_one("#exercises", OptionList)
        shown = [options.get_option_at_index(i).id for i in range(options.option_count)]
        for h in held:
            assert h["id"] in shown and h["instead_of"] not in shown
        reasons = " ".join(str(app.screen.query_one("#reasons", Static).render()).split())
        for h in held:
            assert " ".join(h["reason"].split()) in reasons
        # The week as the plan view shows it: the week's note says the plan moves up (as built, the harder
        # variant is in the sessions), and while it waits on a day shown above, the wait is said there too
        # ("once you have done that top dose" was said of every week, even with the harder one in place).
        await pilot.press("w")
        await settle(pilot)
        detail = " ".join(app.screen.query_one("#week-sessions").text.split())
        assert "moves up to" in detail and "once you have done" not in detail, detail
        for h in held:
            assert " ".join(h["reason"].split()) in detail
