"""The promise "check off sessions over SSH", kept through a real OpenSSH client and server."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SCREEN_NONE
from tests.e2e.sshd import SshServer
from tests.e2e.terminal import Terminal
from tests.e2e.test_in_tmux import HEADLINE, check_off_and_report_pain_on_a_phone, enter_pain, today_status

# Skipped without OpenSSH, except under CI=true where that fails (tests/e2e/conftest.py).
pytestmark = pytest.mark.sshd

TODAY = "2026-03-02"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SshServer]:
    server = SshServer(tmp_path_factory.mktemp("sshd"))
    yield server
    server.close()


def remote(server: SshServer, data: Path, *args: str, today: str = TODAY) -> subprocess.CompletedProcess[str]:
    """One line over SSH, as from a phone: ``ssh host planner ARGS``."""
    command = (f"env PLANNER_DATA_DIR={shlex.quote(str(data))} PLANNER_TODAY={today} "
               f"{shlex.quote(sys.executable)} -m planner " + " ".join(shlex.quote(a) for a in args))
    return subprocess.run([*server.ssh_command(), command], capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL)


def test_one_line_commands_over_ssh(server: SshServer, tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert remote(server, data, *SCREEN_NONE).returncode == 0
    built = remote(server, data, "plan", "new", "--program", "core-foundation", "--days", "mon,wed,fri")
    assert built.returncode == 0, built.stderr
    before = json.loads(remote(server, data, "today", "--json").stdout)
    assert before["status"] == "planned" and before["exercises"]
    done = remote(server, data, "done")
    assert done.returncode == 0, done.stderr
    assert "Checked off" in done.stdout
    after = json.loads(remote(server, data, "today", "--json").stdout)
    assert after["status"] == "done"
    # The session's own exercises; the walk apart from it is for any time of the day, not ticked by `done`.
    assert all(e["done"] for e in after["exercises"] if not e["apart"])
    assert [e["done"] for e in after["exercises"] if e["apart"]] == [False]
    history = json.loads(remote(server, data, "history", "--json").stdout)
    assert history["sessions"][-1]["status"] == "done"
    assert history["current_streak"] == 1


def last_line(screen: str) -> str:
    lines = [line.strip() for line in screen.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def shell_line(term: Terminal, line: str, marker: str) -> str:
    """Type a line into the remote shell, then wait for the regex ``marker``: text only the shell's output
    has, never the typed line's echo (waiting for the echo raced the output)."""
    term.type(line)
    term.press("Enter")
    return term.wait_until(re.compile(marker).search, f"{marker!r} in the shell's output")


@pytest.mark.tmux
def test_log_in_over_ssh_check_off_in_the_app_then_one_line_commands(server: SshServer, tmp_path: Path) -> None:
    """A new user logs in from a terminal at 80×24, builds a plan and checks today off in the app, logs out;
    then the one-line commands over SSH see what was recorded, and check off another day."""
    data = tmp_path / "data"
    login = " ".join(shlex.quote(a) for a in server.ssh_command(tty=True))
    with Terminal(login, width=80, height=24) as term:
        # Proof this is the remote side of a real SSH login on a pseudo-terminal: the shell expands these.
        term.type('echo "over-ssh-$((6*7)) $SSH_TTY ${SSH_CONNECTION##* }"')
        term.press("Enter")
        screen = term.wait_until(re.compile(r"over-ssh-42 \S* \d+\n").search, "the login's own line")
        assert re.search(r"over-ssh-42 /dev/pts/\d+ (\d+)\n", screen).group(1) == str(server.port), screen
        venv = shlex.quote(str(Path(sys.executable).parent))
        screen = shell_line(term, f"export PATH={venv}:$PATH PLANNER_DATA_DIR={shlex.quote(str(data))} "
                                  f"PLANNER_TODAY={TODAY}; echo set-$((1+1))", "set-2")
        prompt = term.wait_until(lambda s: last_line(s) != "set-2", "the prompt after set-2")
        prompt = last_line(prompt)
        term.type("planner")
        term.press("Enter")

        term.wait_for("Build your plan")
        term.wait_for("Can you walk for 20 minutes?")  # the level questions (the preview is below the fold)
        term.press("C-s")
        term.wait_for("Before your first plan")  # the safety questions, once
        term.press("C-s")  # none of them apply
        term.wait_until(lambda s: today_status(s) == "planned", "Today after building the plan")
        term.press("Space")  # the highlighted (first) exercise
        term.wait_for("[x]")
        term.press("d")  # all done
        term.wait_until(lambda s: today_status(s) == "done", "the session checked off")
        term.press("r")
        enter_pain(term, 2)
        term.press("Escape")
        term.wait_gone("Record (ctrl+s)")
        term.press("q")
        # Back at the remote prompt, main screen restored; only now type (the app drops keys as it exits).
        screen = term.wait_until(lambda s: last_line(s) == prompt and term.pane_flags()["alternate_on"] == "0",
                                 "the remote shell's prompt after quitting")
        assert "Traceback" not in screen, screen
        screen = shell_line(term, 'echo "planner-exit-$?"', r"planner-exit-\d+")
        assert "planner-exit-0" in screen, screen
        assert HEADLINE not in screen, "the app's screen is gone after quitting"
        term.type("exit")
        term.press("Enter")
        assert term.wait_exit() == 0, term.screen()

    today = json.loads(remote(server, data, "today", "--json").stdout)
    assert (today["date"], today["status"]) == (TODAY, "done")
    assert today["exercises"] and all(e["done"] for e in today["exercises"] if not e["apart"])  # d: not the walk
    history = json.loads(remote(server, data, "history", "--json").stdout)
    assert [(s["date"], s["status"]) for s in history["sessions"]] == [(TODAY, "done")]
    assert [p["score"] for p in history["sessions"][0]["pain"]] == [2]

    wednesday = "2026-03-04"
    done = remote(server, data, "done", today=wednesday)
    assert done.returncode == 0, done.stderr
    assert "Checked off" in done.stdout
    after = json.loads(remote(server, data, "today", "--json", today=wednesday).stdout)
    assert (after["date"], after["status"]) == (wednesday, "done")
    history = json.loads(remote(server, data, "history", "--json", today=wednesday).stdout)
    assert [(s["date"], s["status"]) for s in history["sessions"]] == [(TODAY, "done"), (wednesday, "done")]
    assert history["current_streak"] == 2


@pytest.mark.tmux
def test_from_a_phone_at_45x25_over_ssh_check_off_and_report_pain(server: SshServer, tmp_path: Path) -> None:
    """An SSH app on a phone in portrait (45×25): log in, open planner, the compact Today; check the
    session off and report pain with one key a step; quit back to the shell; the one-liners agree."""
    data = tmp_path / "data"
    assert remote(server, data, *SCREEN_NONE).returncode == 0  # 'plan new' needs the safety screening first
    built = remote(server, data, "plan", "new", "--program", "core-foundation", "--days", "mon,wed,fri")
    assert built.returncode == 0, built.stderr
    login = " ".join(shlex.quote(a) for a in server.ssh_command(tty=True))
    with Terminal(login, width=45, height=25) as term:
        term.type('echo "over-ssh-$((6*7)) ${SSH_CONNECTION##* }"')
        term.press("Enter")
        screen = term.wait_until(re.compile(r"over-ssh-42 \d+\n").search, "the login's own line")
        assert re.search(r"over-ssh-42 (\d+)\n", screen).group(1) == str(server.port), screen
        venv = shlex.quote(str(Path(sys.executable).parent))
        shell_line(term, f"export PATH={venv}:$PATH PLANNER_DATA_DIR={shlex.quote(str(data))} "
                         f"PLANNER_TODAY={TODAY}; echo set-$((1+1))", "set-2")
        prompt = last_line(term.wait_until(lambda s: last_line(s) != "set-2", "the prompt after set-2"))
        term.type("planner")
        term.press("Enter")
        check_off_and_report_pain_on_a_phone(term, 1)
        term.press("q")
        screen = term.wait_until(lambda s: last_line(s) == prompt and term.pane_flags()["alternate_on"] == "0",
                                 "the remote shell's prompt after quitting")
        assert "Traceback" not in screen, screen
        screen = shell_line(term, 'echo "planner-exit-$?"', r"planner-exit-\d+")
        assert "planner-exit-0" in screen, screen
        term.type("exit")
        term.press("Enter")
        assert term.wait_exit() == 0, term.screen()

    today = json.loads(remote(server, data, "today", "--json").stdout)
    assert (today["date"], today["status"]) == (TODAY, "done")
    assert today["exercises"] and all(e["done"] for e in today["exercises"] if not e["apart"])  # d: not the walk
    history = json.loads(remote(server, data, "history", "--json").stdout)
    assert [p["score"] for p in history["sessions"][0]["pain"]] == [1]
