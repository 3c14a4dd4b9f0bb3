"""The app in a real terminal (tmux): keys that arrive together, and what the shell sees after a crash."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest

from tests.e2e.terminal import Terminal
from tests.e2e.test_in_tmux import HEADLINE, TODAY, app, planned_day, quit_cleanly

pytestmark = pytest.mark.tmux


def test_ctrl_p_with_page_keys_in_one_read_leaves_the_app_running(tmp_path: Path) -> None:
    with app(planned_day(tmp_path)) as term:
        term.wait_for(HEADLINE)
        term.wait_for("Check off")
        term.press("C-p", "PPage", "NPage", together=True)
        term.wait_for("Search for commands")
        term.press("NPage", "PPage", "NPage", together=True)
        term.press("Escape")
        term.wait_gone("Search for commands")
        screen = term.screen()
        assert "KeyError" not in screen and "Traceback" not in screen, screen
        quit_cleanly(term)


def test_a_crash_never_exits_0(tmp_path: Path) -> None:
    """Whatever breaks inside the app, the shell (and a script running planner) must see a failure."""
    crash = ("import planner.app.main as m; m.PlannerApp.action_help = lambda self: 1 / 0; "
             "from planner.cli import main; raise SystemExit(main())")
    data = planned_day(tmp_path)
    command = f"{shlex.quote(sys.executable)} -c {shlex.quote(crash)}"
    with Terminal(command, env={"PLANNER_DATA_DIR": str(data), "PLANNER_TODAY": TODAY}) as term:
        term.wait_for(HEADLINE)
        term.press("?")
        assert term.wait_exit() == 1, term.screen()
