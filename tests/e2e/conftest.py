"""Tests marked ``tmux``, ``sshd`` or ``browser`` need those programs: skipped without them, except under CI.

With ``CI=true`` a missing tool is a failure, so a CI image without tmux or OpenSSH can never pass by
quietly skipping the tests that keep the "check off over SSH" promise (``.ci/run`` installs them).
"""

from __future__ import annotations

import os

import pytest

from tests.e2e.browser import have_browser
from tests.e2e.sshd import have_sshd
from tests.e2e.terminal import have_tmux

NEEDS = {
    "tmux": (have_tmux, "tmux"),
    "sshd": (have_sshd, "OpenSSH (sshd, ssh and ssh-keygen)"),
    "browser": (have_browser, "Chromium (/usr/bin/chromium) with Playwright's Python package"),
}


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    for marker, (available, what) in NEEDS.items():
        if item.get_closest_marker(marker) is None or available():
            continue
        if in_ci():
            pytest.fail(f"{what} is not installed, and CI must run the tests marked {marker!r} "
                        "(.ci/run installs it)", pytrace=False)
        pytest.skip(f"{what} is not installed")
