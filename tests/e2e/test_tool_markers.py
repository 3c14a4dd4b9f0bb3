"""The rule that keeps CI honest: without tmux, OpenSSH or Chromium the marked tests skip, except under CI=true."""

from __future__ import annotations

import pytest

from tests.e2e import conftest


class Item:
    def __init__(self, *markers: str):
        self.markers = markers

    def get_closest_marker(self, name: str) -> object | None:
        return pytest.mark.tmux if name in self.markers else None


@pytest.fixture
def nothing_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(conftest, "NEEDS", {name: (lambda: False, what)
                                            for name, (_, what) in conftest.NEEDS.items()})


@pytest.mark.parametrize("marker", ["tmux", "sshd", "browser"])
@pytest.mark.parametrize("ci", [None, "", "false", "0"])
def test_a_missing_tool_skips_outside_ci(nothing_installed: None, monkeypatch: pytest.MonkeyPatch, marker: str,
                                         ci: str | None) -> None:
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.skip.Exception, match="not installed"):
        conftest.pytest_runtest_setup(Item(marker))


@pytest.mark.parametrize("marker", ["tmux", "sshd", "browser"])
@pytest.mark.parametrize("ci", ["true", "1", "TRUE"])
def test_a_missing_tool_fails_under_ci(nothing_installed: None, monkeypatch: pytest.MonkeyPatch, marker: str,
                                       ci: str) -> None:
    monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.fail.Exception, match=f"must run the tests marked '{marker}'"):
        conftest.pytest_runtest_setup(Item(marker))


def test_unmarked_tests_and_installed_tools_run(nothing_installed: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    conftest.pytest_runtest_setup(Item())  # no marker: nothing to check
    monkeypatch.setattr(conftest, "NEEDS", {"tmux": (lambda: True, "tmux")})
    conftest.pytest_runtest_setup(Item("tmux"))


def test_the_markers_are_registered(pytestconfig: pytest.Config) -> None:
    registered = {line.split(":")[0] for line in pytestconfig.getini("markers")}
    assert {"tmux", "sshd", "browser"} <= registered
