"""The promise "check off sessions over SSH", kept through a real OpenSSH client and server."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.sshd import SshServer, have_sshd

pytestmark = [pytest.mark.sshd, pytest.mark.skipif(not have_sshd(), reason="OpenSSH server not installed")]

TODAY = "2026-03-02"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SshServer]:
    server = SshServer(tmp_path_factory.mktemp("sshd"))
    yield server
    server.close()


def remote(server: SshServer, data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = (f"env PLANNER_DATA_DIR={shlex.quote(str(data))} PLANNER_TODAY={TODAY} "
               f"{shlex.quote(sys.executable)} -m planner " + " ".join(shlex.quote(a) for a in args))
    return subprocess.run([*server.ssh_command(), command], capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL)


def test_one_line_commands_over_ssh(server: SshServer, tmp_path: Path) -> None:
    data = tmp_path / "data"
    built = remote(server, data, "plan", "new", "--program", "core-foundation", "--days", "mon,wed,fri")
    assert built.returncode == 0, built.stderr
    before = json.loads(remote(server, data, "today", "--json").stdout)
    assert before["status"] == "planned" and before["exercises"]
    done = remote(server, data, "done")
    assert done.returncode == 0, done.stderr
    assert "Checked off" in done.stdout
    after = json.loads(remote(server, data, "today", "--json").stdout)
    assert after["status"] == "done"
    assert all(e["done"] for e in after["exercises"])
    history = json.loads(remote(server, data, "history", "--json").stdout)
    assert history["sessions"][-1]["status"] == "done"
    assert history["current_streak"] == 1
