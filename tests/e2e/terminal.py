"""A real terminal for end-to-end tests: tmux at a given size, keys in, screen text out.

Waiting is always for something on the screen (polling capture-pane with a timeout), never a bare
sleep: ``wait_for`` a piece of text, ``wait_until`` any condition on the screen, ``wait_exit`` for the
command to end and give its exit status.

Each terminal has its own tmux server (``-L``) with no config file, so tests can run in parallel and
a person's ``~/.tmux.conf`` changes nothing.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import time
import uuid
from collections.abc import Callable, Mapping

EXITED = re.compile(r"\[exited (\d+)\]")

# Never inherited from the process running the tests: each test says what it wants. COLUMNS and LINES
# matter most: something in the pytest process sets them at the C level (so not in os.environ, but in
# what a child inherits), and an app that sees them ignores the real window size and every resize.
SCRUBBED = ("COLUMNS", "LINES", "NO_COLOR", "COLORTERM", "PLANNER_DATA_DIR", "PLANNER_TODAY", "PLANNER_LIBRARY",
            "PLANNER_HOUR", "TMUX")


class Terminal:
    def __init__(self, command: str, *, width: int = 80, height: int = 24, env: Mapping[str, str] | None = None,
                 term: str = "xterm-256color", cwd: str | None = None):
        self.name = f"planner-test-{uuid.uuid4().hex[:8]}"
        env = {"PLANNER_HOUR": "18", **(env or {})}  # an evening, unless a test says otherwise (see clock.hour)
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        script = (f"unset {' '.join(SCRUBBED)}; export TERM={shlex.quote(term)} {exports}; "
                  f"{'cd ' + shlex.quote(cwd) + '; ' if cwd else ''}{command}; echo \"[exited $?]\"; sleep 3600")
        self._tmux("new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height), "bash", "-c", script)

    def _tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["tmux", "-f", "/dev/null", "-L", self.name, *args], capture_output=True, text=True,
                              check=check, env=dict(os.environ))

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def screen(self, *, escapes: bool = False) -> str:
        """The visible screen as text; with ``escapes`` the colours and attributes too (SGR sequences)."""
        return self._tmux("capture-pane", "-p", *(["-e"] if escapes else []), "-t", self.name, check=False).stdout

    def wait_until(self, condition: Callable[[str], object], what: str, timeout: float = 20.0) -> str:
        """Poll the screen until ``condition(screen)`` is true; return that screen, or fail showing the last one."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if condition(screen):
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{what} did not happen within {timeout}s; the screen shows:\n{screen}")

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        return self.wait_until(lambda screen: text in screen, f"{text!r} appearing", timeout)

    def wait_gone(self, text: str, timeout: float = 20.0) -> str:
        return self.wait_until(lambda screen: text not in screen, f"{text!r} going away", timeout)

    def wait_exit(self, timeout: float = 20.0) -> int:
        """Wait for the command to end; return its exit status."""
        screen = self.wait_until(EXITED.search, "the command exiting", timeout)
        return int(EXITED.findall(screen)[-1])

    def press(self, *keys: str, together: bool = False) -> None:
        """Send keys by tmux name (``Enter``, ``Space``, ``C-s``, ``Escape``, ``q``), one at a time, or
        ``together`` in one write, as a fast typist or a laggy link delivers them."""
        for batch in ([list(keys)] if together else [[key] for key in keys]):
            self._tmux("send-keys", "-t", self.name, *batch)

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", self.name, "-l", text)

    def resize(self, width: int, height: int) -> None:
        self._tmux("resize-window", "-t", self.name, "-x", str(width), "-y", str(height))

    def size(self) -> tuple[int, int]:
        out = self._tmux("display-message", "-p", "-t", self.name, "#{window_width} #{window_height}").stdout
        width, height = out.split()
        return int(width), int(height)

    def pane_flags(self) -> dict[str, str]:
        """The terminal modes the program left set: alternate screen, cursor shown, mouse reporting, keypad."""
        names = ("alternate_on", "cursor_flag", "mouse_any_flag", "mouse_button_flag", "mouse_sgr_flag",
                 "keypad_flag")
        out = self._tmux("display-message", "-p", "-t", self.name, " ".join(f"#{{{n}}}" for n in names)).stdout
        return dict(zip(names, out.split(), strict=True))

    def close(self) -> None:
        self._tmux("kill-server", check=False)


def have_tmux() -> bool:
    return shutil.which("tmux") is not None
